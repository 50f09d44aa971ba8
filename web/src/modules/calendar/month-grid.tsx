import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { monthWeeks, moveByKey } from "./grid";
import type { YearDay } from "./types";

/** A mark besides colour, so the grid reads the same without colour vision. */
export const STATUS_MARK: Record<string, string> = {
  holiday: "●",
  closure: "■",
  makeup: "◆",
  "override-workday": "◆",
  "holiday-removed": "○",
};

export function dayClass(d: YearDay | undefined): string {
  if (!d) return "cal-day";
  const s = d.status ?? "working";
  return `cal-day cal-${s}${d.overrideId ? " cal-entry" : ""}`;
}

/** Accessible name of a day: date, weekday, status and the name of the holiday or entry. */
export function dayLabel(
  d: YearDay,
  t: (k: string, o?: Record<string, unknown>) => string,
  locale: string,
): string {
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date(`${d.date}T00:00:00Z`));
  const status = t(`calendar.status.${d.status ?? "working"}`);
  const name = d.name && d.status !== "weekend" ? `: ${d.name}` : "";
  return `${date}, ${status}${name}`;
}

/**
 * One month as a table of day buttons with a roving tab stop: only the focused day of the year is in
 * the tab order; arrow keys, Home/End and Page Up/Down move (across months too), Enter or Space selects.
 */
export function MonthGrid({
  year,
  month,
  days,
  focused,
  selected,
  onFocusDay,
  onSelect,
}: {
  year: number;
  month: number;
  days: Map<string, YearDay>;
  focused: string;
  selected: string | null;
  onFocusDay(date: string): void;
  onSelect(date: string): void;
}) {
  const { t, i18n } = useTranslation();
  const weekdays = t("calendar.year.weekdaysShort", { returnObjects: true }) as unknown as string[];
  const title = new Intl.DateTimeFormat(i18n.language, {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = moveByKey(e.key, focused);
    if (next === null) return;
    e.preventDefault();
    if (next.startsWith(`${year}-`)) onFocusDay(next);
  };
  const named = [...days.values()].filter(
    (d) =>
      d.date.startsWith(`${year}-${String(month).padStart(2, "0")}-`) && d.name && d.status !== "weekend",
  );
  const captionId = `cal-month-${month}`;
  return (
    <div className="cal-month">
      <table aria-labelledby={captionId} className="cal-grid">
        <caption id={captionId}>{title}</caption>
        <thead>
          <tr>
            {weekdays.map((w, i) => (
              <th key={w} scope="col" abbr={w} className={i === 0 || i === 6 ? "cal-we" : undefined}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find(Boolean) ?? "x"}>
              {week.map((date, i) => {
                // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have no identity but their place
                if (!date) return <td key={`blank-${i}`} aria-hidden="true" />;
                const d = days.get(date);
                const mark = d?.status ? STATUS_MARK[d.status] : undefined;
                return (
                  <td key={date} className={date === focused ? "cal-focused" : undefined}>
                    <button
                      type="button"
                      id={`cal-day-${date}`}
                      className={dayClass(d)}
                      tabIndex={date === focused ? 0 : -1}
                      aria-current={date === selected ? "date" : undefined}
                      onKeyDown={onKey}
                      aria-label={d ? dayLabel(d, t, i18n.language) : date}
                      title={d?.name && d.status !== "weekend" ? d.name : undefined}
                      onFocus={() => date !== focused && onFocusDay(date)}
                      onClick={() => onSelect(date)}
                    >
                      <span aria-hidden="true">{Number(date.slice(8))}</span>
                      {mark && (
                        <span className="cal-mark" aria-hidden="true">
                          {mark}
                        </span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {named.length > 0 && (
        <ul className="cal-names small">
          {named.map((d) => (
            <li key={d.date}>
              <span className={`cal-swatch cal-${d.status}`} aria-hidden="true">
                {d.status ? STATUS_MARK[d.status] : ""}
              </span>{" "}
              <time dateTime={d.date}>{Number(d.date.slice(8))}</time> {d.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
