import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { ControlledForm, type Errors, SelectInput, TextInput } from "../../components/controlled-form";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { Flow, InfoSystem, RegistryFile } from "./types";
import { askReason, useAct } from "./use-act";
import { useSystems } from "./use-registry-data";

/** Where the file's data comes from, which systems hold it, and where it goes. */
export function FileFlowsTab({ file }: { file: RegistryFile }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { systems } = useSystems();
  const load = useLoad(
    (signal) =>
      api.get<{ in: Flow[]; store: InfoSystem[]; out: Flow[] }>(`/api/registry/files/${file.id}/flows`, {
        signal,
      }),
    [file.id],
  );
  const act = useAct();
  const [draft, setDraft] = useState({ direction: "in", counterpart: "", systemId: "", description: "" });
  const sysName = (id: string | null) => (id ? (systems.find((s) => s.id === id)?.name ?? id) : "");

  const flowList = (flows: Flow[]) =>
    flows.length === 0 ? (
      <p className="muted">{t("registry.flows.empty")}</p>
    ) : (
      <ul className="link-list">
        {flows.map((f) => (
          <li key={f.id}>
            <strong>{f.counterpart}</strong>
            {f.systemId && <span className="muted"> · {sysName(f.systemId)}</span>}
            {f.description && <div className="small">{f.description}</div>}
            {can("registry.write") && (
              <button
                type="button"
                className="btn btn-link btn-danger"
                onClick={() =>
                  void act.run(async () => {
                    const reason = askReason(t("registry.common.deleteReasonPrompt"));
                    if (!reason) return null;
                    await api.del(`/api/registry/flows/${f.id}`, { version: f.version, reason });
                    load.reload();
                    return t("registry.common.deleted");
                  })
                }
              >
                {t("registry.common.delete")}
                <span className="sr-only"> {f.counterpart}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <div>
      <StatusMessage text={act.status} />
      <ErrorBox text={load.error ?? act.error} />
      {!load.data && <Loading />}
      {load.data && (
        <div className="cards">
          <section className="card" aria-labelledby="flows-in">
            <h2 id="flows-in">{t("registry.flows.in")}</h2>
            {flowList(load.data.in)}
          </section>
          <section className="card" aria-labelledby="flows-store">
            <h2 id="flows-store">{t("registry.flows.store")}</h2>
            {load.data.store.length === 0 ? (
              <p className="muted">{t("registry.systems.empty")}</p>
            ) : (
              <ul className="link-list">
                {load.data.store.map((s) => (
                  <li key={s.id}>
                    <strong>{s.name}</strong>
                    <span className="muted">
                      {[s.operator, s.location].filter(Boolean).map((x) => ` · ${x}`)}
                      {s.entrusted ? ` · ${t("registry.systems.entrusted")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="small">
              <Link to="/registry/systems">{t("registry.systems.title")}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="flows-out">
            <h2 id="flows-out">{t("registry.flows.out")}</h2>
            {flowList(load.data.out)}
          </section>
        </div>
      )}
      {can("registry.write") && (
        <section className="card" aria-labelledby="flow-add">
          <h2 id="flow-add">{t("registry.flows.add")}</h2>
          <ControlledForm
            label={t("registry.flows.add")}
            submitLabel={t("registry.common.add")}
            validate={(): Errors => (draft.counterpart.trim() ? {} : { counterpart: t("form.required") })}
            onSubmit={async () => {
              await api.post(`/api/registry/files/${file.id}/flows`, {
                direction: draft.direction,
                counterpart: draft.counterpart.trim(),
                ...(draft.systemId ? { systemId: draft.systemId } : {}),
                ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
              });
              setDraft({ direction: draft.direction, counterpart: "", systemId: "", description: "" });
              act.setStatus(t("registry.common.created"));
              load.reload();
            }}
          >
            <SelectInput
              name="direction"
              label={t("registry.flows.direction")}
              value={draft.direction}
              onChange={(v) => setDraft({ ...draft, direction: v })}
              options={(["in", "out"] as const).map((d) => ({
                value: d,
                label: t(`registry.enum.direction.${d}`),
              }))}
            />
            <TextInput
              name="counterpart"
              label={t("registry.flows.counterpart")}
              required
              maxLength={200}
              value={draft.counterpart}
              onChange={(v) => setDraft({ ...draft, counterpart: v })}
            />
            <SelectInput
              name="systemId"
              label={t("registry.flows.system")}
              value={draft.systemId}
              onChange={(v) => setDraft({ ...draft, systemId: v })}
              emptyLabel={t("registry.common.none")}
              options={systems.map((s) => ({ value: s.id, label: s.name }))}
            />
            <TextInput
              name="description"
              label={t("registry.flows.description")}
              maxLength={500}
              value={draft.description}
              onChange={(v) => setDraft({ ...draft, description: v })}
            />
          </ControlledForm>
        </section>
      )}
    </div>
  );
}
