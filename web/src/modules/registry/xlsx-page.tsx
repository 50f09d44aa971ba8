import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Page, StatusMessage } from "../../components/page";
import { upload } from "../../components/upload";
import { useReadySession, useSession } from "../../session";
import { LocalCodesSection } from "./local-codes-section";
import type { ImportReport } from "./types";

type Mode = "check" | "all" | "valid";

/** /registry/xlsx: template, export, and import with a per-row error report. */
export function XlsxPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const session = useReadySession();
  const errorText = useErrorText();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (mode: Mode) => {
    const file = fileRef.current?.files?.[0];
    setStatus(null);
    setError(null);
    if (!file) {
      setError(t("registry.xlsx.chooseFile"));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    const q = mode === "check" ? "mode=all&dryRun=true" : `mode=${mode}&dryRun=false`;
    try {
      const r = await upload<ImportReport>(
        `/api/registry/xlsx/import?${q}`,
        { file },
        { csrfToken: session.csrfToken, locale: i18n.language },
      );
      setReport(r.data);
      setStatus(
        mode === "check" && r.data.errors.length === 0
          ? t("registry.xlsx.reportOk", { rows: r.data.rows })
          : t("registry.xlsx.reportSummary", {
              rows: r.data.rows,
              imported: r.data.imported,
              skipped: r.data.skipped,
              errors: r.data.errors.length,
            }),
      );
    } catch (e) {
      if (
        e instanceof ApiError &&
        e.code === "registry.import_rejected" &&
        e.details &&
        typeof e.details === "object"
      ) {
        setReport(e.details as ImportReport);
        setError(errorText(e));
      } else if (e instanceof ApiError && e.code === "registry.xlsx_wrong_headers" && e.details) {
        const d = e.details as { missing?: string[]; unexpected?: string[] };
        setReport(null);
        setError(
          t("registry.xlsx.headers", {
            missing: (d.missing ?? []).join(", ") || "—",
            unexpected: (d.unexpected ?? []).join(", ") || "—",
          }),
        );
      } else {
        setReport(null);
        setError(errorText(e));
      }
    } finally {
      setBusy(false);
      setTimeout(() => reportRef.current?.focus(), 0);
    }
  };

  return (
    <Page title={t("registry.xlsx.title")}>
      <div className="cards">
        <section className="card" aria-labelledby={`${id}-tpl`}>
          <h2 id={`${id}-tpl`}>{t("registry.xlsx.template")}</h2>
          <p className="hint">{t("registry.xlsx.templateHint")}</p>
          <a className="btn" href="/api/registry/xlsx/template" download>
            {t("registry.common.download")}
          </a>
        </section>
        {can("registry.export") && (
          <section className="card" aria-labelledby={`${id}-exp`}>
            <h2 id={`${id}-exp`}>{t("registry.xlsx.export")}</h2>
            <p className="hint">{t("registry.xlsx.exportHint")}</p>
            <a className="btn" href="/api/registry/xlsx/export" download>
              {t("registry.common.download")}
            </a>
          </section>
        )}
      </div>
      {can("registry.import") && (
        <section className="card" aria-labelledby={`${id}-imp`}>
          <h2 id={`${id}-imp`}>{t("registry.xlsx.import")}</h2>
          <form
            className="form"
            aria-labelledby={`${id}-imp`}
            onSubmit={(e) => {
              e.preventDefault();
              void run("check");
            }}
          >
            <div className={error && !report ? "field field-invalid" : "field"}>
              <label htmlFor={`${id}-file`}>{t("registry.xlsx.file")}</label>
              <input
                id={`${id}-file`}
                ref={fileRef}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={() => setReport(null)}
              />
            </div>
            <p className="hint">{t("registry.xlsx.importAllHint")}</p>
            <div className="form-actions">
              <button type="submit" className="btn" disabled={busy}>
                {t("registry.xlsx.check")}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void run("all")}
              >
                {t("registry.xlsx.importAll")}
              </button>
              {report && report.errors.length > 0 && (
                <button type="button" className="btn" disabled={busy} onClick={() => void run("valid")}>
                  {t("registry.xlsx.importValid")}
                </button>
              )}
            </div>
          </form>
        </section>
      )}
      <h2 ref={reportRef} tabIndex={-1} className={report || error || status ? "" : "sr-only"}>
        {t("registry.xlsx.report")}
      </h2>
      <StatusMessage text={status} />
      <ErrorBox text={error} />
      {report && report.errors.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="import-errors">
            <caption>
              {t("registry.xlsx.reportSummary", {
                rows: report.rows,
                imported: report.imported,
                skipped: report.skipped,
                errors: report.errors.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("registry.xlsx.row")}</th>
                <th scope="col">{t("registry.xlsx.column")}</th>
                <th scope="col">{t("registry.xlsx.message")}</th>
                <th scope="col">{t("registry.xlsx.code")}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several errors on one column
                <tr key={i}>
                  <td className="num">{e.row}</td>
                  <td>{e.column || e.field}</td>
                  <td>{e.message}</td>
                  <td className="mono small">{e.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LocalCodesSection />
    </Page>
  );
}
