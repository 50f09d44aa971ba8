import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { CodePicker } from "../../components/code-picker";
import {
  CheckboxInput,
  ControlledForm,
  type Errors,
  TextArea,
  TextInput,
} from "../../components/controlled-form";
import type { EntrustmentDetail } from "./types";
import { useFileOptions } from "./use-registry-data";

/** Edits the entrustment's own fields (vendor, work, files, contract period, publication) with a reason. */
export function EntrustmentEdit({
  entrustment: e,
  onSaved,
  onCancel,
}: {
  entrustment: EntrustmentDetail;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { files } = useFileOptions();
  const initial = {
    vendor: e.vendor,
    vendorContact: e.vendorContact ?? "",
    tasks: e.tasks,
    fileIds: e.fileIds,
    contractStart: e.contractStart ?? "",
    contractEnd: e.contractEnd ?? "",
    isPublic: e.isPublic,
  };
  const [d, setD] = useState(initial);
  const [reason, setReason] = useState("");
  const set =
    <K extends keyof typeof d>(k: K) =>
    (v: (typeof d)[K]) =>
      setD((c) => ({ ...c, [k]: v }));
  return (
    <ControlledForm
      label={t("registry.common.edit")}
      submitLabel={t("registry.common.save")}
      onCancel={onCancel}
      validate={() => {
        const er: Errors = {};
        if (!d.vendor.trim()) er.vendor = t("form.required");
        if (!d.tasks.trim()) er.tasks = t("form.required");
        if (!reason.trim()) er.reason = t("form.required");
        return er;
      }}
      onSubmit={async () => {
        const body: Record<string, unknown> = {};
        const next = {
          ...d,
          vendor: d.vendor.trim(),
          tasks: d.tasks.trim(),
          vendorContact: d.vendorContact.trim() || null,
          contractStart: d.contractStart || null,
          contractEnd: d.contractEnd || null,
        };
        const before = {
          ...initial,
          vendorContact: initial.vendorContact || null,
          contractStart: initial.contractStart || null,
          contractEnd: initial.contractEnd || null,
        };
        for (const k of Object.keys(next) as Array<keyof typeof next>)
          if (JSON.stringify(next[k]) !== JSON.stringify(before[k])) body[k] = next[k];
        await api.patch(`/api/registry/entrustments/${e.id}`, {
          ...body,
          version: e.version,
          reason: reason.trim(),
        });
        onSaved();
      }}
    >
      <TextInput
        name="vendor"
        label={t("registry.entrustments.vendor")}
        required
        maxLength={300}
        value={d.vendor}
        onChange={set("vendor")}
      />
      <TextInput
        name="vendorContact"
        label={t("registry.entrustments.vendorContact")}
        maxLength={300}
        value={d.vendorContact}
        onChange={set("vendorContact")}
      />
      <TextArea
        name="tasks"
        label={t("registry.entrustments.tasks")}
        required
        value={d.tasks}
        onChange={set("tasks")}
      />
      <CodePicker
        name="fileIds"
        label={t("registry.entrustments.files")}
        options={files.map((f) => ({ code: f.id, name: f.name, group: f.unitName }))}
        value={d.fileIds}
        showCodes={false}
        onChange={set("fileIds")}
      />
      <div className="grid-2">
        <TextInput
          name="contractStart"
          type="date"
          label={t("registry.entrustments.contractStart")}
          value={d.contractStart}
          onChange={set("contractStart")}
        />
        <TextInput
          name="contractEnd"
          type="date"
          label={t("registry.entrustments.contractEnd")}
          value={d.contractEnd}
          onChange={set("contractEnd")}
        />
      </div>
      <CheckboxInput
        name="isPublic"
        label={t("registry.entrustments.isPublic")}
        checked={d.isPublic}
        onChange={set("isPublic")}
      />
      <TextArea
        name="reason"
        label={t("registry.common.reason")}
        hint={t("registry.common.reasonHint")}
        required
        maxLength={500}
        value={reason}
        onChange={setReason}
      />
    </ControlledForm>
  );
}
