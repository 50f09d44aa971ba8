import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import "./i18n";
import type { TimelineEvent } from "./types";

interface Timeline {
  caseId: string;
  events: TimelineEvent[];
  messages: Array<{ id: string; kind: string; subject: string; status: string; createdAt: string }>;
}

/** Short, non-personal summary of an event's details (codes and counts only). */
function summary(d: Record<string, unknown> | null): string {
  if (!d) return "";
  return Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

/** Everything that happened to a case, oldest first; `reloadKey` refreshes after an action. */
export function CaseTimeline({
  caseId,
  readBase = "/api/cases",
  timeZone,
  reloadKey,
}: {
  caseId: string;
  /** Where the panel reads from: a kind with its own read routes (petitions) passes its base. */
  readBase?: string;
  timeZone: string;
  reloadKey?: unknown;
}) {
  const { t, i18n } = useTranslation();
  const load = useLoad(
    (signal) => api.get<Timeline>(`${readBase}/${caseId}/timeline`, { signal }),
    [caseId, reloadKey, readBase],
  );
  return (
    <section aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t("cases.timeline.title")}</h2>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && (
        <ol className="timeline" data-testid="case-timeline">
          {load.data.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at} className="nowrap muted">
                {formatDateTime(e.at, i18n.language, timeZone)}
              </time>{" "}
              <strong>{t(`cases.event.${e.event ?? e.type}`, e.event ?? e.type)}</strong>
              {e.fromState && e.toState && (
                <span>
                  {" "}
                  ({t(`cases.state.${e.fromState}`)} → {t(`cases.state.${e.toState}`)})
                </span>
              )}
              {e.actorLabel && <span className="muted"> · {e.actorLabel}</span>}
              {e.public && <span className="badge">{t("cases.timeline.public")}</span>}
              {summary(e.details) && <div className="small muted">{summary(e.details)}</div>}
            </li>
          ))}
        </ol>
      )}
      {load.data && load.data.messages.length > 0 && (
        <>
          <h3>{t("cases.timeline.messages")}</h3>
          <ul>
            {load.data.messages.map((m) => (
              <li key={m.id}>
                {formatDateTime(m.createdAt, i18n.language, timeZone)} · {m.subject}{" "}
                <span className="badge">{m.status}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
