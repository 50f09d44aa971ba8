import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { upload } from "../../components/upload";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import { kindLabel, typeLabel } from "./format";
import "./i18n";
import "./pii.css";
import type { DriftCheck } from "./types";

/** /pii/drift: a sample export of a system against the register file it belongs to (B8). */
export function PiiDriftPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const errorText = useErrorText();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileId, setFileId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<DriftCheck | null>(null);
  const files = useLoad(
    (signal) =>
      api.get<{ items: Array<{ id: string; name: string; unitName: string }> }>("/api/registry/files", {
        signal,
        query: { pageSize: 200, status: "active", sort: "name" },
      }),
    [],
  );
  const history = useLoad(
    (signal) => api.get<{ items: DriftCheck[] }>("/api/pii/drift", { signal, query: { fileId } }),
    [fileId],
  );

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const sample = fileInput.current?.files?.[0];
    if (!sample || !fileId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await upload<DriftCheck>(
        "/api/pii/drift",
        { fileId, file: sample },
        { csrfToken: session.csrfToken, locale: i18n.language },
      );
      setResult(r.data);
      history.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const resolve = async (e: FormEvent<HTMLFormElement>, id: string) => {
    e.preventDefault();
    const note = String(new FormData(e.currentTarget).get("note") ?? "");
    try {
      await api.post(`/api/pii/drift/${id}/resolve`, { note });
      setMessage(t("pii.review.saved"));
      history.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const kinds = (list: string[]) => list.map((k) => kindLabel(t, k)).join(", ");
  return (
    <Page title={t("pii.drift.title")}>
      <p className="lead">{t("pii.drift.intro")}</p>
      <form className="card pii-upload" onSubmit={(e) => void run(e)}>
        <label htmlFor="drift-file">{t("pii.drift.file")}</label>
        <select id="drift-file" value={fileId} onChange={(e) => setFileId(e.target.value)} required>
          <option value="">{t("pii.drift.choose")}</option>
          {files.data?.items.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.unitName})
            </option>
          ))}
        </select>
        <label htmlFor="drift-sample">{t("pii.drift.sample")}</label>
        <input id="drift-sample" ref={fileInput} type="file" accept=".csv,.tsv,.xlsx" required />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("pii.drift.running") : t("pii.drift.run")}
        </button>
      </form>
      <StatusMessage text={message} />
      <ErrorBox text={error ?? files.error} />
      {result && (
        <section className="card" aria-labelledby="drift-result" aria-live="polite">
          <h2 id="drift-result">{t("pii.drift.result")}</h2>
          {result.status === "clean" ? (
            <p className="result-ok">{t("pii.drift.clean")}</p>
          ) : (
            <>
              <p className="result-bad">{t("pii.drift.open")}</p>
              <dl className="facts">
                {result.undeclaredUnique.length > 0 && (
                  <>
                    <dt>{t("pii.drift.unique")}</dt>
                    <dd>{kinds(result.undeclaredUnique)}</dd>
                  </>
                )}
                {result.undeclaredSensitive.length > 0 && (
                  <>
                    <dt>{t("pii.drift.sensitive")}</dt>
                    <dd>{kinds(result.undeclaredSensitive)}</dd>
                  </>
                )}
                {result.undeclaredOther.length > 0 && (
                  <>
                    <dt>{t("pii.drift.other")}</dt>
                    <dd>{kinds(result.undeclaredOther)}</dd>
                  </>
                )}
              </dl>
            </>
          )}
          <h3>{t("pii.drift.found")}</h3>
          <ul className="pii-plain">
            {Object.entries(result.found).map(([type, n]) => (
              <li key={type}>
                {typeLabel(t, type)}: {n} —{" "}
                <span className="small muted">
                  {result.evidence
                    .filter((e) => e.type === type)
                    .map((e) => e.where)
                    .join(", ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t("pii.drift.history")}</h2>
      {history.loading && !history.data && <Loading />}
      {history.data?.items.length === 0 && <p className="muted">{t("pii.drift.none")}</p>}
      {!!history.data?.items.length && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("pii.drift.file")}</th>
                <th scope="col">{t("pii.drift.sample")}</th>
                <th scope="col">{t("pii.drift.open")}</th>
                <th scope="col">{t("pii.guard.status")}</th>
                <th scope="col">{t("pii.guard.when")}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/registry/files/${c.fileId}`}>{c.fileName}</Link>
                  </td>
                  <td>{c.sampleName}</td>
                  <td>{kinds([...c.undeclaredUnique, ...c.undeclaredSensitive, ...c.undeclaredOther])}</td>
                  <td>
                    {t(`pii.drift.statuses.${c.status}`)}
                    {c.status === "open" && (
                      <form className="inline-form" onSubmit={(e) => void resolve(e, c.id)}>
                        <label>
                          {t("pii.drift.note")}
                          <input name="note" required maxLength={500} />
                        </label>
                        <button type="submit" className="btn btn-small">
                          {t("pii.drift.resolve")}
                        </button>
                      </form>
                    )}
                    {c.resolutionNote && <div className="small">{c.resolutionNote}</div>}
                  </td>
                  <td className="nowrap">
                    {formatDateTime(c.createdAt, i18n.language, session.agency.timeZone)}
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
