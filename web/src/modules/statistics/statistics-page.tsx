import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api, buildUrl } from "../../api";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { StatChart } from "./chart";
import "./i18n";
import "./print.css";
import type { StatisticsResponse, StatTable } from "./types";

function Cell({ v, kind, locale }: { v: number | null; kind: string; locale: string }) {
  if (v === null) return <>—</>;
  if (kind === "rate")
    return <>{new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v)}</>;
  if (kind === "average")
    return (
      <>{new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)}</>
    );
  const s = new Intl.NumberFormat(locale).format(v);
  return <>{kind === "change" && v > 0 ? `+${s}` : s}</>;
}

function StatTableView({ table, locale }: { table: StatTable; locale: string }) {
  const { t } = useTranslation();
  const id = `stat-${table.id}`;
  return (
    <section className="card stat-table" aria-labelledby={id}>
      <h2 id={id}>
        {table.requirement} · {table.title}
      </h2>
      {/* The chart is a picture of the table below (its text alternative); screen readers skip to the table. */}
      <figure className="no-print-chart">
        <StatChart table={table} locale={locale} label={t("statistics.chartOf", { title: table.title })} />
      </figure>
      <table>
        <caption>
          {table.title} ({t("statistics.unit")})
        </caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.columns.map((c) => (
              <th key={c.id} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.id} className={r.total ? "total" : undefined}>
              <th scope="row">{r.label}</th>
              {r.cells.map((v, i) => (
                <td key={table.columns[i].id} className="num">
                  <Cell v={v} kind={table.columns[i].kind} locale={locale} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="note">{table.note}</p>}
    </section>
  );
}

/** /statistics: the civil-affairs chapter's tables (K2-K7, K9) for a year or quarter, charts, print, xlsx. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const query = { year: params.get("year") ?? String(thisYear), quarter: params.get("quarter") ?? "" };
  const load = useLoad(
    (signal) => api.get<StatisticsResponse>("/api/statistics/tables", { signal, query }),
    [params.toString(), i18n.language],
  );
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  return (
    <Page
      title={t("statistics.title")}
      actions={
        <>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t("statistics.print")}
          </button>
          <a className="btn" href={buildUrl("/api/statistics/export.xlsx", query)} download>
            {t("statistics.xlsx")}
          </a>
        </>
      }
    >
      <div className="filters card no-print">
        <div className="field">
          <label htmlFor={`${id}-year`}>{t("statistics.year")}</label>
          <select id={`${id}-year`} value={query.year} onChange={(e) => set("year", e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-quarter`}>{t("statistics.quarter")}</label>
          <select id={`${id}-quarter`} value={query.quarter} onChange={(e) => set("quarter", e.target.value)}>
            <option value="">{t("statistics.wholeYear")}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t("statistics.q", { q })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data?.tables.map((tb) => (
        <StatTableView key={tb.id} table={tb} locale={i18n.language} />
      ))}
    </Page>
  );
}
