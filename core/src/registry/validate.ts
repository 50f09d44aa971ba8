// Validation of a personal-data file record: schema (zod) for the API body, then the register's rules
// (catalogue codes, dates in range, exemption reason). Pure, shared by the API and the xlsx import, and
// returns every issue at once with a stable code so messages can be localised by the caller.
import { date, text, textField } from "@civicpims/core/validation/index";
import { z } from "zod";
import { FILE_STATUSES, FILE_TYPES, PROCESSING_METHODS } from "./fields";
import { codeSet, ITEM_KIND_CODES, inferItemKind, type RegistryLists } from "./lists";

export type IssueCode =
  | "required"
  | "unknown_code"
  | "invalid_date"
  | "date_out_of_range"
  | "date_order"
  | "invalid_number"
  | "too_long"
  | "exemption_required"
  | "duplicate_name"
  | "unknown_unit"
  | "unknown_system"
  | "unknown_series"
  | "invalid_value"
  | "stale_version";

export interface FieldIssue {
  field: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

const optText = (max: number) => textField({ max }).nullish();
const strList = z.array(text({ min: 1, max: 300 })).max(200);
const isoDate = date();

export const itemSchema = z.object({
  name: text({ min: 1, max: 200 }),
  kind: text({ max: 40, trim: false }).nullish(),
  sensitive: z.boolean().default(false),
  uniqueIdentifier: z.boolean().default(false),
  classCode: text({ max: 64, trim: false }).nullish(),
});
export type ItemInput = z.input<typeof itemSchema>;

/** Every field of a file except identity and bookkeeping. */
export const fileFieldsSchema = z.object({
  name: text({ min: 1, max: 200 }),
  businessProcess: optText(2000),
  unitId: z.uuid(),
  custodianUnitId: z.uuid().nullish(),
  accessRequestUnitId: z.uuid().nullish(),
  managingStaffName: optText(100),
  managingStaffContact: optText(100),
  legalBasisCodes: z
    .array(text({ max: 64, trim: false }))
    .max(50)
    .default([]),
  legalBasisText: optText(2000),
  purposeCodes: z
    .array(text({ max: 64, trim: false }))
    .max(100)
    .default([]),
  purposeText: optText(2000),
  categoryCodes: z
    .array(text({ max: 64, trim: false }))
    .max(200)
    .default([]),
  subjectCategories: strList.default([]),
  items: z.array(itemSchema).max(300).default([]),
  sources: strList.default([]),
  collectionMethods: strList.default([]),
  processingMethod: z.enum(PROCESSING_METHODS),
  fileTypes: z.array(z.enum(FILE_TYPES)).max(4).default([]),
  custodyMethod: optText(500),
  systemIds: z.array(z.uuid()).max(50).default([]),
  retentionPeriod: optText(100),
  retentionYears: z.number().int().min(0).max(1000).nullish(),
  retentionBasis: optText(500),
  recordsClassCode: text({ max: 64, trim: false }).nullish(),
  /** Records-schedule series (issue 12 item 4); must be one of the agency's series. */
  recordsSeriesId: z.uuid().nullish(),
  destructionMethodCode: text({ max: 64, trim: false }).nullish(),
  destructionMethod: optText(500),
  subjectCount: z.number().int().min(0).max(1_000_000_000).nullish(),
  routineRecipients: strList.default([]),
  internalUsers: strList.default([]),
  externalProcessors: optText(1000),
  entrusted: z.boolean().default(false),
  entrusteeAccess: optText(1000),
  securityMeasures: strList.default([]),
  noticeRequired: z.boolean().nullish(),
  // Published only by an explicit choice (issue 11 item 3): a new file waits for it, unpublished.
  isPublic: z.boolean().default(false),
  exemptionReason: optText(1000),
  registeredOn: isoDate.nullish(),
  publishedOn: isoDate.nullish(),
  lastReviewedOn: isoDate.nullish(),
  nextReviewOn: isoDate.nullish(),
  status: z.enum(FILE_STATUSES).default("active"),
  notes: optText(2000),
});
export type FileFields = z.output<typeof fileFieldsSchema>;
export type FileFieldsInput = z.input<typeof fileFieldsSchema>;

const KIND_SET: ReadonlySet<string> = new Set(ITEM_KIND_CODES);

/** Oldest plausible date in the register (PIPA's predecessor, the 1994 public-sector act, is later). */
export const MIN_REGISTER_DATE = "1980-01-01";

function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  return `${String(y).padStart(4, "0")}${iso.slice(4, 10)}`;
}

