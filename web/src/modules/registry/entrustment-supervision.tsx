import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import {
  ControlledForm,
  type Errors,
  LinesInput,
  TextArea,
  TextInput,
} from "../../components/controlled-form";
import { DateStatus } from "../../components/date-status";
import { ErrorBox } from "../../components/page";
import { useSession } from "../../session";
import type { EntrustmentDetail } from "./types";
import { useAct } from "./use-act";
import { today } from "./use-registry-data";

/** Inspections of the entrustee, their findings and corrective actions with due dates. */
export function EntrustmentSupervision({
  entrustment: e,
  onSaved,
}: {
  entrustment: EntrustmentDetail;
  onSaved(msg?: string): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const act = useAct();
  const [d, setD] = useState({ inspectedOn: today(), inspector: "", findings: "", actions: [] as string[] });
  const parseActions = (lines: string[]) =>
    lines.map((l) => {
      const [action, dueOn] = l.split("|").map((x) => x.trim());
      return { action, dueOn: dueOn ?? "" };
    });
  return (
    <div>
      <ErrorBox text={act.error} />
      {e.supervisions.length === 0 && <p className="muted">{t("registry.entrustments.noSupervision")}</p>}
      {e.supervisions.map((s) => (
        <section
          className="card"
          key={s.id}
          aria-label={`${t("registry.entrustments.inspectedOn")} ${s.inspectedOn}`}
        >
          <h3>
            {s.inspectedOn} · {s.inspector}
          </h3>
          <p>{s.findings}</p>
          {s.actions.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("registry.entrustments.action")}</th>
                  <th scope="col">{t("registry.entrustments.dueOn")}</th>
                  <th scope="col">{t("registry.entrustments.doneOn")}</th>
                </tr>
              </thead>
              <tbody>
                {s.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.action}</th>
                    <td className="nowrap">{a.doneOn ? a.dueOn : <DateStatus due={a.dueOn} />}</td>
                    <td>
                      {a.doneOn ??
                        (can("registry.write") && (
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={act.busy}
                            onClick={() =>
                              void act.run(async () => {
                                await api.patch(`/api/registry/corrective-actions/${a.id}`, {
                                  doneOn: today(),
                                });
                                onSaved();
                                return null;
                              })
                            }
                          >
                            {t("registry.entrustments.markDone")}
                            <span className="sr-only"> {a.action}</span>
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {can("registry.write") && (
        <section className="card" aria-labelledby="sup-new">
          <h3 id="sup-new">{t("registry.entrustments.addSupervision")}</h3>
          <ControlledForm
            label={t("registry.entrustments.addSupervision")}
            submitLabel={t("registry.common.add")}
            validate={() => {
              const er: Errors = {};
              if (!d.inspectedOn) er.inspectedOn = t("form.required");
              if (!d.inspector.trim()) er.inspector = t("form.required");
              if (!d.findings.trim()) er.findings = t("form.required");
              if (parseActions(d.actions).some((a) => !a.action || !/^\d{4}-\d{2}-\d{2}$/.test(a.dueOn)))
                er.actions = t("registry.entrustments.actionsHint");
              return er;
            }}
            onSubmit={async () => {
              await api.post(`/api/registry/entrustments/${e.id}/supervisions`, {
                inspectedOn: d.inspectedOn,
                inspector: d.inspector.trim(),
                findings: d.findings.trim(),
                actions: parseActions(d.actions),
              });
              setD({ inspectedOn: today(), inspector: "", findings: "", actions: [] });
              onSaved(t("registry.common.created"));
            }}
          >
            <div className="grid-2">
              <TextInput
                name="inspectedOn"
                type="date"
                required
                label={t("registry.entrustments.inspectedOn")}
                value={d.inspectedOn}
                onChange={(v) => setD({ ...d, inspectedOn: v })}
              />
              <TextInput
                name="inspector"
                required
                maxLength={200}
                label={t("registry.entrustments.inspector")}
                value={d.inspector}
                onChange={(v) => setD({ ...d, inspector: v })}
              />
            </div>
            <TextArea
              name="findings"
              required
              label={t("registry.entrustments.findings")}
              value={d.findings}
              onChange={(v) => setD({ ...d, findings: v })}
            />
            <LinesInput
              name="actions"
              label={t("registry.entrustments.actions")}
              hint={t("registry.entrustments.actionsHint")}
              value={d.actions}
              onChange={(v) => setD({ ...d, actions: v })}
            />
          </ControlledForm>
        </section>
      )}
    </div>
  );
}
