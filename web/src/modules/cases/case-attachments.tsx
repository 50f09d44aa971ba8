import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime, formatNumber } from "../../components/format";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { upload } from "../../components/upload";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import "./i18n";
import type { CaseAttachment } from "./types";

export const ATTACHMENT_KINDS = ["scan", "power_of_attorney", "identity_document", "evidence", "other"];
export const ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt";

/**
 * A case's documents: kind, size, and how many personal data findings the PII engine counted in
 * text attachments (a reason to review before passing a document on). Upload checks type and size on
 * the server; its refusals are shown in the alert region and focus returns to the file input.
 */
export function CaseAttachments({
  caseId,
  readBase = "/api/cases",
  timeZone,
  canWrite,
  onChanged,
}: {
  caseId: string;
  /** Where the panel reads from: a kind with its own read routes (petitions) passes its base. */
  readBase?: string;
  timeZone: string;
  canWrite: boolean;
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const errorText = useErrorText();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useLoad(
    (signal) => api.get<{ attachments: CaseAttachment[] }>(`${readBase}/${caseId}/attachments`, { signal }),
    [caseId, readBase],
  );
  const submit = async (form: HTMLFormElement) => {
    const fd = new FormData(form);
    const file = fd.get("file");
    const input = form.querySelector<HTMLInputElement>('input[type="file"]');
    if (!(file instanceof File) || file.size === 0) {
      setError(t("cases.attachments.chooseFile"));
      input?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await upload(
        `/api/cases/${caseId}/attachments`,
        { kind: String(fd.get("kind") ?? "other"), file },
        { csrfToken: session.csrfToken, locale: i18n.language },
      );
      form.reset();
      setMsg(t("cases.attachments.uploaded"));
      load.reload();
      onChanged?.();
    } catch (e) {
      setError(errorText(e));
      input?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("cases.attachments.title")}</h2>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data?.attachments.length === 0 && <p className="muted">{t("cases.attachments.none")}</p>}
      {load.data && load.data.attachments.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="case-attachments">
            <thead>
              <tr>
                <th scope="col">{t("cases.attachments.file")}</th>
                <th scope="col">{t("cases.attachments.kind")}</th>
                <th scope="col">{t("cases.attachments.size")}</th>
                <th scope="col">{t("cases.attachments.pii")}</th>
                <th scope="col">{t("cases.attachments.uploaded")}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.attachments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={`${readBase}/${caseId}/attachments/${a.id}`} download>
                      {a.filename}
                    </a>
                  </th>
                  <td>{t(`cases.attachmentKind.${a.kind}`, a.kind)}</td>
                  <td className="num">{formatNumber(a.size, i18n.language)}</td>
                  <td>
                    {a.piiStatus === "not_scanned" ? (
                      <span className="muted">{t("cases.attachments.notScanned")}</span>
                    ) : (
                      <span
                        className={a.piiStatus === "needs_review" ? "badge badge-denied" : "badge badge-ok"}
                      >
                        {t("cases.attachments.findings", { count: a.piiFindings ?? 0 })}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">{formatDateTime(a.createdAt, i18n.language, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && (
        <form
          className="inline-form"
          aria-label={t("cases.attachments.add")}
          onSubmit={(e) => {
            e.preventDefault();
            void submit(e.currentTarget);
          }}
        >
          <div className="error-box" role="alert" hidden={!error}>
            {error}
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t("cases.attachments.file")}</label>
            <p className="hint" id={`${id}-hint`}>
              {t("cases.attachments.hint")}
            </p>
            <input
              id={`${id}-file`}
              type="file"
              name="file"
              accept={ACCEPT}
              aria-describedby={`${id}-hint`}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t("cases.attachments.kind")}</label>
            <select id={`${id}-kind`} name="kind" defaultValue="scan">
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`cases.attachmentKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn" disabled={busy} aria-busy={busy}>
            {busy ? t("common.working") : t("cases.attachments.add")}
          </button>
        </form>
      )}
      <StatusMessage text={msg} />
    </section>
  );
}
