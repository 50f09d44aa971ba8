import { useTranslation } from "react-i18next";
import type { LedgerRow } from "./types";

const short = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/**
 * The entries as a table that fits the screen: six readable columns at desk width, one card per entry
 * on a phone (ledger.css). The raw ids stay reachable: on hover (title) and in the details.
 */
export function LedgerTable({
  items,
  when,
  busy,
}: {
  items: LedgerRow[];
  when(iso: string): string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap ledger-wrap" aria-busy={busy}>
      <table className="table ledger-table">
        <caption className="sr-only">{t("audit.ledger.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("auditView.time")}</th>
            <th scope="col">{t("auditView.staff")}</th>
            <th scope="col">{t("auditView.action")}</th>
            <th scope="col">{t("auditView.target")}</th>
            <th scope="col">{t("auditView.subject")}</th>
            <th scope="col">{t("auditView.result")}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={6}>{t("common.noResults")}</td>
            </tr>
          )}
          {items.map((e) => (
            <tr key={e.seq} data-action={e.action}>
              <td data-label={t("auditView.time")} className="ledger-time">
                <time dateTime={e.occurredAt}>{when(e.occurredAt)}</time>
              </td>
              <td data-label={t("auditView.staff")}>
                {e.actorName ?? e.actorLabel ?? <span className="muted">{t("auditView.system")}</span>}
                {e.actorName && e.actorLabel && <div className="muted small">{e.actorLabel}</div>}
              </td>
              <td data-label={t("auditView.action")} className="ledger-action" title={e.action}>
                {e.actionLabel ?? <code>{e.action}</code>}
                {e.purpose && <div className="muted small">{e.purpose}</div>}
              </td>
              <td data-label={t("auditView.target")} className="ledger-target">
                {e.targetLabel ? (
                  <span title={e.resourceId ?? undefined} data-testid="ledger-target">
                    {e.targetLabel}
                  </span>
                ) : (
                  e.resourceId && (
                    <span className="mono small" title={e.resourceId}>
                      {short(e.resourceId)}
                    </span>
                  )
                )}
              </td>
              <td
                data-label={t("auditView.subject")}
                className="mono small"
                title={e.subjectRef ?? undefined}
              >
                {e.subjectRef ? short(e.subjectRef) : ""}
              </td>
              <td data-label={t("auditView.result")}>
                <span className={`badge badge-${e.result}`}>{t(`audit.results.${e.result}`)}</span>
                <details className="ledger-details">
                  <summary>{t("auditView.details")}</summary>
                  <dl className="facts small">
                    <dt>{t("auditView.seq")}</dt>
                    <dd>{e.seq}</dd>
                    <dt>{t("auditView.action")}</dt>
                    <dd>
                      <code>{e.action}</code>
                    </dd>
                    {e.resourceId && (
                      <>
                        <dt>{t("auditView.id")}</dt>
                        <dd className="mono">
                          {e.resourceType} {e.resourceId}
                        </dd>
                      </>
                    )}
                    {e.clientIp && (
                      <>
                        <dt>{t("auditView.client")}</dt>
                        <dd>{e.clientIp}</dd>
                      </>
                    )}
                  </dl>
                  {e.details && Object.keys(e.details).length > 0 && (
                    <pre className="small">{JSON.stringify(e.details, null, 2)}</pre>
                  )}
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
