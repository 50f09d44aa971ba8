import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import {
  CheckboxInput,
  ControlledForm,
  type Errors,
  TextArea,
  TextInput,
} from "../../components/controlled-form";
import { useSession } from "../../session";
import type { EntrustmentDetail } from "./types";
import { today } from "./use-registry-data";

/** Ends an entrustment with the return / deletion / access checks recorded. */
export function EntrustmentTerminate({
  entrustment: e,
  onSaved,
}: {
  entrustment: EntrustmentDetail;
  onSaved(msg?: string): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [d, setD] = useState({
    terminatedOn: e.terminatedOn ?? today(),
    returnConfirmed: e.returnConfirmed,
    deletionConfirmed: e.deletionConfirmed,
    accessRevoked: e.accessRevoked,
    note: e.terminationNote ?? "",
    reason: "",
  });
  if (e.status === "terminated")
    return (
      <section className="card">
        <h2>{t("registry.entrustments.terminate")}</h2>
        <dl className="facts">
          <dt>{t("registry.entrustments.terminatedOn")}</dt>
          <dd>{e.terminatedOn}</dd>
          <dt>{t("registry.entrustments.returnConfirmed")}</dt>
          <dd>{e.returnConfirmed ? t("registry.common.yes") : t("registry.common.no")}</dd>
          <dt>{t("registry.entrustments.deletionConfirmed")}</dt>
          <dd>{e.deletionConfirmed ? t("registry.common.yes") : t("registry.common.no")}</dd>
          <dt>{t("registry.entrustments.accessRevoked")}</dt>
          <dd>{e.accessRevoked ? t("registry.common.yes") : t("registry.common.no")}</dd>
          <dt>{t("registry.entrustments.terminationNote")}</dt>
          <dd>{e.terminationNote ?? "—"}</dd>
        </dl>
      </section>
    );
  if (!can("registry.write")) return null;
  return (
    <section className="card" aria-labelledby="term-h">
      <h2 id="term-h">{t("registry.entrustments.terminate")}</h2>
      <ControlledForm
        label={t("registry.entrustments.terminate")}
        submitLabel={t("registry.entrustments.terminate")}
        validate={() => {
          const er: Errors = {};
          if (!d.terminatedOn) er.terminatedOn = t("form.required");
          if (!d.reason.trim()) er.reason = t("form.required");
          return er;
        }}
        onSubmit={async () => {
          await api.post(`/api/registry/entrustments/${e.id}/terminate`, {
            terminatedOn: d.terminatedOn,
            returnConfirmed: d.returnConfirmed,
            deletionConfirmed: d.deletionConfirmed,
            accessRevoked: d.accessRevoked,
            ...(d.note.trim() ? { note: d.note.trim() } : {}),
            version: e.version,
            reason: d.reason.trim(),
          });
          onSaved();
        }}
      >
        <TextInput
          name="terminatedOn"
          type="date"
          required
          label={t("registry.entrustments.terminatedOn")}
          value={d.terminatedOn}
          onChange={(v) => setD({ ...d, terminatedOn: v })}
        />
        <CheckboxInput
          name="returnConfirmed"
          label={t("registry.entrustments.returnConfirmed")}
          checked={d.returnConfirmed}
          onChange={(v) => setD({ ...d, returnConfirmed: v })}
        />
        <CheckboxInput
          name="deletionConfirmed"
          label={t("registry.entrustments.deletionConfirmed")}
          checked={d.deletionConfirmed}
          onChange={(v) => setD({ ...d, deletionConfirmed: v })}
        />
        <CheckboxInput
          name="accessRevoked"
          label={t("registry.entrustments.accessRevoked")}
          checked={d.accessRevoked}
          onChange={(v) => setD({ ...d, accessRevoked: v })}
        />
        <TextArea
          name="note"
          label={t("registry.entrustments.terminationNote")}
          value={d.note}
          onChange={(v) => setD({ ...d, note: v })}
        />
        <TextArea
          name="reason"
          required
          label={t("registry.common.reason")}
          hint={t("registry.common.reasonHint")}
          value={d.reason}
          onChange={(v) => setD({ ...d, reason: v })}
        />
      </ControlledForm>
    </section>
  );
}
