import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api";
import { ControlledForm, type Errors, TextInput } from "../../components/controlled-form";
import { DateStatus } from "../../components/date-status";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useUnits } from "../org/use-units";
import type { Campaign, CampaignDetail, CampaignProgress } from "./types";
import { useAct } from "./use-act";
import { useStaffNames } from "./use-registry-data";

function ProgressText({ p }: { p: CampaignProgress }) {
  const { t } = useTranslation();
  const done = p.confirmed + p.updated;
  return (
    <span>
      <progress max={p.total || 1} value={done} aria-hidden="true" />{" "}
      {t("registry.campaigns.progressText", { done, total: p.total })}
    </span>
  );
}

/** /registry/campaigns: the annual inventory (盤點); the privacy officer opens one with a due date. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const load = useLoad((signal) => api.get<Campaign[]>("/api/registry/campaigns", { signal }), []);
  const [d, setD] = useState({ title: "", dueOn: "" });
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Page title={t("registry.campaigns.title")}>
      <StatusMessage text={status} />
      <ErrorBox text={load.error} />
      {!load.data && load.loading && <Loading />}
      {load.data && load.data.length === 0 && <p>{t("registry.campaigns.empty")}</p>}
      {load.data && load.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("registry.campaigns.name")}</th>
                <th scope="col">{t("registry.campaigns.dueOn")}</th>
                <th scope="col">{t("registry.campaigns.progress")}</th>
                <th scope="col">{t("registry.common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/registry/campaigns/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>{c.status === "open" ? <DateStatus due={c.dueOn} /> : c.dueOn}</td>
                  <td>
                    <ProgressText p={c.progress} />
                  </td>
                  <td>{t(`registry.enum.campaignStatus.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can("registry.campaign.manage") && (
        <section className="card" aria-labelledby="camp-new">
          <h2 id="camp-new">{t("registry.campaigns.open")}</h2>
          <ControlledForm
            label={t("registry.campaigns.open")}
            submitLabel={t("registry.campaigns.open")}
            validate={() => {
              const e: Errors = {};
              if (!d.title.trim()) e.title = t("form.required");
              if (!d.dueOn) e.dueOn = t("form.required");
              return e;
            }}
            onSubmit={async () => {
              await api.post("/api/registry/campaigns", { title: d.title.trim(), dueOn: d.dueOn });
              setD({ title: "", dueOn: "" });
              setStatus(t("registry.common.created"));
              load.reload();
            }}
          >
            <div className="grid-2">
              <TextInput
                name="title"
                required
                maxLength={200}
                label={t("registry.campaigns.name")}
                value={d.title}
                onChange={(v) => setD({ ...d, title: v })}
              />
              <TextInput
                name="dueOn"
                type="date"
                required
                label={t("registry.campaigns.dueOn")}
                value={d.dueOn}
                onChange={(v) => setD({ ...d, dueOn: v })}
              />
            </div>
          </ControlledForm>
        </section>
      )}
    </Page>
  );
}

/** /registry/campaigns/:id: progress by unit and each file's confirmation. */
export function CampaignDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { unitName } = useUnits();
  const staffName = useStaffNames(can("org.staff.read"));
  const act = useAct();
  const load = useLoad(
    (signal) => api.get<CampaignDetail>(`/api/registry/campaigns/${id}`, { signal }),
    [id],
  );
  const c = load.data;
  const byUnit = new Map<string, CampaignProgress>();
  for (const it of c?.items ?? []) {
    const k = it.unitId ?? "";
    const p = byUnit.get(k) ?? { total: 0, confirmed: 0, updated: 0, pending: 0 };
    p.total++;
    p[it.status]++;
    byUnit.set(k, p);
  }
  const confirm = (itemId: string, changed: boolean) =>
    act.run(async () => {
      const note = window.prompt(t("registry.campaigns.note")) ?? "";
      await api.post(`/api/registry/campaigns/${id}/items/${itemId}/confirm`, {
        changed,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      load.reload();
      return t("registry.common.saved");
    });
  return (
    <Page
      title={c?.title ?? t("registry.campaigns.title")}
      actions={
        c && c.status === "open" && can("registry.campaign.manage") ? (
          <button
            type="button"
            className="btn btn-danger"
            onClick={() =>
              void act.run(async () => {
                if (!window.confirm(t("registry.campaigns.closeConfirm"))) return null;
                await api.post(`/api/registry/campaigns/${id}/close`, {});
                load.reload();
                return t("registry.common.saved");
              })
            }
          >
            {t("registry.campaigns.close")}
          </button>
        ) : null
      }
    >
      <StatusMessage text={act.status} />
      <ErrorBox text={load.error ?? act.error} />
      {!c && load.loading && <Loading />}
      {c && (
        <>
          <p>
            {t("registry.campaigns.dueOn")}: {c.dueOn} · {t(`registry.enum.campaignStatus.${c.status}`)} ·{" "}
            <ProgressText p={c.progress} />
          </p>
          <section className="card" aria-labelledby="camp-units">
            <h2 id="camp-units">{t("registry.campaigns.byUnit")}</h2>
            <table className="table">
              <tbody>
                {[...byUnit.entries()].map(([u, p]) => (
                  <tr key={u}>
                    <th scope="row">{unitName(u || null)}</th>
                    <td>
                      <ProgressText p={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="camp-items">
            <h2 id="camp-items">{t("registry.campaigns.items")}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("registry.field.name.label")}</th>
                    <th scope="col">{t("registry.list.unit")}</th>
                    <th scope="col">{t("registry.common.status")}</th>
                    <th scope="col">{t("registry.common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((it) => (
                    <tr key={it.id}>
                      <th scope="row">
                        <Link to={`/registry/files/${it.fileId}`}>{it.fileName}</Link>
                      </th>
                      <td>{unitName(it.unitId)}</td>
                      <td>
                        <span className={it.status === "pending" ? "badge badge-warn" : "badge badge-ok"}>
                          {t(`registry.enum.itemStatus.${it.status}`)}
                        </span>
                        {it.confirmedBy && (
                          <div className="small muted">
                            {staffName(it.confirmedBy)} {it.confirmedAt?.slice(0, 10)} {it.note}
                          </div>
                        )}
                      </td>
                      <td className="row-actions">
                        {c.status === "open" && it.status === "pending" && can("registry.write") && (
                          <>
                            <button
                              type="button"
                              className="btn btn-small"
                              disabled={act.busy}
                              onClick={() => void confirm(it.id, false)}
                            >
                              {t("registry.campaigns.confirm")}
                              <span className="sr-only"> {it.fileName}</span>
                            </button>
                            <Link className="btn btn-small" to={`/registry/files/${it.fileId}/edit`}>
                              {t("registry.common.edit")}
                              <span className="sr-only"> {it.fileName}</span>
                            </Link>
                            <button
                              type="button"
                              className="btn btn-small"
                              disabled={act.busy}
                              onClick={() => void confirm(it.id, true)}
                            >
                              {t("registry.campaigns.confirmUpdated")}
                              <span className="sr-only"> {it.fileName}</span>
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Page>
  );
}
