import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { CheckboxInput, ControlledForm, type Errors, TextInput } from "../../components/controlled-form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useSession } from "../../session";
import { HistoryView } from "./history-view";
import type { InfoSystem } from "./types";
import { askReason, useAct } from "./use-act";
import { useSystems } from "./use-registry-data";

const EMPTY = { name: "", operator: "", location: "", entrusted: false, description: "" };

/** /registry/systems: the information systems files live in (name, operator, location, entrusted). */
export function SystemsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { systems, error, loading, reload, data } = useSystems();
  const act = useAct();
  const [editing, setEditing] = useState<InfoSystem | "new" | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [d, setD] = useState(EMPTY);
  const [reason, setReason] = useState("");
  const open = (s: InfoSystem | "new") => {
    setEditing(s);
    setReason("");
    setD(
      s === "new"
        ? EMPTY
        : {
            name: s.name,
            operator: s.operator ?? "",
            location: s.location ?? "",
            entrusted: s.entrusted,
            description: s.description ?? "",
          },
    );
  };
  const current = editing && editing !== "new" ? editing : null;
  return (
    <Page
      title={t("registry.systems.title")}
      actions={
        can("registry.write") ? (
          <button type="button" className="btn btn-primary" onClick={() => open("new")}>
            {t("registry.systems.create")}
          </button>
        ) : null
      }
    >
      <StatusMessage text={act.status} />
      <ErrorBox text={error ?? act.error} />
      {!data && loading && <Loading />}
      <div className="split">
        <div>
          {data && systems.length === 0 && <p>{t("registry.systems.empty")}</p>}
          {systems.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("registry.systems.name")}</th>
                    <th scope="col">{t("registry.systems.operator")}</th>
                    <th scope="col">{t("registry.systems.location")}</th>
                    <th scope="col">{t("registry.systems.entrusted")}</th>
                    <th scope="col">{t("registry.common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {systems.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.name}</th>
                      <td>{s.operator}</td>
                      <td>{s.location}</td>
                      <td>{s.entrusted ? t("registry.common.yes") : t("registry.common.no")}</td>
                      <td className="row-actions">
                        {can("registry.write") && (
                          <button type="button" className="btn btn-small" onClick={() => open(s)}>
                            {t("registry.common.edit")}
                            <span className="sr-only"> {s.name}</span>
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => setHistory(history === s.id ? null : s.id)}
                        >
                          {t("registry.detail.history")}
                          <span className="sr-only"> {s.name}</span>
                        </button>
                        {can("registry.delete") && (
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            onClick={() =>
                              void act.run(async () => {
                                if (!window.confirm(t("registry.common.confirmDelete", { name: s.name })))
                                  return null;
                                const r = askReason(t("registry.common.deleteReasonPrompt"));
                                if (!r) return null;
                                await api.del(`/api/registry/systems/${s.id}`, {
                                  version: s.version,
                                  reason: r,
                                });
                                reload();
                                return t("registry.common.deleted");
                              })
                            }
                          >
                            {t("registry.common.delete")}
                            <span className="sr-only"> {s.name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {history && (
            <section className="card" aria-label={t("registry.detail.history")}>
              <HistoryView entity="system" id={history} />
            </section>
          )}
        </div>
        {editing && (
          <section className="card" aria-labelledby="sys-form">
            <h2 id="sys-form">{current ? current.name : t("registry.systems.create")}</h2>
            <ControlledForm
              key={current?.id ?? "new"}
              label={current ? current.name : t("registry.systems.create")}
              submitLabel={current ? t("registry.common.save") : t("registry.common.create")}
              onCancel={() => setEditing(null)}
              validate={() => {
                const e: Errors = {};
                if (!d.name.trim()) e.name = t("form.required");
                if (current && !reason.trim()) e.reason = t("form.required");
                return e;
              }}
              onSubmit={async () => {
                const body = {
                  name: d.name.trim(),
                  operator: d.operator.trim() || null,
                  location: d.location.trim() || null,
                  entrusted: d.entrusted,
                  description: d.description.trim() || null,
                };
                if (current)
                  await api.patch(`/api/registry/systems/${current.id}`, {
                    ...body,
                    version: current.version,
                    reason: reason.trim(),
                  });
                else
                  await api.post(
                    "/api/registry/systems",
                    Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)),
                  );
                setEditing(null);
                act.setStatus(t("registry.common.saved"));
                reload();
              }}
            >
              <TextInput
                name="name"
                required
                maxLength={200}
                label={t("registry.systems.name")}
                value={d.name}
                onChange={(v) => setD({ ...d, name: v })}
              />
              <TextInput
                name="operator"
                maxLength={200}
                label={t("registry.systems.operator")}
                value={d.operator}
                onChange={(v) => setD({ ...d, operator: v })}
              />
              <TextInput
                name="location"
                maxLength={200}
                label={t("registry.systems.location")}
                value={d.location}
                onChange={(v) => setD({ ...d, location: v })}
              />
              <CheckboxInput
                name="entrusted"
                label={t("registry.systems.entrusted")}
                checked={d.entrusted}
                onChange={(v) => setD({ ...d, entrusted: v })}
              />
              <TextInput
                name="description"
                maxLength={500}
                label={t("registry.systems.description")}
                value={d.description}
                onChange={(v) => setD({ ...d, description: v })}
              />
              {current && (
                <TextInput
                  name="reason"
                  required
                  maxLength={500}
                  label={t("registry.common.reason")}
                  hint={t("registry.common.reasonHint")}
                  value={reason}
                  onChange={setReason}
                />
              )}
            </ControlledForm>
          </section>
        )}
      </div>
    </Page>
  );
}
