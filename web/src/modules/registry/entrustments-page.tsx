import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { api } from "../../api";
import { CodePicker } from "../../components/code-picker";
import {
  CheckboxInput,
  ControlledForm,
  type Errors,
  TextArea,
  TextInput,
} from "../../components/controlled-form";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { EntrustmentTable } from "./file-entrustments-tab";
import type { Entrustment } from "./types";
import { useFileOptions } from "./use-registry-data";

/** /registry/entrustments: the entrustment list (위탁 현황 / 委外) and a form to add one. */
export function EntrustmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const load = useLoad((signal) => api.get<Entrustment[]>("/api/registry/entrustments", { signal }), []);
  const [adding, setAdding] = useState(params.get("new") === "1");
  return (
    <Page
      title={t("registry.entrustments.title")}
      actions={
        can("registry.write") && !adding ? (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t("registry.entrustments.create")}
          </button>
        ) : null
      }
    >
      <ErrorBox text={load.error} />
      {adding && <EntrustmentForm initialFile={params.get("fileId")} onCancel={() => setAdding(false)} />}
      {!load.data && load.loading ? <Loading /> : <EntrustmentTable entrustments={load.data ?? []} />}
    </Page>
  );
}

function EntrustmentForm({ initialFile, onCancel }: { initialFile: string | null; onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { files } = useFileOptions();
  const [d, setD] = useState({
    vendor: "",
    vendorContact: "",
    tasks: "",
    fileIds: initialFile ? [initialFile] : ([] as string[]),
    contractStart: "",
    contractEnd: "",
    isPublic: true,
  });
  const set =
    <K extends keyof typeof d>(k: K) =>
    (v: (typeof d)[K]) =>
      setD((c) => ({ ...c, [k]: v }));
  return (
    <section className="card" aria-labelledby="ent-new">
      <h2 id="ent-new">{t("registry.entrustments.create")}</h2>
      <ControlledForm
        label={t("registry.entrustments.create")}
        submitLabel={t("registry.common.create")}
        onCancel={onCancel}
        validate={() => {
          const e: Errors = {};
          if (!d.vendor.trim()) e.vendor = t("form.required");
          if (!d.tasks.trim()) e.tasks = t("form.required");
          return e;
        }}
        onSubmit={async () => {
          const body: Record<string, unknown> = {
            vendor: d.vendor.trim(),
            tasks: d.tasks.trim(),
            fileIds: d.fileIds,
            isPublic: d.isPublic,
          };
          for (const k of ["vendorContact", "contractStart", "contractEnd"] as const)
            if (d[k].trim()) body[k] = d[k].trim();
          const created = await api.post<Entrustment>("/api/registry/entrustments", body);
          navigate(`/registry/entrustments/${created.id}`);
        }}
      >
        <TextInput
          name="vendor"
          label={t("registry.entrustments.vendor")}
          required
          maxLength={200}
          value={d.vendor}
          onChange={set("vendor")}
        />
        <TextInput
          name="vendorContact"
          label={t("registry.entrustments.vendorContact")}
          maxLength={200}
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
      </ControlledForm>
    </section>
  );
}
