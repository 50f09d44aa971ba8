import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api } from "../../api";
import { isApiError } from "../../components/api-errors";
import { CodePicker } from "../../components/code-picker";
import {
  CheckboxInput,
  ControlledForm,
  type Errors,
  LinesInput,
  SelectInput,
  TextArea,
  TextInput,
} from "../../components/controlled-form";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import { useUnits } from "../org/use-units";
import { useSeries } from "../records/common";
import { changedFields, createBody, draftFromFile, emptyDraft, type FileDraft } from "./file-draft";
import { ItemsEditor } from "./items-editor";
import { type PublicationBlock, PublicationFindings, publicationBlock } from "./publication-findings";
import { FILE_TYPES, PROCESSING_METHODS, type RegistryFile } from "./types";
import { useCatalogues, useSystems } from "./use-registry-data";

const SECTIONS = [
  "identity",
  "basis",
  "content",
  "processing",
  "retention",
  "sharing",
  "security",
  "publication",
] as const;

/** /registry/files/new and /registry/files/:id/edit. */
export function FileFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const load = useLoad(
    (signal) => (id ? api.get<RegistryFile>(`/api/registry/files/${id}`, { signal }) : Promise.resolve(null)),
    [id],
  );
  if (id && !load.data)
    return (
      <Page title={t("registry.common.edit")}>
        <ErrorBox text={load.error} />
        {load.loading && <Loading />}
      </Page>
    );
  return (
    <FileForm key={`${id ?? "new"}-${load.data?.version ?? 0}`} file={load.data} onReload={load.reload} />
  );
}

