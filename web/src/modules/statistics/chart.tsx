// Bar chart of one statistics table. chart.js is tree-shaken: only the bar controller, its element, the two
// scales and the legend/tooltip plugins are registered. The canvas is an image whose label points to the
// HTML table under it: the table is its text alternative.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import type { StatTable } from "./types";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = ["#1f5fa8", "#c2571a", "#2e8540", "#7a4fa3", "#b8860b", "#0f7c8c", "#a33b5c", "#555555"];

export function StatChart({ table, locale, label }: { table: StatTable; locale: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    // Count columns only (rates, changes, sums and averages have other units), without the columns that
    // total the others (year, received, processed, survey responses) and without the totals row.
    const cols = table.columns
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c }) =>
          c.kind === "count" &&
          c.id !== "total" &&
          c.id !== "year" &&
          c.id !== "received" &&
          c.id !== "responses" &&
          c.id !== "processed",
      );
    const rows = table.rows.filter((r) => !r.total);
    const chart = new Chart(ref.current, {
      type: "bar",
      data: {
        labels: rows.map((r) => r.label),
        datasets: cols.map(({ c, i }, k) => ({
          label: c.label,
          data: rows.map((r) => r.cells[i] ?? 0),
          backgroundColor: COLORS[k % COLORS.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale,
        scales: { x: { stacked: cols.length > 4 }, y: { stacked: cols.length > 4, beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [table, locale]);
  return (
    <div className="stat-chart" style={{ height: 260 }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