export interface RuleContext {
  lists: RegistryLists;
  /** Today in the agency's time zone, YYYY-MM-DD. */
  today: string;
  /** Whether the stored file is public now (absent for a new file or an imported row). */
  wasPublic?: boolean;
}

/** Items with their kind filled in (declared, else inferred from the label) and flags from the kind. */
export interface NormalisedItem {
  name: string;
  kind: string | null;
  sensitive: boolean;
  uniqueIdentifier: boolean;
  classCode: string | null;
}

export function normaliseItems(items: FileFields["items"]): NormalisedItem[] {
  return items.map((i) => ({
    name: i.name,
    kind: i.kind ?? inferItemKind(i.name),
    sensitive: !!i.sensitive,
    uniqueIdentifier: !!i.uniqueIdentifier,
    classCode: i.classCode ?? null,
  }));
}

/** Rule checks that go beyond the schema. Unit and system existence and name uniqueness need the database. */
export function checkFileRules(file: Partial<FileFields>, ctx: RuleContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { lists } = ctx;
  const checkCodes = (
    field: keyof FileFields,
    codes: readonly string[] | undefined,
    list: keyof RegistryLists,
  ) => {
    if (!codes?.length) return;
    const known = codeSet(lists[list]);
    for (const c of codes)
      if (!known.has(c)) issues.push({ field, code: "unknown_code", params: { value: c } });
  };
  checkCodes("legalBasisCodes", file.legalBasisCodes, "legalBases");
  checkCodes("purposeCodes", file.purposeCodes, "purposes");
  checkCodes("categoryCodes", file.categoryCodes, "dataCategories");
  if (file.recordsClassCode) checkCodes("recordsClassCode", [file.recordsClassCode], "retentionClasses");
  if (file.destructionMethodCode)
    checkCodes("destructionMethodCode", [file.destructionMethodCode], "destructionMethods");
  const sensitive = codeSet(lists.sensitiveClasses);
  const unique = codeSet(lists.uniqueIdentifiers);
  (file.items ?? []).forEach((item) => {
    if (item.kind && !KIND_SET.has(item.kind))
      issues.push({ field: "items", code: "unknown_code", params: { value: item.kind } });
    if (item.classCode && !sensitive.has(item.classCode) && !unique.has(item.classCode))
      issues.push({ field: "items", code: "unknown_code", params: { value: item.classCode } });
  });
  // A file not yet published waits for the explicit choice; taking a published file off the list is
  // withholding it, which the law allows only on a stated ground (PIPA §32(2), 政府資訊公開法).
  if (file.isPublic === false && ctx.wasPublic === true && !file.exemptionReason?.trim()) {
    issues.push({ field: "exemptionReason", code: "exemption_required" });
  }
  const past = ["registeredOn", "publishedOn", "lastReviewedOn"] as const;
  for (const k of past) {
    const v = file[k];
    if (v && (v < MIN_REGISTER_DATE || v > ctx.today)) {
      issues.push({
        field: k,
        code: "date_out_of_range",
        params: { value: v, min: MIN_REGISTER_DATE, max: ctx.today },
      });
    }
  }
  if (file.nextReviewOn) {
    const max = addYears(ctx.today, 10);
    if (file.nextReviewOn < MIN_REGISTER_DATE || file.nextReviewOn > max) {
      issues.push({
        field: "nextReviewOn",
        code: "date_out_of_range",
        params: { value: file.nextReviewOn, min: MIN_REGISTER_DATE, max },
      });
    }
  }
  if (file.registeredOn && file.publishedOn && file.publishedOn < file.registeredOn) {
    issues.push({
      field: "publishedOn",
      code: "date_order",
      params: { value: file.publishedOn, min: file.registeredOn },
    });
  }
  return issues;
}

/** Derived columns kept on the row so lists and subject search do not parse items. */
export function deriveItemFlags(items: FileFields["items"]) {
  return {
    itemKinds: [...new Set(items.map((i) => i.kind).filter((k): k is string => !!k))].sort(),
    hasSensitive: items.some((i) => i.sensitive),
    hasUniqueIdentifier: items.some((i) => i.uniqueIdentifier),
  };
}

/** Partial body for updates: defaults removed, so an absent field stays absent instead of resetting. */
export const fileFieldsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(fileFieldsSchema.shape).map(([k, v]) => [
      k,
      (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional(),
    ]),
  ) as {
    [K in keyof typeof fileFieldsSchema.shape]: z.ZodOptional<
      z.ZodType<z.output<(typeof fileFieldsSchema.shape)[K]>>
    >;
  },
);
export type FileFieldsPatch = Partial<FileFields>;
