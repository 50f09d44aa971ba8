import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { MonthGrid, STATUS_MARK } from "./month-grid";
import type { YearCalendar, YearDay } from "./types";
import "./i18n";
import "./calendar.css";

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LEGEND = ["working", "weekend", "holiday", "closure", "makeup", "override-workday", "holiday-removed"];

/** Today's local date in the agency's zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
}

/** The agency's year: twelve month grids, the legend, the chosen day, the holidays with their sources. */
export function CalendarYearPage() {
  const { t } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const today = todayIn(session.agency.timeZone);
  const year = Number(params.get("year")) || Number(today.slice(0, 4));
  const load = useLoad((signal) => api.get<YearCalendar>(`/api/calendar/year/${year}`, { signal }), [year]);
  const [focused, setFocused] = useState(today.startsWith(`${year}-`) ? today : `${year}-01-01`);
  const [selected, setSelected] = useState<string | null>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    setFocused((f) =>
      f.startsWith(`${year}-`) ? f : today.startsWith(`${year}-`) ? today : `${year}-01-01`,
    );
  }, [year, today]);
  useEffect(() => {
    if (moveFocus.current) {
      document.getElementById(`cal-day-${focused}`)?.focus();
      moveFocus.current = false;
    }
  }, [focused]);

  const days = useMemo(() => new Map((load.data?.days ?? []).map((d) => [d.date, d])), [load.data]);
  const setYear = (y: number) => setParams({ year: String(y) });
  const focusDay = (date: string) => {
    moveFocus.current = true;
    setFocused(date);
  };
  const chosen = selected ? days.get(selected) : undefined;
  const entry = chosen?.overrideId ? load.data?.overrides.find((o) => o.id === chosen.overrideId) : undefined;

  return (
    <Page
      title={t("calendar.year.title", { year })}
      actions={
        <>
          <button type="button" className="btn" onClick={() => setYear(year - 1)}>
            ← {t("calendar.year.previous")}
          </button>
          <button type="button" className="btn" onClick={() => setYear(year + 1)}>
            {t("calendar.year.next")} →
          </button>
        </>
      }
    >
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && (
        <>
          <p className="muted">
            {t("calendar.year.workingDays", { count: load.data.workingDays })} · {load.data.timeZone}
          </p>
          {load.data.fallbackNote && (
            <p className="notice" role="note">
              {t("calendar.year.fallback", { note: load.data.fallbackNote })}
            </p>
          )}
          <section aria-labelledby="cal-legend" className="cal-legend">
            <h2 id="cal-legend" className="sr-only">
              {t("calendar.year.legend")}
            </h2>
            <ul>
              {LEGEND.map((s) => (
                <li key={s}>
                  <span className={`cal-swatch cal-${s}`} aria-hidden="true">
                    {STATUS_MARK[s] ?? ""}
                  </span>{" "}
                  {t(`calendar.status.${s}`)}
                </li>
              ))}
              <li>
                <span className="cal-swatch cal-entry" aria-hidden="true" /> {t("calendar.year.entry")}
              </li>
            </ul>
          </section>
          <p className="hint" id="cal-help">
            {t("calendar.year.gridHelp")}
          </p>
          <div className="cal-year" aria-describedby="cal-help" aria-busy={load.loading}>
            {MONTHS.map((month) => (
              <MonthGrid
                key={month}
                year={year}
                month={month}
                days={days}
                focused={focused}
                selected={selected}
                onFocusDay={focusDay}
                onSelect={setSelected}
              />
            ))}
          </div>
          <section className="cal-detail" aria-live="polite" aria-labelledby="cal-day-title">
            <h2 id="cal-day-title">{t("calendar.year.day")}</h2>
            {chosen ? (
              <DayDetail
                day={chosen}
                entryScope={entry?.scopeNote ?? null}
                canWrite={can("calendar.write")}
              />
            ) : (
              <p className="muted">—</p>
            )}
          </section>
          <HolidayList data={load.data} />
        </>
      )}
    </Page>
  );
}

function DayDetail({
  day,
  entryScope,
  canWrite,
}: {
  day: YearDay;
  entryScope: string | null;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { timeZone: "UTC", dateStyle: "full" }).format(
    new Date(`${day.date}T00:00:00Z`),
  );
  return (
    <dl className="facts">
      <dt>{t("calendar.entries.dates")}</dt>
      <dd>
        <time dateTime={day.date}>{when}</time>
      </dd>
      <dt>{t("calendar.entries.kind")}</dt>
      <dd>
        {t(`calendar.status.${day.status ?? "working"}`)}
        {day.overrideKind && ` (${t(`calendar.kinds.${day.overrideKind}`)})`}
      </dd>
      {day.name && day.status !== "weekend" && (
        <>
          <dt>{t("calendar.entries.reason")}</dt>
          <dd>{day.name}</dd>
        </>
      )}
      {day.source && (
        <>
          <dt>{t("calendar.year.source")}</dt>
          <dd>
            {day.source === "agency override" ? t("calendar.year.entry") : day.source}
            {day.verify && <span className="badge"> {t("calendar.year.verify")}</span>}
          </dd>
        </>
      )}
      {entryScope && (
        <>
          <dt>{t("calendar.entries.scopeNote")}</dt>
          <dd>{entryScope}</dd>
        </>
      )}
      {canWrite && !day.overrideId && (
        <dd>
          <Link to={`/calendar/entries?date=${day.date}`}>{t("calendar.year.addEntry")}</Link>
        </dd>
      )}
    </dl>
  );
}

function HolidayList({ data }: { data: YearCalendar }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t("calendar.year.holidays", { count: data.holidays.length })}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("calendar.entries.dates")}</th>
              <th scope="col">{t("calendar.entries.reason")}</th>
              <th scope="col">{t("calendar.year.source")}</th>
            </tr>
          </thead>
          <tbody>
            {data.holidays.map((h) => (
              <tr key={`${h.date}-${h.name}`} className={h.removedByAgency ? "cal-struck" : undefined}>
                <td className="nowrap">
                  <time dateTime={h.date}>{h.date}</time>
                </td>
                <td>
                  {h.name}
                  {h.removedByAgency && <span className="badge"> {t("calendar.year.removed")}</span>}
                </td>
                <td className="small">
                  {t(`calendar.year.origin.${h.origin}`)} · {h.source}
                  {h.verify && <span className="badge"> {t("calendar.year.verify")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.makeupWorkdays.length > 0 && (
        <>
          <h2>{t("calendar.year.makeupDays")}</h2>
          <ul>
            {data.makeupWorkdays.map((m) => (
              <li key={m.date}>
                <time dateTime={m.date}>{m.date}</time> {m.reason}{" "}
                <span className="small muted">({m.source})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
