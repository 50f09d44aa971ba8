// Date arithmetic for the year grid (local dates as YYYY-MM-DD, no time zone involved). Pure.

const DAY_MS = 86_400_000;
const toDay = (key: string) => Date.parse(`${key}T00:00:00Z`) / DAY_MS;
const toKey = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Weeks (Sunday first) of a month; days outside the month are null. `month` is 1-12. */
export function monthWeeks(year: number, month: number): Array<Array<string | null>> {
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const last = Date.UTC(year, month, 0) / DAY_MS;
  const weeks: Array<Array<string | null>> = [];
  let week: Array<string | null> = new Array(new Date(first * DAY_MS).getUTCDay()).fill(null);
  for (let d = first; d <= last; d++) {
    week.push(toKey(d));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...new Array(7 - week.length).fill(null)]);
  return weeks;
}

export function addDays(key: string, n: number): string {
  return toKey(toDay(key) + n);
}

/** The same day of another month, clamped to that month's length. */
export function addMonths(key: string, n: number): string {
  const [y, m, d] = key.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const len = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return toKey(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, len)) / DAY_MS);
}

/** Where a grid key press moves the focused day (null: the key is not a grid key). */
export function moveByKey(key: string, date: string): string | null {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  switch (key) {
    case "ArrowLeft":
      return addDays(date, -1);
    case "ArrowRight":
      return addDays(date, 1);
    case "ArrowUp":
      return addDays(date, -7);
    case "ArrowDown":
      return addDays(date, 7);
    case "Home":
      return addDays(date, -wd);
    case "End":
      return addDays(date, 6 - wd);
    case "PageUp":
      return addMonths(date, -1);
    case "PageDown":
      return addMonths(date, 1);
    default:
      return null;
  }
}
