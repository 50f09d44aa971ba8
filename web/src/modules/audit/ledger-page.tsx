import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime, formatNumber } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import type { VerifyResult } from "../../types";
import "./i18n";
import { downloadLedgerExport } from "./export";
import { FILTER_KEYS, LedgerFilters, type LedgerFilterValues } from "./ledger-filters";
import { LedgerTable } from "./ledger-table";
import "./ledger.css";
import type { LedgerFacets, LedgerRows } from "./types";

const PAGE_SIZE = 50;

/** The one-line explanation of the chain and its signed checkpoints, with the configured values. */
function CheckpointLine({ facets, when }: { facets: LedgerFacets; when(iso: string): string }) {
  const { t } = useTranslation();
  const c = facets.checkpoints;
  return (
    <p className="hint ledger-checkpoints" data-testid="ledger-checkpoints">
      {c.last
        ? t("auditView.checkpointLine", {
            every: c.every,
            minutes: c.minutes,
            lastAt: when(c.last.createdAt),
            lastSeq: c.last.seq,
            nextSeq: c.nextAtSeq,
            nextBy: c.nextBy ? when(c.nextBy) : "",
          })
        : t("auditView.checkpointLineNone", { every: c.every, minutes: c.minutes, nextSeq: c.nextAtSeq })}
    </p>
  );
}

/** The auditor's view of the access ledger: filter, page, verify the chain, export what is shown. */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as LedgerFilterValues;
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const key = params.toString();
  const facets = useLoad(
    (signal) => api.get<LedgerFacets>("/api/audit/ledger/facets", { signal }),
    [i18n.language],
  );
  const data = useLoad(
    (signal) =>
      api.get<LedgerRows>("/api/audit/ledger", { signal, query: { ...filters, page, pageSize: PAGE_SIZE } }),
    [key, i18n.language],
  );
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"verify" | "csv" | "xlsx" | null>(null);

  const goPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    setParams(next);
  };
  const totalPages = data.data
    ? Math.max(1, Math.ceil(data.data.total / (data.data.pageSize || PAGE_SIZE)))
    : 1;
  const timeZone = facets.data?.timeZone ?? session.agency.timeZone;
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);

  const run = async (what: "verify" | "csv" | "xlsx") => {
    setBusy(what);
    setActionError(null);
    if (what === "verify") setVerify(null);
    try {
      if (what === "verify") setVerify(await api.get<VerifyResult>("/api/audit/verify"));
      else await downloadLedgerExport(filters, what, i18n.language);
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page title={t("audit.ledger.title")}>
      <p className="hint">{t("auditView.intro")}</p>
      {facets.data && <CheckpointLine facets={facets.data} when={when} />}
      <LedgerFilters
        values={filters}
        facets={facets.data}
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
            onClick={() => void run("verify")}
            disabled={busy !== null}
            aria-busy={busy === "verify"}
          >
            {busy === "verify" ? t("audit.ledger.verifying") : t("audit.ledger.verify")}
          </button>
        )}
        {can("audit.ledger.export") &&
          (["csv", "xlsx"] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="btn"
              onClick={() => void run(f)}
              disabled={busy !== null}
              aria-busy={busy === f}
              aria-describedby="ledger-export-hint"
            >
              {busy === f
                ? t("auditView.exporting")
                : t(f === "csv" ? "auditView.exportCsv" : "auditView.exportXlsx")}
            </button>
          ))}
        {can("audit.ledger.export") && (
          <span className="hint" id="ledger-export-hint">
            {t("auditView.exportHint")}
          </span>
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
      <ErrorBox text={actionError ?? data.error ?? facets.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <p className="muted" aria-live="polite">
            {t("audit.ledger.total", {
              count: data.data.total,
              countText: formatNumber(data.data.total, i18n.language),
            })}
          </p>
          <LedgerTable items={data.data.items} when={when} busy={data.loading} />
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
