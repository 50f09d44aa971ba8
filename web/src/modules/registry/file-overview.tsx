import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { UnconfirmedMark } from "../../components/unconfirmed-mark";
import { useUnits } from "../org/use-units";
// Retention class names (records.class.*) for the records series row.
import "../records/i18n";
import { FileFlags } from "./file-flags";
import type { CatalogueListId, RegistryFile } from "./types";
import { useCatalogues, useSystems } from "./use-registry-data";

/** Every field of the file, grouped as in the form, read-only. */
export function FileOverview({ file: f }: { file: RegistryFile }) {
  const { t } = useTranslation();
  const { unitName } = useUnits();
  const cat = useCatalogues();
  const { systems } = useSystems();
  const yn = (v: boolean | null) =>
    v === null ? t("registry.common.unknown") : v ? t("registry.common.yes") : t("registry.common.no");
  const codes = (list: CatalogueListId, values: string[]) =>
    values.length ? (
      <ul className="cell-list">
        {values.map((c) => (
          <li key={c}>
            {cat.nameOf(list, c)} <UnconfirmedMark entry={cat.entryOf(list, c)} />
          </li>
        ))}
      </ul>
    ) : null;
  const lines = (values: string[]) =>
    values.length ? (
      <ul className="cell-list">
        {values.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
    ) : null;
  const row = (k: string, v: ReactNode) => (
    <div key={k} className="facts-row">
      <dt>{t(`registry.field.${k}.label`)}</dt>
      <dd>{v === null || v === undefined || v === "" ? <span className="muted">—</span> : v}</dd>
    </div>
  );
  const block = (s: string, rows: ReactNode[]) => (
    <section className="card" aria-labelledby={`ov-${s}`}>
      <h2 id={`ov-${s}`}>{t(`registry.section.${s}`)}</h2>
      <dl className="facts">{rows}</dl>
    </section>
  );
  return (
    <div>
      <p>
        <FileFlags file={f} />
      </p>
      {block("identity", [
        row("name", f.name),
        row("businessProcess", f.businessProcess),
        row("unitId", f.unitName ?? unitName(f.unitId)),
        row("custodianUnitId", f.custodianUnitId ? unitName(f.custodianUnitId) : null),
        row("accessRequestUnitId", f.accessRequestUnitId ? unitName(f.accessRequestUnitId) : null),
        row("managingStaffName", f.managingStaffName),
        row("managingStaffContact", f.managingStaffContact),
        row("status", t(`registry.enum.fileStatus.${f.status}`)),
      ])}
      {block("basis", [
        row("legalBasisCodes", codes("legalBases", f.legalBasisCodes)),
        row("legalBasisText", f.legalBasisText),
        row("purposeCodes", codes("purposes", f.purposeCodes)),
        row("purposeText", f.purposeText),
        row("noticeRequired", yn(f.noticeRequired)),
      ])}
      {block("content", [
        row("subjectCategories", lines(f.subjectCategories)),
        row("subjectCount", f.subjectCount),
        row("categoryCodes", codes("dataCategories", f.categoryCodes)),
        row(
          "items",
          f.items.length ? (
            <ul className="cell-list">
              {f.items.map((i) => (
                <li key={i.name}>
                  {i.name}
                  {i.kind && (
                    <span className="muted">
                      {" "}
                      ({cat.list("itemKinds").find((k) => k.code === i.kind)?.name ?? i.kind})
                    </span>
                  )}
                  {i.sensitive && (
                    <span className="badge badge-warn"> {t("registry.field.itemSensitive.label")}</span>
                  )}
                  {i.uniqueIdentifier && (
                    <span className="badge badge-warn"> {t("registry.field.itemUnique.label")}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null,
        ),
      ])}
      {block("processing", [
        row("sources", lines(f.sources)),
        row("collectionMethods", lines(f.collectionMethods)),
        row("processingMethod", t(`registry.enum.processingMethod.${f.processingMethod}`)),
        row("fileTypes", lines(f.fileTypes.map((x) => t(`registry.enum.fileType.${x}`)))),
        row("custodyMethod", f.custodyMethod),
        row("systemIds", lines(f.systemIds.map((id) => systems.find((s) => s.id === id)?.name ?? id))),
      ])}
      {block("retention", [
        row("retentionPeriod", f.retentionPeriod),
        row("retentionYears", f.retentionYears),
        row("retentionBasis", f.retentionBasis),
        row(
          "recordsClassCode",
          f.recordsClassCode ? (
            <>
              {cat.nameOf("retentionClasses", f.recordsClassCode)}{" "}
              <UnconfirmedMark entry={cat.entryOf("retentionClasses", f.recordsClassCode)} />
            </>
          ) : null,
        ),
        row(
          "recordsSeriesId",
          f.recordsSeries ? (
            <>
              {f.recordsSeries.code} {f.recordsSeries.title}{" "}
              <span className="muted">
                (
                {t(`records.class.${f.recordsSeries.retentionClass}`, {
                  defaultValue: f.recordsSeries.retentionClass,
                })}
                )
              </span>
            </>
          ) : null,
        ),
        row(
          "destructionMethodCode",
          f.destructionMethodCode ? (
            <>
              {cat.nameOf("destructionMethods", f.destructionMethodCode)}{" "}
              <UnconfirmedMark entry={cat.entryOf("destructionMethods", f.destructionMethodCode)} />
            </>
          ) : null,
        ),
        row("destructionMethod", f.destructionMethod),
      ])}
      {block("sharing", [
        row("routineRecipients", lines(f.routineRecipients)),
        row("internalUsers", lines(f.internalUsers)),
        row("externalProcessors", f.externalProcessors),
        row("entrusted", yn(f.entrusted)),
        row("entrusteeAccess", f.entrusteeAccess),
      ])}
      {block("security", [row("securityMeasures", lines(f.securityMeasures))])}
      {block("publication", [
        row("isPublic", yn(f.isPublic)),
        row("exemptionReason", f.exemptionReason),
        row("registeredOn", f.registeredOn),
        row("publishedOn", f.publishedOn),
        row("lastReviewedOn", f.lastReviewedOn),
        row("nextReviewOn", f.nextReviewOn),
        row("notes", f.notes),
      ])}
    </div>
  );
}
