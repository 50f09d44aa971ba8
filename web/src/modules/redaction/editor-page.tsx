import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import "../pii/i18n";
import "../pii/pii.css";
import {
  type Box,
  type EditorArea,
  type EditorProposal,
  type PageInfo,
  releaseBlockers,
  saveBody,
} from "./editor-model";
import "./i18n";
import { PagesView } from "./pages-view";
import { AreaForm, AreasList, ProposalsTable } from "./panels";
import "./redaction.css";
import type { Ground, MaskedFinding, RedactionView } from "./types";

/** Where "back to the case" goes, by case kind (each kind has its own detail screen). */
const CASE_PATH: Record<string, (id: string) => string> = {
  disclosure: (id) => `/disclosure/${id}?tab=files`,
  rights_request: (id) => `/requests/${id}`,
  petition: (id) => `/petitions/${id}`,
};

let areaSeq = 0;
const areaKey = () => `a${++areaSeq}`;

function editorState(v: RedactionView): { proposals: EditorProposal[]; areas: EditorArea[] } {
  return {
    proposals: v.proposals.map((p) => ({
      id: p.id,
      type: p.type,
      preview: p.preview,
      location: p.location,
      decision: p.decision,
      ground: p.ground,
    })),
    areas: v.regions.map((r) =>
      r.kind === "box"
        ? { key: areaKey(), kind: "box", page: r.page, box: r.box, ground: r.ground }
        : { key: areaKey(), kind: "text", start: r.start, end: r.end, ground: r.ground },
    ),
  };
}

/**
 * /cases/:caseId/redact/:attachmentId — partial disclosure by redaction (J1): start (or reopen) the redaction
 * of one attachment, decide the engine's proposals, draw or type areas, give each its ground, save, release.
 * The server's refusals are shown in the user's language, with what its check still found (masked).
 */
