import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api, buildUrl } from "../../api";
import { formatNumber } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import "./i18n";
import type { StatsRow } from "./types";
import { useCatalogue } from "./use-catalogue";

const OUTCOMES = ["granted", "partly", "refused", "deferred", "withdrawn", "transferred"];
const CHANNELS = ["online", "visit", "mail", "fax", "email"];

/** /requests/stats: counts by kind, outcome and channel, on-time rate and time to decision; xlsx export. */
export function StatsPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const cat = useCatalogue();
  const [params, setParams] = useSearchParams();
  const query = {
    period: params.get("period") ?? "month",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const load = useLoad(
    (signal) =>
      api.get<{ period: string; timeZone: string; rows: StatsRow[] }>("/api/requests/stats", {
        signal,
        query,
      }),
    [params.toString()],
  );
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const n = (x: number | null | undefined, digits = 0) =>
    x === null || x === undefined
      ? "—"
      : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(x);
  return (
    <Page
      title={t("requests.stats.title")}
      actions={
        <a className="btn" href={buildUrl("/api/requests/stats.xlsx", query)} download>
          {t("requests.stats.xlsx")}
        </a>
      }
    >
      <div className="filters card">
        <div className="field">
          <label htmlFor={`${id}-period`}>{t("requests.stats.period")}</label>
          <select id={`${id}-period`} value={query.period} onChange={(e) => set("period", e.target.value)}>
            {["month", "quarter", "year"].map((p) => (
              <option key={p} value={p}>
                {t(`requests.stats.periods.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t("requests.stats.from")}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={query.from}
            onChange={(e) => set("from", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t("requests.stats.to")}</label>
          <input id={`${id}-to`} type="date" value={query.to} onChange={(e) => set("to", e.target.value)} />
        </div>
      </div>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && load.data.rows.length === 0 && <p>{t("common.noResults")}</p>}
      {load.data && load.data.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="requests-stats">
            <caption className="sr-only">{t("requests.stats.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requests.stats.periodCol")}</th>
                <th scope="col">{t("requests.field.kind")}</th>
                <th scope="col">{t("requests.stats.total")}</th>
                <th scope="col">{t("requests.stats.open")}</th>
                {OUTCOMES.map((o) => (
                  <th scope="col" key={o}>
                    {t(`requests.outcome.${o}`)}
                  </th>
                ))}
                {CHANNELS.map((c) => (
                  <th scope="col" key={c}>
                    {t(`requests.channel.${c}`)}
                  </th>
                ))}
                <th scope="col">{t("requests.stats.onTimeRate")}</th>
                <th scope="col">{t("requests.stats.avgDays")}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.rows.map((r) => (
                <tr key={`${r.period}-${r.kind}`}>
                  <th scope="row" className="nowrap">
                    {r.period}
                  </th>
                  <td>{cat.kindName(r.kind)}</td>
                  <td className="num">{formatNumber(r.total, i18n.language)}</td>
                  <td className="num">{formatNumber(r.open, i18n.language)}</td>
                  {OUTCOMES.map((o) => (
                    <td className="num" key={o}>
                      {n(r.byOutcome[o] ?? 0)}
                    </td>
                  ))}
                  {CHANNELS.map((c) => (
                    <td className="num" key={c}>
                      {n(r.byChannel[c] ?? 0)}
                    </td>
                  ))}
                  <td className="num">{r.onTimeRate === null ? "—" : `${n(r.onTimeRate * 100, 1)}%`}</td>
                  <td className="num">{n(r.avgDaysToDecision, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
