import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { upload } from "../../components/upload";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import { sizeText, typeLabel } from "./format";
import "./i18n";
import "./pii.css";
import type { DocumentSummary, ReviewDocument } from "./types";

/** /pii/documents: upload a document for review, and the agency's documents under review. */
export function PiiDocumentsPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useLoad(
    (signal) => api.get<{ items: DocumentSummary[]; limitBytes: number }>("/api/pii/documents", { signal }),
    [],
  );
  const when = (iso: string) => formatDateTime(iso, i18n.language, session.agency.timeZone);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(t("errors.pii.upload_missing", { defaultValue: t("pii.documents.file", { limit: "" }) }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await upload<ReviewDocument>(
        "/api/pii/documents",
        { file },
        { csrfToken: session.csrfToken, locale: i18n.language },
      );
      navigate(`/pii/documents/${r.data.id}`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <Page title={t("pii.documents.title")}>
      <p className="lead">{t("pii.documents.intro")}</p>
      <form className="card pii-upload" onSubmit={(e) => void submit(e)}>
        <label htmlFor="pii-file">
          {t("pii.documents.file", { limit: sizeText(list.data?.limitBytes ?? 20 * 1024 * 1024) })}
        </label>
        <input
          id="pii-file"
          ref={fileRef}
          type="file"
          name="file"
          accept=".txt,.csv,.tsv,.xlsx,.docx,.pdf,.hwpx"
          required
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("pii.documents.uploading") : t("pii.documents.upload")}
        </button>
      </form>
      <ErrorBox text={error ?? list.error} />
      <h2>{t("pii.documents.list")}</h2>
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p className="muted">{t("pii.documents.none")}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("pii.documents.name")}</th>
                <th scope="col">{t("pii.documents.format")}</th>
                <th scope="col">{t("pii.documents.status")}</th>
                <th scope="col">{t("pii.documents.findings")}</th>
                <th scope="col">{t("pii.documents.uploaded")}</th>
                <th scope="col">{t("pii.documents.retainUntil")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`/pii/documents/${d.id}`}>{d.filename}</Link>
                    <div className="small muted">{sizeText(d.size)}</div>
                  </th>
                  <td>{d.format}</td>
                  <td>
                    <span className={d.scanStatus === "ok" ? "badge badge-ok" : "badge badge-failed"}>
                      {t(`pii.status.${d.scanStatus}`)}
                    </span>
                  </td>
                  <td>
                    <span className="num">{d.findingCount}</span>{" "}
                    <span className="small muted">{d.types.map((x) => typeLabel(t, x)).join(", ")}</span>
                  </td>
                  <td className="nowrap">{when(d.createdAt)}</td>
                  <td className="nowrap">{d.purgedAt ? t("pii.documents.purged") : when(d.retainUntil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
