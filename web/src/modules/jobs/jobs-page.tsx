import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import "./i18n";

interface JobRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: "running" | "ok" | "failed" | "abandoned";
  items: number | null;
  errorClass: string | null;
  trigger: "schedule" | "manual";
}
interface Job {
  name: string;
  schedule: string;
  enabled: boolean;
  nextRunAt: string;
  running: boolean;
  runRequested: boolean;
  failuresInRow: number;
  lastErrorClass: string | null;
  lastOkAt: string | null;
  runs: JobRun[];
}

/** The installation's scheduled jobs: schedule, next run, last runs and failures; "run now" (issue 13). */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const data = useLoad((signal) => api.get<{ jobs: Job[] }>("/api/system/jobs", { signal }), []);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, session.agency.timeZone);
  const label = (name: string) => t(`jobs.names.${name.replace(/\./g, "_")}`, { defaultValue: name });

  const schedule = (s: string) => {
    const daily = /^daily:(\d{2}:\d{2})$/.exec(s);
    if (daily) return t("jobs.daily", { time: daily[1] });
    const n = Number(s.replace(/^every:/, ""));
    if (n % 3600 === 0) return t("jobs.every.hours", { count: n / 3600 });
    if (n % 60 === 0) return t("jobs.every.minutes", { count: n / 60 });
    return t("jobs.every.seconds", { count: n });
  };

  const runNow = async (name: string) => {
    setActionError(null);
    try {
      await api.post(`/api/system/jobs/${encodeURIComponent(name)}/run`, {});
      setMessage(t("jobs.requested"));
      data.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const list = data.data?.jobs;
  return (
    <Page title={t("jobs.title")}>
      <p className="muted">{t("jobs.intro")}</p>
      <StatusMessage text={message} />
      <ErrorBox text={actionError ?? data.error} />
      {data.loading && !list && <Loading />}
      {list && (
        <div className="table-wrap" aria-busy={data.loading}>
          <table className="table">
            <caption className="sr-only">{t("jobs.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("jobs.job")}</th>
                <th scope="col">{t("jobs.schedule")}</th>
                <th scope="col">{t("jobs.state")}</th>
                <th scope="col">{t("jobs.nextRun")}</th>
                <th scope="col">{t("jobs.lastOk")}</th>
                <th scope="col">{t("jobs.lastRuns")}</th>
                <th scope="col">
                  <span className="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.length === 0 && (
                <tr>
                  <td colSpan={7}>{t("jobs.empty")}</td>
                </tr>
              )}
              {list.map((j) => (
                <tr key={j.name}>
                  <th scope="row">{label(j.name)}</th>
                  <td>{schedule(j.schedule)}</td>
                  <td>
                    {!j.enabled ? (
                      <span className="badge">{t("jobs.off")}</span>
                    ) : j.running ? (
                      <span className="badge">{t("jobs.running")}</span>
                    ) : j.runRequested ? (
                      <span className="badge">{t("jobs.requestedBadge")}</span>
                    ) : (
                      <span className="badge badge-ok">{t("jobs.waiting")}</span>
                    )}
                    {j.failuresInRow > 0 && (
                      <div className="small">
                        <span className="badge badge-failed">
                          {t("jobs.failures", { count: j.failuresInRow, error: j.lastErrorClass ?? "" })}
                        </span>
                      </div>
                    )}
                  </td>
                  <td className="nowrap">{j.enabled ? when(j.nextRunAt) : ""}</td>
                  <td className="nowrap">{when(j.lastOkAt)}</td>
                  <td className="small">
                    {j.runs.length === 0 && <span className="muted">{t("jobs.noRuns")}</span>}
                    <ul className="plain">
                      {j.runs.slice(0, 5).map((r) => (
                        <li key={r.id}>
                          {when(r.startedAt)}{" "}
                          <span
                            className={`badge badge-${r.status === "ok" ? "ok" : r.status === "running" ? "" : "failed"}`}
                          >
                            {t(`jobs.statuses.${r.status}`)}
                          </span>
                          {r.items !== null && <> {t("jobs.items", { count: r.items })}</>}
                          {r.errorClass && <> ({r.errorClass})</>}
                          {r.trigger === "manual" && <> · {t("jobs.manual")}</>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="row-actions">
                    {can("jobs.run") && j.enabled && (
                      <button type="button" className="btn btn-small" onClick={() => void runNow(j.name)}>
                        {t("jobs.runNow")}
                        <span className="sr-only"> {label(j.name)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
