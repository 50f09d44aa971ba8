import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api, buildUrl } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime, formatNumber } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import type { LedgerPage as LedgerPageData, VerifyResult } from "../../types";
import { actionKey, KNOWN_ACTIONS } from "./known-actions";
import { LedgerFilters } from "./ledger-filters";

export const FILTER_KEYS = ["actor", "subject", "action", "from", "to", "result"] as const;
const PAGE_SIZE = 50;

/** The auditor's view of the access ledger: filter, page, verify the chain, export. */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as Record<
    (typeof FILTER_KEYS)[number],
    string
  >;
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const key = params.toString();
  const data = useLoad(
    (signal) =>
      api.get<LedgerPageData>("/api/audit/ledger", {
        signal,
        query: { ...filters, page, pageSize: PAGE_SIZE },
      }),
    [key],
  );
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const goPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    setParams(next);
  };
  const totalPages = data.data
    ? Math.max(1, Math.ceil(data.data.total / (data.data.pageSize || PAGE_SIZE)))
    : 1;
  const when = (iso: string) => formatDateTime(iso, i18n.language, session.agency.timeZone);

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(null);
    try {
      setVerify(await api.get<VerifyResult>("/api/audit/verify"));
    } catch (e) {
      setVerifyError(errorText(e));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Page title={t("audit.ledger.title")}>
      <p className="hint">{t("audit.ledger.intro")}</p>
      <LedgerFilters
        values={filters}
        onApply={(v) => {
          const next = new URLSearchParams();
          for (const k of FILTER_KEYS) if (v[k]) next.set(k, v[k]);
          setParams(next);
        }}
      />
      <div className="toolbar">
        {can("audit.ledger.verify") && (
          <button
            type="button"
            className="btn"
            onClick={() => void runVerify()}
            disabled={verifying}
            aria-busy={verifying}
          >
            {verifying ? t("audit.ledger.verifying") : t("audit.ledger.verify")}
          </button>
        )}
        {can("audit.ledger.export") && (
          <>
            <a
              className="btn"
              href={buildUrl("/api/audit/ledger/export", { ...filters, format: "csv" })}
              download
            >
              {t("audit.ledger.exportCsv")}
            </a>
            <a
              className="btn"
              href={buildUrl("/api/audit/ledger/export", { ...filters, format: "xlsx" })}
              download
            >
              {t("audit.ledger.exportXlsx")}
            </a>
          </>
        )}
      </div>
      <div role="status" aria-live="polite" className="verify-result">
        {verify &&
          (verify.ok ? (
            <p className="result-ok">
              {t("audit.ledger.verifyOk", {
                count: verify.count,
                countText: formatNumber(verify.count, i18n.language),
                checkpoints: verify.checkpoints,
              })}
            </p>
          ) : (
            <p className="result-bad">
              {t("audit.ledger.verifyBad", { seq: verify.firstBadSeq ?? "?", reason: verify.reason ?? "" })}
            </p>
          ))}
      </div>
      <ErrorBox text={verifyError ?? data.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <p className="muted" aria-live="polite">
            {t("audit.ledger.total", {
              count: data.data.total,
              countText: formatNumber(data.data.total, i18n.language),
            })}
          </p>
          <div className="table-wrap" aria-busy={data.loading}>
            <table className="table ledger-table">
              <caption className="sr-only">{t("audit.ledger.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.ledger.seq")}</th>
                  <th scope="col">{t("audit.ledger.time")}</th>
                  <th scope="col">{t("audit.ledger.actor")}</th>
                  <th scope="col">{t("audit.ledger.action")}</th>
                  <th scope="col">{t("audit.ledger.resource")}</th>
                  <th scope="col">{t("audit.ledger.subject")}</th>
                  <th scope="col">{t("audit.ledger.result")}</th>
                  <th scope="col">{t("audit.ledger.client")}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.items.length === 0 && (
                  <tr>
                    <td colSpan={8}>{t("common.noResults")}</td>
                  </tr>
                )}
                {data.data.items.map((e) => (
                  <tr key={e.seq} data-action={e.action}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{when(e.occurredAt)}</td>
                    <td>{e.actorLabel ?? <span className="muted">{t("audit.ledger.system")}</span>}</td>
                    <td>
                      {KNOWN_ACTIONS.includes(e.action) && <div>{t(actionKey(e.action))}</div>}
                      <code className="muted">{e.action}</code>
                      {e.purpose && <div className="muted">{e.purpose}</div>}
                    </td>
                    <td>
                      {e.resourceType && <span>{e.resourceType}</span>}
                      {e.resourceId && (
                        <div className="muted mono small" title={e.resourceId}>
                          {e.resourceId.length > 12 ? `${e.resourceId.slice(0, 8)}…` : e.resourceId}
                        </div>
                      )}
                      {e.details && Object.keys(e.details).length > 0 && (
                        <details>
                          <summary>{t("audit.ledger.details")}</summary>
                          <pre className="small">{JSON.stringify(e.details, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                    <td className="mono small" title={e.subjectRef ?? undefined}>
                      {e.subjectRef ? `${e.subjectRef.slice(0, 12)}…` : ""}
                    </td>
                    <td>
                      <span className={`badge badge-${e.result}`}>{t(`audit.results.${e.result}`)}</span>
                    </td>
                    <td className="small">{e.clientIp}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t("audit.ledger.pages")}>
            <button
              type="button"
              className="btn btn-small"
              disabled={page <= 1}
              onClick={() => goPage(page - 1)}
            >
              {t("common.previous")}
            </button>
            <span>{t("audit.ledger.pageOf", { page, pages: totalPages })}</span>
            <button
              type="button"
              className="btn btn-small"
              disabled={page >= totalPages}
              onClick={() => goPage(page + 1)}
            >
              {t("common.next")}
            </button>
          </nav>
        </>
      )}
    </Page>
  );
}
