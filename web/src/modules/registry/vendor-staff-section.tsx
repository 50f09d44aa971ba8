import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ControlledForm, type Errors, TextInput } from "../../components/controlled-form";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { VendorStaff } from "./types";
import { askReason, useAct } from "./use-act";
import { today } from "./use-registry-data";

/** Vendor staff with system accounts; a departure must lock the account (flagged until it does). */
export function VendorStaffSection({ entrustmentId }: { entrustmentId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const act = useAct();
  const load = useLoad(
    (signal) =>
      api.get<VendorStaff[]>(`/api/registry/entrustments/${entrustmentId}/vendor-staff`, { signal }),
    [entrustmentId],
  );
  const [d, setD] = useState({ name: "", role: "", accountName: "", joinedOn: "" });
  return (
    <div>
      <StatusMessage text={act.status} />
      <ErrorBox text={load.error ?? act.error} />
      {!load.data && <Loading />}
      {load.data && load.data.length === 0 && <p className="muted">{t("registry.entrustments.noStaff")}</p>}
      {load.data && load.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("registry.entrustments.staffName")}</th>
                <th scope="col">{t("registry.entrustments.staffRole")}</th>
                <th scope="col">{t("registry.entrustments.accountName")}</th>
                <th scope="col">{t("registry.entrustments.joinedOn")}</th>
                <th scope="col">{t("registry.entrustments.departedOn")}</th>
                <th scope="col">{t("registry.entrustments.accountLockedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{s.role}</td>
                  <td className="mono">{s.accountName}</td>
                  <td>{s.joinedOn}</td>
                  <td>{s.departedOn}</td>
                  <td>
                    {s.accountLockedAt ? (
                      s.accountLockedAt.slice(0, 10)
                    ) : s.departedOn ? (
                      <span className="badge badge-failed">{t("registry.entrustments.lockNeeded")}</span>
                    ) : null}
                    {!s.accountLockedAt && can("registry.write") && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={act.busy}
                        onClick={() =>
                          void act.run(async () => {
                            const reason = askReason(t("registry.common.reason"));
                            if (!reason) return null;
                            const now = new Date().toISOString();
                            await api.patch(`/api/registry/vendor-staff/${s.id}`, {
                              departedOn: s.departedOn ?? today(),
                              accountLockedAt: now,
                              passwordsChangedAt: now,
                              version: s.version,
                              reason,
                            });
                            load.reload();
                            return t("registry.common.saved");
                          })
                        }
                      >
                        {t("registry.entrustments.recordDeparture")}
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
      {can("registry.write") && (
        <section className="card" aria-labelledby="vs-new">
          <h3 id="vs-new">{t("registry.entrustments.addStaff")}</h3>
          <ControlledForm
            label={t("registry.entrustments.addStaff")}
            submitLabel={t("registry.common.add")}
            validate={(): Errors => (d.name.trim() ? {} : { name: t("form.required") })}
            onSubmit={async () => {
              const body: Record<string, string> = {};
              for (const [k, v] of Object.entries(d)) if (v.trim()) body[k] = v.trim();
              await api.post(`/api/registry/entrustments/${entrustmentId}/vendor-staff`, body);
              setD({ name: "", role: "", accountName: "", joinedOn: "" });
              act.setStatus(t("registry.common.created"));
              load.reload();
            }}
          >
            <div className="grid-2">
              <TextInput
                name="name"
                required
                maxLength={100}
                label={t("registry.entrustments.staffName")}
                value={d.name}
                onChange={(v) => setD({ ...d, name: v })}
              />
              <TextInput
                name="role"
                maxLength={100}
                label={t("registry.entrustments.staffRole")}
                value={d.role}
                onChange={(v) => setD({ ...d, role: v })}
              />
              <TextInput
                name="accountName"
                maxLength={100}
                label={t("registry.entrustments.accountName")}
                value={d.accountName}
                onChange={(v) => setD({ ...d, accountName: v })}
              />
              <TextInput
                name="joinedOn"
                type="date"
                label={t("registry.entrustments.joinedOn")}
                value={d.joinedOn}
                onChange={(v) => setD({ ...d, joinedOn: v })}
              />
            </div>
          </ControlledForm>
        </section>
      )}
    </div>
  );
}
