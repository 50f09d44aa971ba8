import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api";
import { DateStatus } from "../../components/date-status";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { Tabs } from "../../components/tabs";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { EntrustmentChecklist } from "./entrustment-checklist";
import { EntrustmentEdit } from "./entrustment-edit";
import { EntrustmentEvidence } from "./entrustment-evidence";
import { EntrustmentSupervision } from "./entrustment-supervision";
import { EntrustmentTerminate } from "./entrustment-terminate";
import { HistoryView } from "./history-view";
import type { EntrustmentDetail } from "./types";
import { useFileOptions } from "./use-registry-data";
import { VendorStaffSection } from "./vendor-staff-section";

const TABS = ["overview", "checklist", "supervision", "staff", "termination", "history"] as const;

/** /registry/entrustments/:id — contract checklist, supervision, vendor staff, termination evidence. */
export function EntrustmentDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { names } = useFileOptions();
  const load = useLoad(
    (signal) => api.get<EntrustmentDetail>(`/api/registry/entrustments/${id}`, { signal }),
    [id],
  );
  const [tab, setTab] = useState<(typeof TABS)[number]>("overview");
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const e = load.data;
  const saved = (msg?: string) => {
    setStatus(msg ?? t("registry.common.saved"));
    load.reload();
  };
  const labels: Record<(typeof TABS)[number], string> = {
    overview: t("registry.detail.overview"),
    checklist: t("registry.entrustments.checklist"),
    supervision: t("registry.entrustments.supervision"),
    staff: t("registry.entrustments.vendorStaff"),
    termination: t("registry.entrustments.evidence"),
    history: t("registry.detail.history"),
  };
  return (
    <Page
      title={e ? `${e.seq}. ${e.vendor}` : t("registry.entrustments.title")}
      actions={
        <Link className="btn" to="/registry/entrustments">
          {t("registry.common.back")}
        </Link>
      }
    >
      <StatusMessage text={status} />
      <ErrorBox text={load.error} />
      {!e && load.loading && <Loading />}
      {e && (
        <Tabs
          label={t("registry.entrustments.title")}
          tabs={TABS.filter((x) => x !== "staff" || can("registry.vendor_staff.read")).map((x) => ({
            id: x,
            label: labels[x],
          }))}
          selected={tab}
          onSelect={(x) => {
            setStatus(null);
            setTab(x as (typeof TABS)[number]);
          }}
        >
          {tab === "overview" &&
            (editing ? (
              <section className="card">
                <EntrustmentEdit
                  entrustment={e}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    saved();
                  }}
                />
              </section>
            ) : (
              <>
                <dl className="facts card">
                  <dt>{t("registry.entrustments.vendor")}</dt>
                  <dd>{e.vendor}</dd>
                  <dt>{t("registry.entrustments.vendorContact")}</dt>
                  <dd>{e.vendorContact ?? "—"}</dd>
                  <dt>{t("registry.entrustments.tasks")}</dt>
                  <dd>{e.tasks}</dd>
                  <dt>{t("registry.entrustments.files")}</dt>
                  <dd>
                    {e.fileIds.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="cell-list">
                        {e.fileIds.map((f) => (
                          <li key={f}>
                            <Link to={`/registry/files/${f}`}>{names[f] ?? f}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  <dt>{t("registry.entrustments.contractStart")}</dt>
                  <dd>{e.contractStart ?? "—"}</dd>
                  <dt>{t("registry.entrustments.contractEnd")}</dt>
                  <dd>
                    {e.contractEnd && e.status === "active" ? (
                      <DateStatus due={e.contractEnd} soonDays={60} />
                    ) : (
                      (e.contractEnd ?? "—")
                    )}
                  </dd>
                  <dt>{t("registry.entrustments.isPublic")}</dt>
                  <dd>{e.isPublic ? t("registry.common.yes") : t("registry.common.no")}</dd>
                  <dt>{t("registry.common.status")}</dt>
                  <dd>{t(`registry.enum.entrustmentStatus.${e.status}`)}</dd>
                </dl>
                {can("registry.write") && (
                  <p>
                    <button type="button" className="btn" onClick={() => setEditing(true)}>
                      {t("registry.common.edit")}
                    </button>
                  </p>
                )}
              </>
            ))}
          {tab === "checklist" && <EntrustmentChecklist entrustment={e} onSaved={saved} />}
          {tab === "supervision" && <EntrustmentSupervision entrustment={e} onSaved={saved} />}
          {tab === "staff" && <VendorStaffSection entrustmentId={e.id} />}
          {tab === "termination" && (
            <>
              <EntrustmentEvidence entrustment={e} onSaved={saved} />
              <EntrustmentTerminate entrustment={e} onSaved={saved} />
            </>
          )}
          {tab === "history" && <HistoryView entity="entrustment" id={e.id} reloadKey={e.version} />}
        </Tabs>
      )}
    </Page>
  );
}
