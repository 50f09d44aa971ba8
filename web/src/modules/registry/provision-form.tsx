import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import {
  CheckboxInput,
  ControlledForm,
  type Errors,
  LinesInput,
  SelectInput,
  TextInput,
} from "../../components/controlled-form";
import { useCatalogues } from "./use-registry-data";

const EMPTY = {
  recipient: "",
  legalGroundCode: "",
  legalGroundText: "",
  items: [] as string[],
  purpose: "",
  retentionAtRecipient: "",
  method: "",
  frequency: "",
  kind: "routine" as "routine" | "one_off",
  outOfPurpose: false,
  providedOn: "",
};

/** Records a provision; one-off and out-of-purpose ones go to the approval queue. */
export function ProvisionForm({ fileId, onSaved }: { fileId: string; onSaved(): void }) {
  const { t } = useTranslation();
  const cat = useCatalogues();
  const [d, setD] = useState(EMPTY);
  const set =
    <K extends keyof typeof EMPTY>(k: K) =>
    (v: (typeof EMPTY)[K]) =>
      setD((c) => ({ ...c, [k]: v }));
  const grounds = cat.list(d.outOfPurpose ? "outOfPurposeGrounds" : "provisionGrounds");
  const text = (
    k: "recipient" | "legalGroundText" | "purpose" | "retentionAtRecipient" | "method" | "frequency",
    required = false,
  ) => (
    <TextInput
      name={k}
      label={t(`registry.provisions.${k === "retentionAtRecipient" ? "retention" : k}`)}
      required={required}
      maxLength={500}
      value={d[k]}
      onChange={set(k)}
    />
  );
  return (
    <ControlledForm
      label={t("registry.provisions.add")}
      submitLabel={t("registry.provisions.add")}
      validate={() => {
        const e: Errors = {};
        if (!d.recipient.trim()) e.recipient = t("form.required");
        if (!d.legalGroundCode) e.legalGroundCode = t("form.required");
        if (!d.purpose.trim()) e.purpose = t("form.required");
        return e;
      }}
      onSubmit={async () => {
        const body: Record<string, unknown> = {
          fileId,
          kind: d.kind,
          outOfPurpose: d.outOfPurpose,
          items: d.items,
        };
        for (const k of [
          "recipient",
          "legalGroundCode",
          "legalGroundText",
          "purpose",
          "retentionAtRecipient",
          "method",
          "frequency",
          "providedOn",
        ] as const)
          if (d[k].trim()) body[k] = d[k].trim();
        await api.post("/api/registry/provisions", body);
        setD(EMPTY);
        onSaved();
      }}
    >
      <p className="notice">{t("registry.provisions.approvalNote")}</p>
      {text("recipient", true)}
      <div className="grid-2">
        <SelectInput
          name="kind"
          label={t("registry.provisions.kind")}
          value={d.kind}
          onChange={(v) => set("kind")(v as "routine" | "one_off")}
          options={(["routine", "one_off"] as const).map((k) => ({
            value: k,
            label: t(`registry.enum.provisionKind.${k}`),
          }))}
        />
        <CheckboxInput
          name="outOfPurpose"
          label={t("registry.provisions.outOfPurpose")}
          checked={d.outOfPurpose}
          onChange={(v) => setD((c) => ({ ...c, outOfPurpose: v, legalGroundCode: "" }))}
        />
      </div>
      <SelectInput
        name="legalGroundCode"
        label={t("registry.provisions.legalGround")}
        required
        value={d.legalGroundCode}
        onChange={set("legalGroundCode")}
        emptyLabel={t("common.choose")}
        options={grounds.map((g) => ({
          value: g.code,
          label: `${g.name}${g.article ? ` (${g.article})` : ""}`,
        }))}
      />
      {text("legalGroundText")}
      <LinesInput
        name="items"
        label={t("registry.provisions.items")}
        hint={t("registry.common.onePerLine")}
        value={d.items}
        onChange={set("items")}
      />
      {text("purpose", true)}
      <div className="grid-2">
        {text("retentionAtRecipient")}
        {text("method")}
        {text("frequency")}
        <TextInput
          name="providedOn"
          type="date"
          label={t("registry.provisions.providedOn")}
          value={d.providedOn}
          onChange={set("providedOn")}
        />
      </div>
    </ControlledForm>
  );
}
