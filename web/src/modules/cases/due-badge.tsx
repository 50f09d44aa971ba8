import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format";
import { explainDue, formatDue, formatLeft, type Translate } from "./due-format";
import "./cases.css";
import "./i18n";
import type { CaseDetail, CaseRow } from "./types";

/** The state of the statutory clock in one word: overdue, paused, extended, or due soon. */
export function DueBadge({ c, timeZone }: { c: CaseRow; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const open = !c.closedAt && !c.decidedAt && c.state !== "withdrawn" && c.state !== "transferred";
  const tr = t as unknown as Translate;
  const unit = c.dueUnit ?? "days";
  const soon = open && !c.overdue && !c.paused && new Date(c.dueAt).getTime() - Date.now() < 3 * 86_400_000;
  return (
    <span className="nowrap">
      <time dateTime={c.dueAt}>{formatDue(c.dueAt, unit, tr, i18n.language, timeZone)}</time>{" "}
      {open && !c.paused && (
        <span className="muted" data-testid="due-left">
          ({formatLeft(c.dueAt, unit, tr, timeZone)}){" "}
        </span>
      )}
      {c.overdue && <span className="badge badge-failed">{t("cases.clock.overdue")}</span>}
      {c.paused && <span className="badge">{t("cases.clock.paused")}</span>}
      {c.extensionCount > 0 && <span className="badge">{t("cases.clock.extended")}</span>}
      {soon && <span className="badge badge-denied">{t("cases.clock.dueSoon")}</span>}
    </span>
  );
}

/**
 * The clock of one case: due date (original and current), pauses, extension, and the deadline
 * engine's structured reasons rendered as sentences in the reader's language (holidays named).
 */
export function CaseClock({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const fmt = (iso: string | null) => formatDateTime(iso, i18n.language, c.timeZone);
  return (
    <section aria-labelledby="case-clock" className="card">
      <h2 id="case-clock">{t("cases.clock.title")}</h2>
      <dl className="facts">
        <dt>{t("cases.clock.received")}</dt>
        <dd>{fmt(c.receivedAt)}</dd>
        <dt>{t("cases.clock.due")}</dt>
        <dd data-testid="case-due">
          <DueBadge c={c} timeZone={c.timeZone} />
        </dd>
        {c.paused && (
          <>
            <dt>{t("cases.clock.currentDue")}</dt>
            <dd>
              {formatDue(
                c.currentDueAt,
                c.dueUnit ?? "days",
                t as unknown as Translate,
                i18n.language,
                c.timeZone,
              )}
            </dd>
          </>
        )}
        {c.originalDueAt !== c.dueAt && (
          <>
            <dt>{t("cases.clock.originalDue")}</dt>
            <dd>
              {formatDue(
                c.originalDueAt,
                c.dueUnit ?? "days",
                t as unknown as Translate,
                i18n.language,
                c.timeZone,
              )}
            </dd>
          </>
        )}
        {c.extensionCount > 0 && (
          <>
            <dt>{t("cases.clock.extensionReason")}</dt>
            <dd>{c.extensionReason}</dd>
          </>
        )}
      </dl>
      {c.pauses.length > 0 && (
        <>
          <h3>{t("cases.clock.pauses")}</h3>
          <ul className="pauses">
            {c.pauses.map((p) => (
              <li key={p.id}>
                <span className="nowrap">{fmt(p.startedAt)}</span> –{" "}
                <span className="nowrap">{p.endedAt ? fmt(p.endedAt) : t("cases.clock.running")}</span>
                <div className="pre-wrap">
                  {t("cases.reason")}: {p.reason}
                </div>
                {p.requesterDeadline && (
                  <div>
                    {t("cases.clock.requesterDeadline")}: {fmt(p.requesterDeadline)}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="due-explanation">
        <summary>{t("cases.clock.explain")}</summary>
        <ol data-testid="due-explanation">
          {explainDue(c.dueReasons ?? [], t as unknown as Translate, i18n.language, c.timeZone).map(
            (line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sentences are an ordered list without ids
              <li key={i}>{line}</li>
            ),
          )}
        </ol>
      </details>
    </section>
  );
}
