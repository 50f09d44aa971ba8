import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { FindingsTable } from "./findings-table";
import "./i18n";
import { PdfPages } from "./pdf-view";
import "./pii.css";
import { DocumentText, MAX_SHOWN, readSelection, useTextContainer } from "./text-view";
import type { Decision, PageInfo, Policy, Region, ReviewDocument, TextView } from "./types";

type Box = [number, number, number, number];

/** /pii/documents/:id — findings in context, decisions, manual regions, redacted download. */
export function PiiReviewPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [policy, setPolicy] = useState<Policy>("mask");
  const textRef = useTextContainer();
  const doc = useLoad((signal) => api.get<ReviewDocument>(`/api/pii/documents/${id}`, { signal }), [id]);
  const d = doc.data;
  const isText = d?.format === "txt" || d?.format === "csv";
  const isPdf = d?.format === "pdf";
  const alive = !!d && !d.purgedAt;
  const text = useLoad(
    (signal) =>
      isText && alive
        ? api.get<TextView>(`/api/pii/documents/${id}/text`, { signal })
        : Promise.resolve(null),
    [id, isText, alive],
  );
  const pages = useLoad(
    (signal) =>
      isPdf && alive
        ? api.get<{ pages: PageInfo[] }>(`/api/pii/documents/${id}/pages`, { signal })
        : Promise.resolve(null),
    [id, isPdf, alive],
  );

  const act = async (fn: () => Promise<ReviewDocument>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      doc.setData(await fn());
      setMessage(done ?? t("pii.review.saved"));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const decide = (
    decisions: Array<{ index: number; decision: Decision; falsePositive?: boolean }>,
    done?: string,
  ) => act(() => api.patch<ReviewDocument>(`/api/pii/documents/${id}/findings`, { decisions }), done);
  const addRegion = (body: { start: number; end: number } | { page: number; box: Box }) =>
    act(() => api.post<ReviewDocument>(`/api/pii/documents/${id}/regions`, body));
  const removeRegion = (regionId: string) =>
    act(() => api.del<ReviewDocument>(`/api/pii/documents/${id}/regions/${regionId}`));

  const redactSelection = () => {
    const range = readSelection(textRef.current);
    if (!range) {
      setError(t("pii.review.noSelection"));
      return;
    }
    void addRegion(range);
    window.getSelection()?.removeAllRanges();
  };

  const destroy = async () => {
    if (!window.confirm(t("pii.review.confirmDestroy"))) return;
    setBusy(true);
    try {
      await api.del(`/api/pii/documents/${id}`);
      setMessage(t("pii.review.destroyed"));
      doc.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const select = (index: number) => {
    setSelected(index);
    document.getElementById(`finding-${index}`)?.scrollIntoView({ block: "nearest" });
  };

  const regionText = (r: Region) =>
    r.kind === "text"
      ? t("pii.review.regionText", {
          start: r.start + 1,
          end: r.end,
          excerpt: "*".repeat(Math.min(12, r.end - r.start)),
        })
      : t("pii.review.regionBox", { page: r.page, box: r.box.map((n) => Math.round(n)).join(", ") });

  if (!d)
    return (
      <Page title={t("pii.documents.title")}>
        <ErrorBox text={doc.error} />
        {doc.loading && <Loading />}
      </Page>
    );
  const pending = d.findings.filter((f) => f.decision === "pending");
  return (
    <Page
      title={t("pii.review.title", { name: d.filename })}
      actions={
        <Link className="btn" to="/pii/documents">
          {t("pii.review.back")}
        </Link>
      }
    >
      <dl className="facts pii-facts">
        <dt>{t("pii.documents.format")}</dt>
        <dd>
          {d.format}
          {d.encoding ? ` (${d.encoding})` : ""}
        </dd>
        <dt>{t("pii.documents.status")}</dt>
        <dd>
          <span className={d.scanStatus === "ok" ? "badge badge-ok" : "badge badge-failed"}>
            {t(`pii.status.${d.scanStatus}`)}
          </span>
        </dd>
        <dt>{t("pii.documents.retainUntil")}</dt>
        <dd>
          {d.purgedAt
            ? t("pii.documents.purged")
            : formatDateTime(d.retainUntil, i18n.language, session.agency.timeZone)}
        </dd>
      </dl>
      {d.scanStatus === "needs_review" && (
        <p className="notice" role="note">
          {t("pii.review.needsReview", { reason: d.scanReason ?? "" })}
        </p>
      )}
      {d.truncated && (
        <p className="notice">
          {t("pii.review.truncated", { shown: d.findings.length, count: d.findingCount })}
        </p>
      )}
      <StatusMessage text={message} />
      <ErrorBox text={error ?? text.error ?? pages.error} />
      <div className="pii-layout">
        <section className="pii-content card" aria-labelledby="pii-content-title">
          <h2 id="pii-content-title">{t("pii.review.content")}</h2>
          {isText && alive && (
            <>
              <p className="hint">{t("pii.review.textHint")}</p>
              <div className="toolbar">
                <button type="button" className="btn" disabled={busy} onClick={redactSelection}>
                  {t("pii.review.redactSelection")}
                </button>
              </div>
              {text.data && (text.data.truncated || text.data.text.length > MAX_SHOWN) && (
                <p className="notice">
                  {t("pii.review.textCut", {
                    shown: Math.min(MAX_SHOWN, text.data.text.length),
                    total: text.data.totalChars,
                  })}
                </p>
              )}
              {text.data ? (
                <DocumentText
                  view={text.data}
                  findings={d.findings}
                  regions={d.regions}
                  selected={selected}
                  onSelectFinding={select}
                  containerRef={textRef}
                />
              ) : (
                <Loading />
              )}
            </>
          )}
          {isPdf && alive && (
            <>
              <p className="hint">{t("pii.review.pdfHint")}</p>
              {pages.data ? (
                <PdfPages
                  docId={d.id}
                  pages={pages.data.pages}
                  findings={d.findings}
                  regions={d.regions}
                  selected={selected}
                  onSelectFinding={select}
                  onDrawBox={(page, box) => void addRegion({ page, box })}
                />
              ) : (
                <Loading />
              )}
              <BoxForm
                pages={pages.data?.pages.length ?? 1}
                busy={busy}
                onAdd={(page, box) => void addRegion({ page, box })}
              />
            </>
          )}
          {!isText && !isPdf && (
            <FindingsTable
              format={d.format}
              findings={d.findings}
              selected={selected}
              onSelect={select}
              onDecide={(index, decision, remember) =>
                void decide([{ index, decision, falsePositive: remember }])
              }
              mayRemember={can("pii.false_positive")}
              busy={busy || !alive}
            />
          )}
        </section>
        <aside className="pii-side">
          <section className="card" aria-labelledby="pii-findings-title">
            <h2 id="pii-findings-title">{t("pii.review.findings")}</h2>
            {d.findings.length === 0 ? (
              <p className="muted">{t("pii.review.noFindings")}</p>
            ) : (
              <>
                <p className="small">
                  {t("pii.review.summary", {
                    count: d.findingCount,
                    accepted: d.decided.accepted,
                    rejected: d.decided.rejected,
                    pending: d.decided.pending,
                  })}
                </p>
                {pending.length > 0 && alive && (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    onClick={() =>
                      void decide(pending.map((f) => ({ index: f.index, decision: "accepted" })))
                    }
                  >
                    {t("pii.review.acceptAll")}
                  </button>
                )}
                {(isText || isPdf) && (
                  <FindingsTable
                    format={d.format}
                    findings={d.findings}
                    selected={selected}
                    onSelect={select}
                    onDecide={(index, decision, remember) =>
                      void decide(
                        [{ index, decision, falsePositive: remember }],
                        remember ? t("pii.review.remembered") : undefined,
                      )
                    }
                    mayRemember={can("pii.false_positive")}
                    busy={busy || !alive}
                  />
                )}
              </>
            )}
          </section>
          <section className="card" aria-labelledby="pii-regions-title">
            <h2 id="pii-regions-title">{t("pii.review.regions")}</h2>
            {d.regions.length === 0 ? (
              <p className="muted">{t("pii.review.noRegions")}</p>
            ) : (
              <ul className="link-list">
                {d.regions.map((r) => (
                  <li key={r.id}>
                    {regionText(r)}{" "}
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy || !alive}
                      onClick={() => void removeRegion(r.id)}
                    >
                      {t("pii.review.remove")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {alive && (
            <section className="card" aria-labelledby="pii-download-title">
              <h2 id="pii-download-title">{t("pii.review.download")}</h2>
              {d.policies.length === 0 ? (
                <p className="muted">{t("pii.review.noRedaction")}</p>
              ) : (
                <>
                  {isPdf ? (
                    <p className="hint">{t("pii.review.pdfPolicy")}</p>
                  ) : (
                    <label className="field">
                      {t("pii.review.policy")}{" "}
                      <select value={policy} onChange={(e) => setPolicy(e.target.value as Policy)}>
                        {d.policies.map((p) => (
                          <option key={p} value={p}>
                            {t(`pii.review.policies.${p}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                  <p>
                    <a
                      className="btn btn-primary"
                      href={`/api/pii/documents/${d.id}/redacted?policy=${isPdf ? "mask" : policy}`}
                      download
                    >
                      {t("pii.review.download")}
                    </a>
                  </p>
                </>
              )}
              <p>
                <button
                  type="button"
                  className="btn btn-danger btn-small"
                  disabled={busy}
                  onClick={() => void destroy()}
                >
                  {t("pii.review.destroy")}
                </button>
              </p>
            </section>
          )}
        </aside>
      </div>
    </Page>
  );
}

/** Keyboard alternative to drawing: a box typed in page coordinates. */
function BoxForm({
  pages,
  busy,
  onAdd,
}: {
  pages: number;
  busy: boolean;
  onAdd(page: number, box: Box): void;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const n = (k: string) => Number(f.get(k));
    onAdd(n("page"), [n("x0"), n("y0"), n("x1"), n("y1")]);
  };
  return (
    <details className="pii-boxform">
      <summary>{t("pii.review.boxForm")}</summary>
      <form className="inline-form" onSubmit={submit}>
        <label>
          {t("pii.review.page", { n: "" }).trim() || "page"}
          <input name="page" type="number" min={1} max={pages} defaultValue={1} required />
        </label>
        {["x0", "y0", "x1", "y1"].map((k) => (
          <label key={k}>
            {k}
            <input name={k} type="number" step="0.1" min={0} required />
          </label>
        ))}
        <button type="submit" className="btn btn-small" disabled={busy}>
          {t("pii.review.addBox")}
        </button>
      </form>
    </details>
  );
}
