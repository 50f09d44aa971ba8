import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { ApiError, api } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { Tabs } from "../../components/tabs";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { FileEntrustmentsTab } from "./file-entrustments-tab";
import { FileFlowsTab } from "./file-flows-tab";
import { FileOverview } from "./file-overview";
import { FileProvisionsTab } from "./file-provisions-tab";
import { FilePublishPanel } from "./file-publish";
import { FileRiskTab } from "./file-risk-tab";
import { HistoryView } from "./history-view";
import type { FileDetail } from "./types";

const TABS = ["overview", "flows", "provisions", "entrustments", "risk", "history"] as const;
type Tab = (typeof TABS)[number];

/** /registry/files/:id — one file with its systems, flows, provisions, entrustments, risk and history. */
export function FileDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as Tab)
    : "overview";
  const load = useLoad((signal) => api.get<FileDetail>(`/api/registry/files/${id}`, { signal }), [id]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const flash = (location.state as { saved?: boolean; created?: boolean } | null) ?? {};
  const [status, setStatus] = useState<string | null>(
    flash.saved ? t("registry.common.saved") : flash.created ? t("registry.common.created") : null,
  );
  const f = load.data;

  const remove = async () => {
    if (!f) return;
    if (!window.confirm(t("registry.common.confirmDelete", { name: f.name }))) return;
    const reason = window.prompt(t("registry.common.deleteReasonPrompt"))?.trim();
    if (!reason) return;
    setActionError(null);
    try {
      await api.del(`/api/registry/files/${f.id}`, { version: f.version, reason });
      navigate("/registry/files", { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === "registry.file_referenced" && Array.isArray(e.details)) {
        const list = (e.details as Array<{ kind: string; count: number }>)
          .map((d) => `${t(`registry.refKind.${d.kind}`, d.kind)} (${d.count})`)
          .join(", ");
        setActionError(t("registry.detail.referenced", { list }));
      } else setActionError(errorText(e));
    }
  };

  return (
    <Page
      title={f?.name ?? t("registry.list.title")}
      actions={
        f ? (
          <>
            <Link className="btn" to="/registry/files">
              {t("registry.common.back")}
            </Link>
            {can("registry.write") && (
              <Link className="btn btn-primary" to={`/registry/files/${f.id}/edit`}>
                {t("registry.common.edit")}
              </Link>
            )}
            {can("registry.write") && !f.isPublic && !publishing && (
              <button type="button" className="btn" onClick={() => setPublishing(true)}>
                {t("registry.publish.open")}
              </button>
            )}
            {can("registry.delete") && (
              <button type="button" className="btn btn-danger" onClick={() => void remove()}>
                {t("registry.detail.delete")}
              </button>
            )}
          </>
        ) : null
      }
    >
      <StatusMessage text={status} />
      <ErrorBox text={load.error ?? actionError} />
      {!f && load.loading && <Loading />}
      {f && (
        <>
          <p className="muted">
            {f.unitName} · {t("registry.common.version", { version: f.version })} ·{" "}
            {t(f.isPublic ? "registry.publish.isPublic" : "registry.publish.notPublic")}
          </p>
          {publishing && !f.isPublic && (
            <FilePublishPanel
              file={f}
              onClose={() => setPublishing(false)}
              onPublished={() => {
                setPublishing(false);
                setStatus(t("registry.publish.done"));
                load.reload();
              }}
            />
          )}
          <Tabs
            label={t("registry.detail.tabs")}
            tabs={TABS.map((x) => ({ id: x, label: t(`registry.detail.${x}`) }))}
            selected={tab}
            onSelect={(x) => {
              setStatus(null);
              const next = new URLSearchParams(params);
              next.set("tab", x);
              setParams(next, { replace: true });
            }}
          >
            {tab === "overview" && <FileOverview file={f} />}
            {tab === "flows" && <FileFlowsTab file={f} />}
            {tab === "provisions" && <FileProvisionsTab file={f} />}
            {tab === "entrustments" && <FileEntrustmentsTab file={f} />}
            {tab === "risk" && <FileRiskTab file={f} onSaved={load.reload} />}
            {tab === "history" && <HistoryView entity="file" id={f.id} reloadKey={f.version} />}
          </Tabs>
        </>
      )}
    </Page>
  );
}
