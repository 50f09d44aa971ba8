// Bar chart of the survey's average score per question. chart.js is tree-shaken as on the statistics page:
// only the bar controller, its element, the two scales and the legend/tooltip plugins are registered
// (registering twice is harmless). The canvas is an image whose label names the table under it as its
// text alternative.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function SurveyChart({
  labels,
  series,
  locale,
  label,
  tableId,
}: {
  labels: string[];
  series: Array<{ label: string; data: Array<number | null> }>;
  locale: string;
  label: string;
  tableId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const colors = ["#1f5fa8", "#c2571a", "#2e8540", "#7a4fa3", "#b8860b", "#0f7c8c"];
    const chart = new Chart(ref.current, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s, k) => ({
          label: s.label,
          data: s.data,
          backgroundColor: colors[k % colors.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale,
        scales: { y: { min: 0, max: 5, ticks: { stepSize: 1 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, locale]);
  return (
    <div className="stat-chart no-print" style={{ height: 240 }}>
      <canvas ref={ref} role="img" aria-label={label} aria-describedby={tableId} />
    </div>
  );
}
