import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ControlledForm, type Errors, TextArea } from "../../components/controlled-form";
import { useSession } from "../../session";
import type { Clause, EntrustmentDetail } from "./types";
import { useCatalogues } from "./use-registry-data";

/** The contract clauses of the rule pack, each met / missing / not applicable with a note. */
export function EntrustmentChecklist({
  entrustment: e,
  onSaved,
}: {
  entrustment: EntrustmentDetail;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const cat = useCatalogues();
  const [clauses, setClauses] = useState<Clause[]>(e.clauses);
  const [reason, setReason] = useState("");
  const editable = can("registry.write");
  const clauseName = (code: string) => {
    const c = cat.list("entrustmentClauses").find((x) => x.code === code);
    return c ? `${c.name}${c.article ? ` (${c.article})` : ""}` : code;
  };
  const set = (i: number, patch: Partial<Clause>) =>
    setClauses((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const table = (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("registry.entrustments.clause")}</th>
            <th scope="col">{t("registry.common.status")}</th>
            <th scope="col">{t("registry.common.notes")}</th>
          </tr>
        </thead>
        <tbody>
          {clauses.map((c, i) => (
            <tr key={c.code}>
              <th scope="row">{clauseName(c.code)}</th>
              <td>
                {editable ? (
                  <select
                    aria-label={`${clauseName(c.code)}: ${t("registry.common.status")}`}
                    value={c.status}
                    onChange={(ev) => set(i, { status: ev.target.value as Clause["status"] })}
                  >
                    {(["met", "missing", "na"] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`registry.enum.clauseStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`registry.enum.clauseStatus.${c.status}`)
                )}
              </td>
              <td>
                {editable ? (
                  <input
                    type="text"
                    aria-label={`${clauseName(c.code)}: ${t("registry.common.notes")}`}
                    value={c.note ?? ""}
                    onChange={(ev) => set(i, { note: ev.target.value || null })}
                  />
                ) : (
                  c.note
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!editable) return table;
  return (
    <ControlledForm
      className="form wide-form"
      label={t("registry.entrustments.checklist")}
      submitLabel={t("registry.common.save")}
      validate={(): Errors => (reason.trim() ? {} : { reason: t("form.required") })}
      onSubmit={async () => {
        await api.patch(`/api/registry/entrustments/${e.id}`, {
          clauses,
          version: e.version,
          reason: reason.trim(),
        });
        setReason("");
        onSaved();
      }}
    >
      {table}
      <TextArea
        name="reason"
        label={t("registry.common.reason")}
        hint={t("registry.common.reasonHint")}
        required
        value={reason}
        onChange={setReason}
      />
    </ControlledForm>
  );
}