export function RedactionEditorPage() {
  const { caseId = "", attachmentId = "" } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [view, setView] = useState<RedactionView | null>(null);
  const [proposals, setProposals] = useState<EditorProposal[]>([]);
  const [areas, setAreas] = useState<EditorArea[]>([]);
  const [dirty, setDirty] = useState(false);
  const [drawGround, setDrawGround] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | "start" | "save" | "release">(null);
  const [error, setError] = useState<string | null>(null);
  const [remaining, setRemaining] = useState<MaskedFinding[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const caseInfo = useLoad(
    (signal) => api.get<{ id: string; kind: string; number: string }>(`/api/cases/${caseId}`, { signal }),
    [caseId],
  );
  const files = useLoad(
    (signal) =>
      api.get<{ attachments: Array<{ id: string; filename: string }> }>(`/api/cases/${caseId}/attachments`, {
        signal,
      }),
    [caseId],
  );
  const grounds = useLoad(
    (signal) => api.get<{ grounds: Ground[] }>("/api/redaction/grounds", { signal }),
    [],
  );
  const existing = useLoad(
    (signal) => api.get<{ items: RedactionView[] }>(`/api/cases/${caseId}/redactions`, { signal }),
    [caseId],
  );
  // A draft of this attachment is reopened; otherwise the latest released one is shown.
  useEffect(() => {
    if (!existing.data || view) return;
    const mine = existing.data.items.filter((r) => r.sourceAttachmentId === attachmentId);
    const pick = mine.find((r) => r.status === "draft") ?? mine[0];
    if (!pick) return;
    const s = editorState(pick);
    setView(pick);
    setProposals(s.proposals);
    setAreas(s.areas);
  }, [existing.data, attachmentId, view]);
  const pages = useLoad(
    (signal) =>
      view?.format === "pdf"
        ? api.get<{ pages: PageInfo[] }>(`/api/cases/${caseId}/redactions/${view.id}/pages`, { signal })
        : Promise.resolve({ pages: [] as PageInfo[] }),
    [caseId, view?.id, view?.format],
  );

  function adopt(v: RedactionView) {
    setView(v);
    const s = editorState(v);
    setProposals(s.proposals);
    setAreas(s.areas);
    setDirty(false);
  }
  const run = async (kind: "start" | "save" | "release", f: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setRemaining([]);
    setMessage(null);
    try {
      await f();
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError && e.code === "redaction.identifier_remains") {
        const d = e.details as { findings?: MaskedFinding[] } | null;
        setRemaining(d?.findings ?? []);
      }
    } finally {
      setBusy(null);
    }
  };
  const start = () =>
    run("start", async () => {
      adopt(await api.post<RedactionView>(`/api/cases/${caseId}/attachments/${attachmentId}/redactions`));
    });
  const save = async (v: RedactionView) => {
    const next = await api.put<RedactionView>(
      `/api/cases/${caseId}/redactions/${v.id}`,
      saveBody(proposals, areas),
    );
    adopt(next);
    return next;
  };
  const onSave = () =>
    run("save", async () => {
      if (!view) return;
      await save(view);
      setMessage(t("redaction.saved"));
    });
  const onRelease = () =>
    run("release", async () => {
      if (!view) return;
      const v = dirty ? await save(view) : view;
      const out = await api.post<RedactionView>(`/api/cases/${caseId}/redactions/${v.id}/release`);
      adopt(out);
      setMessage(t("redaction.released"));
    });

  const g = grounds.data?.grounds ?? [];
  const short = (code: string | null) => (code ? (g.find((x) => x.code === code)?.short ?? code) : "");
  const filename = files.data?.attachments.find((a) => a.id === attachmentId)?.filename;
  const back = caseInfo.data ? (CASE_PATH[caseInfo.data.kind]?.(caseId) ?? null) : null;
  const title = filename ? t("redaction.title", { file: filename }) : t("redaction.titlePlain");
  const readOnly = view?.status === "released" || busy !== null;
  const blockers = releaseBlockers(proposals, areas);
  const change = (f: () => void) => {
    f();
    setDirty(true);
  };
  const addArea = (page: number, box: Box, ground: string) =>
    change(() => setAreas((xs) => [...xs, { key: areaKey(), kind: "box", page, box, ground }]));
  const missingText = blockers.missing
    .map((m) => t(m.what === "proposal" ? "redaction.proposalN" : "redaction.areaN", { n: m.n }))
    .join(", ");

  if (existing.error || grounds.error) return <ErrorBox text={existing.error ?? grounds.error} />;
  if (!existing.data || !grounds.data) return <Loading />;
  const backLink = back && (
    <Link className="btn" to={back}>
      {t("redaction.backToCase")}
      {caseInfo.data ? ` (${caseInfo.data.number})` : ""}
    </Link>
  );

  return (
    <Page title={title} actions={backLink}>
      <ErrorBox text={error} />
      {remaining.length > 0 && (
        <div className="card" role="alert">
          <p>{t("redaction.remaining")}</p>
          <ul className="rd-findings">
            {remaining.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: masked findings have no identity of their own
              <li key={i}>
                {t(`pii.types.${f.type}`, { defaultValue: f.type })}: <code>{f.preview}</code>
                {f.page ? ` · ${t("redaction.remainingPage", { n: f.page })}` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      <StatusMessage text={message} />
      {!view ? (
        <section className="card">
          <p>{t("redaction.startHint")}</p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null}
            onClick={() => void start()}
          >
            {busy === "start" ? t("redaction.starting") : t("redaction.start")}
          </button>
        </section>
      ) : (
        <>
          <p className="muted">
            <strong>{t(`redaction.status.${view.status}`)}</strong>
            {view.scanStatus === "needs_review" && <> · {t("redaction.scanNeedsReview")}</>}
            {dirty && <> · {t("redaction.unsaved")}</>}
          </p>
          {view.status === "released" && view.outputAttachmentId && (
            <section className="card">
              <p>
                <a
                  className="btn btn-primary"
                  href={`/api/cases/${caseId}/attachments/${view.outputAttachmentId}`}
                  download
                >
                  {t("redaction.download")}
                </a>{" "}
                {backLink}
              </p>
              <p>{t("redaction.groundsUsed", { grounds: view.groundsUsed.map(short).join(", ") })}</p>
            </section>
          )}
          <div className="pii-layout">
            <div>
              {view.format === "pdf" ? (
                <>
                  {view.status === "draft" && (
                    <p className="small">
                      <label>
                        {t("redaction.drawHint")}{" "}
                        <select
                          aria-label={t("redaction.drawGround")}
                          value={drawGround}
                          onChange={(e) => setDrawGround(e.target.value)}
                        >
                          <option value="">{t("redaction.chooseGround")}</option>
                          {g.map((x) => (
                            <option key={x.code} value={x.code}>
                              {x.short} · {x.article}
                            </option>
                          ))}
                        </select>
                      </label>
                    </p>
                  )}
                  <ErrorBox text={pages.error} />
                  {pages.data ? (
                    <PagesView
                      src={(n) => `/api/cases/${caseId}/redactions/${view.id}/page-images/${n}`}
                      pages={pages.data.pages}
                      proposals={proposals}
                      areas={areas}
                      short={short}
                      selected={selected}
                      onSelect={setSelected}
                      onDraw={(page, box) => {
                        if (!readOnly) addArea(page, box, drawGround);
                      }}
                    />
                  ) : (
                    <Loading />
                  )}
                </>
              ) : (
                <p className="muted">{t("redaction.otherFormat")}</p>
              )}
            </div>
            <aside className="pii-side">
              <section className="card" aria-labelledby="rd-proposals">
                <h2 id="rd-proposals">{t("redaction.proposals")}</h2>
                <ProposalsTable
                  proposals={proposals}
                  grounds={g}
                  selected={selected}
                  readOnly={readOnly}
                  onSelect={setSelected}
                  onChange={(id, patch) =>
                    change(() => setProposals((ps) => ps.map((p) => (p.id === id ? { ...p, ...patch } : p))))
                  }
                />
              </section>
              <section className="card" aria-labelledby="rd-areas">
                <h2 id="rd-areas">{t("redaction.areas")}</h2>
                <AreasList
                  areas={areas}
                  grounds={g}
                  selected={selected}
                  readOnly={readOnly}
                  onSelect={setSelected}
                  onGround={(key, ground) =>
                    change(() => setAreas((xs) => xs.map((a) => (a.key === key ? { ...a, ground } : a))))
                  }
                  onRemove={(key) => change(() => setAreas((xs) => xs.filter((a) => a.key !== key)))}
                />
                {view.status === "draft" && view.format === "pdf" && pages.data?.pages.length ? (
                  <AreaForm pages={pages.data.pages} grounds={g} onAdd={addArea} />
                ) : null}
              </section>
              {view.status === "draft" && (
                <section className="card" aria-labelledby="rd-release">
                  <h2 id="rd-release">{t("redaction.release")}</h2>
                  <p className="small muted">{t("redaction.releaseHint")}</p>
                  {blockers.missing.length > 0 && (
                    <p className="field-error">{t("redaction.missingGround", { items: missingText })}</p>
                  )}
                  {blockers.pending > 0 && (
                    <p className="field-error">{t("redaction.pendingLeft", { count: blockers.pending })}</p>
                  )}
                  {blockers.nothing && <p className="muted">{t("redaction.nothing")}</p>}
                  <p className="pii-actions">
                    <button
                      type="button"
                      className="btn"
                      disabled={busy !== null || blockers.missing.length > 0}
                      onClick={() => void onSave()}
                    >
                      {t("redaction.save")}
                    </button>
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={busy !== null || !blockers.ok}
                      onClick={() => void onRelease()}
                    >
                      {busy === "release" ? t("redaction.releasing") : t("redaction.release")}
                    </button>
                  </p>
                </section>
              )}
            </aside>
          </div>
        </>
      )}
    </Page>
  );
}