function FileForm({ file, onReload }: { file: RegistryFile | null; onReload(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useReadySession();
  const { unitOptions } = useUnits();
  const cat = useCatalogues();
  const { systems } = useSystems();
  // Records series from records management (J2): every role that writes the register may read them.
  const records = useSeries();
  const original = file ? draftFromFile(file) : emptyDraft(session.user.unitId ?? "");
  const storedPublic = !!file?.isPublic;
  const [d, setD] = useState<FileDraft>(original);
  const [reason, setReason] = useState("");
  const [stale, setStale] = useState(false);
  // The publication guard's refusal (masked findings) and a privacy officer's override of it.
  const [blocked, setBlocked] = useState<PublicationBlock | null>(null);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const set =
    <K extends keyof FileDraft>(k: K) =>
    (v: FileDraft[K]) =>
      setD((cur) => ({ ...cur, [k]: v }));
  const title = file ? t("registry.form.editTitle", { name: file.name }) : t("registry.form.createTitle");

  const label = (k: string) => t(`registry.field.${k}.label`);
  const help = (k: string) => t(`registry.field.${k}.help`) || undefined;
  const text = (k: keyof FileDraft, opts: { required?: boolean; type?: string; max?: number } = {}) => (
    <TextInput
      name={k}
      label={label(k)}
      hint={help(k)}
      required={opts.required}
      type={opts.type}
      maxLength={opts.max ?? 500}
      value={d[k] as string}
      onChange={set(k) as (v: string) => void}
    />
  );
  const area = (k: keyof FileDraft) => (
    <TextArea
      name={k}
      label={label(k)}
      hint={help(k)}
      value={d[k] as string}
      onChange={set(k) as (v: string) => void}
    />
  );
  const lines = (k: keyof FileDraft) => (
    <LinesInput
      name={k}
      label={label(k)}
      hint={[help(k), t("registry.common.onePerLine")].filter(Boolean).join(" ")}
      value={d[k] as string[]}
      onChange={set(k) as (v: string[]) => void}
    />
  );
  const unitSelect = (k: "unitId" | "custodianUnitId" | "accessRequestUnitId", required = false) => (
    <SelectInput
      name={k}
      label={label(k)}
      hint={help(k)}
      required={required}
      value={d[k]}
      onChange={set(k)}
      emptyLabel={required ? t("common.choose") : t("registry.common.none")}
      options={unitOptions(d[k])}
    />
  );
  const codes = (
    k: "legalBasisCodes" | "purposeCodes" | "categoryCodes",
    list: "legalBases" | "purposes" | "dataCategories",
  ) =>
    cat.list(list).length > 0 ? (
      <CodePicker
        name={k}
        label={label(k)}
        hint={help(k)}
        options={cat.list(list)}
        value={d[k]}
        onChange={set(k)}
      />
    ) : null;
  const section = (s: (typeof SECTIONS)[number], children: ReactNode) => (
    <fieldset className="fieldset" id={`section-${s}`}>
      <legend>{t(`registry.section.${s}`)}</legend>
      {children}
    </fieldset>
  );

  const validate = (): Errors => {
    const e: Errors = {};
    const req = t("form.required");
    if (!d.name.trim()) e.name = req;
    if (!d.unitId) e.unitId = req;
    if (!d.processingMethod) e.processingMethod = req;
    // Withholding a published file needs its legal ground; a file not yet published needs none.
    if (storedPublic && !d.isPublic && !d.exemptionReason.trim()) e.exemptionReason = req;
    for (const k of ["subjectCount", "retentionYears"] as const)
      if (d[k].trim() && !/^\d+$/.test(d[k].trim())) e[k] = t("form.invalidFormat");
    if (file && !reason.trim()) e.reason = req;
    if (override && !overrideReason.trim()) e.overrideReason = req;
    return e;
  };

  const publicationOverride =
    blocked?.canOverride && override && overrideReason.trim() ? { reason: overrideReason.trim() } : undefined;
  const guarded = async <T,>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (e) {
      if (isApiError(e, "registry.publication_blocked")) setBlocked(publicationBlock(e));
      throw e;
    }
  };

  const submit = async () => {
    if (file) {
      const changes = changedFields(original, d);
      try {
        await guarded(() =>
          api.patch(`/api/registry/files/${file.id}`, {
            ...changes,
            version: file.version,
            reason: reason.trim(),
            ...(publicationOverride ? { publicationOverride } : {}),
          }),
        );
      } catch (e) {
        // Nothing is overwritten silently: the editor sees the newer record before changing it again.
        if (isApiError(e, "registry.stale_version")) setStale(true);
        throw e;
      }
      navigate(`/registry/files/${file.id}`, { state: { saved: true } });
    } else {
      const created = await guarded(() =>
        api.post<RegistryFile>("/api/registry/files", {
          ...createBody(d),
          ...(publicationOverride ? { publicationOverride } : {}),
        }),
      );
      navigate(`/registry/files/${created.id}`, { state: { created: true } });
    }
  };

  return (
    <Page title={title}>
      <ErrorBox text={cat.error} />
      {stale && file && (
        <div className="notice">
          <p>{t("registry.common.staleHint")}</p>
          <p className="row-actions">
            <a
              className="btn btn-small"
              href={`/registry/files/${file.id}?tab=history`}
              target="_blank"
              rel="noopener"
            >
              {t("registry.detail.history")}
            </a>
            <button type="button" className="btn btn-small btn-primary" onClick={onReload}>
              {t("registry.common.reload")}
            </button>
          </p>
        </div>
      )}
      <nav className="section-nav" aria-label={t("registry.title")}>
        {SECTIONS.map((s) => (
          <a key={s} href={`#section-${s}`}>
            {t(`registry.section.${s}`)}
          </a>
        ))}
      </nav>
      <ControlledForm
        label={title}
        className="form wide-form"
        submitLabel={file ? t("registry.common.save") : t("registry.common.create")}
        onCancel={() => navigate(file ? `/registry/files/${file.id}` : "/registry/files")}
        validate={validate}
        onSubmit={submit}
      >
        {section(
          "identity",
          <>
            {text("name", { required: true, max: 200 })}
            {area("businessProcess")}
            {unitSelect("unitId", true)}
            <div className="grid-2">
              {unitSelect("custodianUnitId")}
              {unitSelect("accessRequestUnitId")}
            </div>
            <div className="grid-2">
              {text("managingStaffName", { max: 100 })}
              {text("managingStaffContact", { max: 200 })}
            </div>
            {file && (
              <SelectInput
                name="status"
                label={label("status")}
                value={d.status}
                onChange={(v) => set("status")(v as FileDraft["status"])}
                options={(["active", "retired"] as const).map((s) => ({
                  value: s,
                  label: t(`registry.enum.fileStatus.${s}`),
                }))}
              />
            )}
          </>,
        )}
        {section(
          "basis",
          <>
            {codes("legalBasisCodes", "legalBases")}
            {area("legalBasisText")}
            {codes("purposeCodes", "purposes")}
            {area("purposeText")}
            <SelectInput
              name="noticeRequired"
              label={label("noticeRequired")}
              hint={help("noticeRequired")}
              value={d.noticeRequired}
              onChange={(v) => set("noticeRequired")(v as FileDraft["noticeRequired"])}
              options={[
                { value: "", label: t("registry.common.unknown") },
                { value: "true", label: t("registry.common.yes") },
                { value: "false", label: t("registry.common.no") },
              ]}
            />
          </>,
        )}
        {section(
          "content",
          <>
            {lines("subjectCategories")}
            {text("subjectCount", { type: "text", max: 12 })}
            {codes("categoryCodes", "dataCategories")}
            <ItemsEditor
              items={d.items}
              onChange={set("items")}
              kinds={cat.list("itemKinds")}
              sensitiveClasses={cat.list("sensitiveClasses")}
              uniqueClasses={cat.list("uniqueIdentifiers")}
            />
          </>,
        )}
        {section(
          "processing",
          <>
            {lines("sources")}
            {lines("collectionMethods")}
            <SelectInput
              name="processingMethod"
              label={label("processingMethod")}
              hint={help("processingMethod")}
              required
              value={d.processingMethod}
              onChange={(v) => set("processingMethod")(v as FileDraft["processingMethod"])}
              options={PROCESSING_METHODS.map((m) => ({
                value: m,
                label: t(`registry.enum.processingMethod.${m}`),
              }))}
            />
            <CodePicker
              name="fileTypes"
              label={label("fileTypes")}
              hint={help("fileTypes")}
              options={FILE_TYPES.map((f) => ({ code: f, name: t(`registry.enum.fileType.${f}`) }))}
              value={d.fileTypes}
              showCodes={false}
              onChange={(v) => set("fileTypes")(v as FileDraft["fileTypes"])}
            />
            {text("custodyMethod")}
            <CodePicker
              name="systemIds"
              label={label("systemIds")}
              hint={help("systemIds")}
              options={systems.map((s) => ({ code: s.id, name: s.name }))}
              value={d.systemIds}
              showCodes={false}
              onChange={set("systemIds")}
            />
          </>,
        )}
        {section(
          "retention",
          <>
            <div className="grid-2">
              {text("retentionPeriod", { max: 200 })}
              {text("retentionYears", { max: 4 })}
            </div>
            {text("retentionBasis")}
            {cat.list("retentionClasses").length > 0 ? (
              <SelectInput
                name="recordsClassCode"
                label={label("recordsClassCode")}
                hint={help("recordsClassCode")}
                value={d.recordsClassCode}
                onChange={set("recordsClassCode")}
                emptyLabel={t("registry.common.none")}
                options={cat
                  .list("retentionClasses")
                  .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
              />
            ) : (
              text("recordsClassCode", { max: 64 })
            )}
            {records.error ? (
              <p className="muted" data-testid="records-series-unavailable">
                {t("registry.field.recordsSeriesId.noAccess")}
              </p>
            ) : (
              <SelectInput
                name="recordsSeriesId"
                label={label("recordsSeriesId")}
                hint={help("recordsSeriesId")}
                value={d.recordsSeriesId}
                onChange={set("recordsSeriesId")}
                emptyLabel={t("registry.common.none")}
                options={records.series.map((s) => ({
                  value: s.id,
                  label: `${s.code} ${s.title} (${t(`records.class.${s.retentionClass}`, { defaultValue: s.retentionClass })})`,
                }))}
              />
            )}
            <SelectInput
              name="destructionMethodCode"
              label={label("destructionMethodCode")}
              value={d.destructionMethodCode}
              onChange={set("destructionMethodCode")}
              emptyLabel={t("registry.common.none")}
              options={cat.list("destructionMethods").map((c) => ({ value: c.code, label: c.name }))}
            />
            {area("destructionMethod")}
          </>,
        )}
        {section(
          "sharing",
          <>
            {lines("routineRecipients")}
            {lines("internalUsers")}
            {area("externalProcessors")}
            <CheckboxInput
              name="entrusted"
              label={label("entrusted")}
              hint={help("entrusted")}
              checked={d.entrusted}
              onChange={set("entrusted")}
            />
            {d.entrusted && area("entrusteeAccess")}
          </>,
        )}
        {section("security", lines("securityMeasures"))}
        {section(
          "publication",
          <>
            {storedPublic ? (
              <CheckboxInput
                name="isPublic"
                label={label("isPublic")}
                hint={help("isPublic")}
                checked={d.isPublic}
                onChange={set("isPublic")}
              />
            ) : (
              // Publishing is its own step with the public preview first (file page, "Publish").
              <p className="notice" data-testid="not-published">
                {t("registry.publish.notYet")}
              </p>
            )}
            {d.isPublic && blocked && (
              <PublicationFindings
                block={blocked}
                override={override}
                onOverride={setOverride}
                reason={overrideReason}
                onReason={setOverrideReason}
              />
            )}
            {!d.isPublic && (
              <TextArea
                name="exemptionReason"
                label={label("exemptionReason")}
                hint={help("exemptionReason")}
                required={storedPublic}
                value={d.exemptionReason}
                onChange={set("exemptionReason")}
              />
            )}
            <div className="grid-2">
              {text("registeredOn", { type: "date" })}
              {text("publishedOn", { type: "date" })}
              {text("lastReviewedOn", { type: "date" })}
              {text("nextReviewOn", { type: "date" })}
            </div>
            {area("notes")}
          </>,
        )}
        {file && (
          <TextArea
            name="reason"
            label={t("registry.common.reason")}
            hint={t("registry.common.reasonHint")}
            required
            maxLength={500}
            value={reason}
            onChange={setReason}
          />
        )}
      </ControlledForm>
    </Page>
  );
}
