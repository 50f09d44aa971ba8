import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "../../components/form";
import { ErrorBox, StatusMessage } from "../../components/page";
import { upload } from "../../components/upload";
import { useReadySession, useSession } from "../../session";
import type { EntrustmentDetail, Evidence } from "./types";

const KINDS: Evidence["kind"][] = ["return_confirmation", "deletion_confirmation", "affidavit"];

/** Termination evidence: return / deletion confirmations and the signed affidavit (pdf, png, jpeg). */
export function EntrustmentEvidence({
  entrustment: e,
  onSaved,
}: {
  entrustment: EntrustmentDetail;
  onSaved(msg?: string): void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const session = useReadySession();
  const errorText = useErrorText();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Evidence["kind"]>("return_confirmation");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("registry.entrustments.evidence")}</h2>
      <StatusMessage text={status} />
      {e.evidence.length === 0 ? (
        <p className="muted">{t("registry.entrustments.noEvidence")}</p>
      ) : (
        <ul className="link-list">
          {e.evidence.map((x) => (
            <li key={x.id}>
              {t(`registry.enum.evidenceKind.${x.kind}`)}:{" "}
              <a href={`/api/registry/evidence/${x.id}`} download={x.filename}>
                {x.filename}
              </a>{" "}
              <span className="muted small">
                ({Math.ceil(x.size / 1024)} KB, {x.uploadedAt.slice(0, 10)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {can("registry.write") && (
        <form
          className="form"
          aria-label={t("registry.entrustments.upload")}
          onSubmit={async (ev) => {
            ev.preventDefault();
            const file = fileRef.current?.files?.[0];
            if (!file) {
              setError(t("registry.xlsx.chooseFile"));
              fileRef.current?.focus();
              return;
            }
            setBusy(true);
            setError(null);
            try {
              await upload(
                `/api/registry/entrustments/${e.id}/evidence`,
                { kind, file },
                {
                  csrfToken: session.csrfToken,
                  locale: i18n.language,
                },
              );
              if (fileRef.current) fileRef.current.value = "";
              setStatus(t("registry.entrustments.uploaded"));
              onSaved(t("registry.entrustments.uploaded"));
            } catch (err) {
              setError(errorText(err));
              fileRef.current?.focus();
            } finally {
              setBusy(false);
            }
          }}
        >
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t("registry.entrustments.evidenceKind")}</label>
              <select
                id={`${id}-kind`}
                value={kind}
                onChange={(ev) => setKind(ev.target.value as Evidence["kind"])}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`registry.enum.evidenceKind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={error ? "field field-invalid" : "field"}>
              <label htmlFor={`${id}-file`}>{t("registry.entrustments.file")}</label>
              <input
                id={`${id}-file`}
                ref={fileRef}
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-err` : undefined}
              />
            </div>
          </div>
          <div role="alert" id={`${id}-err`}>
            <ErrorBox text={error} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t("common.working") : t("registry.entrustments.upload")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
