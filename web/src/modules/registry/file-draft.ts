import type { FileItem, FileType, ProcessingMethod, RegistryFile } from "./types";

/** What the file form edits: text inputs hold strings, lists arrays, flags booleans. */
export interface FileDraft {
  name: string;
  businessProcess: string;
  unitId: string;
  custodianUnitId: string;
  accessRequestUnitId: string;
  managingStaffName: string;
  managingStaffContact: string;
  status: "active" | "retired";
  legalBasisCodes: string[];
  legalBasisText: string;
  purposeCodes: string[];
  purposeText: string;
  noticeRequired: "" | "true" | "false";
  categoryCodes: string[];
  subjectCategories: string[];
  subjectCount: string;
  items: FileItem[];
  sources: string[];
  collectionMethods: string[];
  processingMethod: ProcessingMethod | "";
  fileTypes: FileType[];
  custodyMethod: string;
  systemIds: string[];
  retentionPeriod: string;
  retentionYears: string;
  retentionBasis: string;
  recordsClassCode: string;
  /** Records series (기록물 철) the file is kept in: an id from GET /api/records/series, "" for none. */
  recordsSeriesId: string;
  destructionMethodCode: string;
  destructionMethod: string;
  routineRecipients: string[];
  internalUsers: string[];
  externalProcessors: string;
  entrusted: boolean;
  entrusteeAccess: string;
  securityMeasures: string[];
  isPublic: boolean;
  exemptionReason: string;
  registeredOn: string;
  publishedOn: string;
  lastReviewedOn: string;
  nextReviewOn: string;
  notes: string;
}

const TEXT_KEYS = [
  "name",
  "businessProcess",
  "unitId",
  "custodianUnitId",
  "accessRequestUnitId",
  "managingStaffName",
  "managingStaffContact",
  "legalBasisText",
  "purposeText",
  "custodyMethod",
  "retentionPeriod",
  "retentionBasis",
  "recordsClassCode",
  "recordsSeriesId",
  "destructionMethodCode",
  "destructionMethod",
  "externalProcessors",
  "entrusteeAccess",
  "exemptionReason",
  "registeredOn",
  "publishedOn",
  "lastReviewedOn",
  "nextReviewOn",
  "notes",
] as const;

const LIST_KEYS = [
  "legalBasisCodes",
  "purposeCodes",
  "categoryCodes",
  "subjectCategories",
  "sources",
  "collectionMethods",
  "fileTypes",
  "systemIds",
  "routineRecipients",
  "internalUsers",
  "securityMeasures",
] as const;

export function emptyDraft(unitId = ""): FileDraft {
  return {
    name: "",
    businessProcess: "",
    unitId,
    custodianUnitId: "",
    accessRequestUnitId: "",
    managingStaffName: "",
    managingStaffContact: "",
    status: "active",
    legalBasisCodes: [],
    legalBasisText: "",
    purposeCodes: [],
    purposeText: "",
    noticeRequired: "",
    categoryCodes: [],
    subjectCategories: [],
    subjectCount: "",
    items: [],
    sources: [],
    collectionMethods: [],
    processingMethod: "electronic",
    fileTypes: [],
    custodyMethod: "",
    systemIds: [],
    retentionPeriod: "",
    retentionYears: "",
    retentionBasis: "",
    recordsClassCode: "",
    recordsSeriesId: "",
    destructionMethodCode: "",
    destructionMethod: "",
    routineRecipients: [],
    internalUsers: [],
    externalProcessors: "",
    entrusted: false,
    entrusteeAccess: "",
    securityMeasures: [],
    // Not public until published with the preview (file page, "Publish").
    isPublic: false,
    exemptionReason: "",
    registeredOn: "",
    publishedOn: "",
    lastReviewedOn: "",
    nextReviewOn: "",
    notes: "",
  };
}

export function draftFromFile(f: RegistryFile): FileDraft {
  const d = emptyDraft();
  for (const k of TEXT_KEYS) (d as unknown as Record<string, string>)[k] = (f[k] as string | null) ?? "";
  for (const k of LIST_KEYS) (d as unknown as Record<string, string[]>)[k] = [...((f[k] as string[]) ?? [])];
  d.status = f.status;
  d.items = (f.items ?? []).map((i) => ({ ...i }));
  d.processingMethod = f.processingMethod;
  d.noticeRequired = f.noticeRequired === null ? "" : f.noticeRequired ? "true" : "false";
  d.subjectCount = f.subjectCount === null ? "" : String(f.subjectCount);
  d.retentionYears = f.retentionYears === null ? "" : String(f.retentionYears);
  d.entrusted = f.entrusted;
  d.isPublic = f.isPublic;
  return d;
}

const intOrNull = (s: string) => (s.trim() === "" ? null : Number(s.trim()));

/** The API body for the whole record (create) — blank text becomes null. */
export function bodyFromDraft(d: FileDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) body[k] = d[k].trim() === "" ? null : d[k].trim();
  for (const k of LIST_KEYS) body[k] = d[k];
  body.status = d.status;
  body.items = d.items
    .filter((i) => i.name.trim() !== "")
    .map((i) => ({ ...i, name: i.name.trim(), kind: i.kind || null, classCode: i.classCode || null }));
  body.processingMethod = d.processingMethod || null;
  body.noticeRequired = d.noticeRequired === "" ? null : d.noticeRequired === "true";
  body.subjectCount = intOrNull(d.subjectCount);
  body.retentionYears = intOrNull(d.retentionYears);
  body.entrusted = d.entrusted;
  body.isPublic = d.isPublic;
  // A public file has no exemption reason to publish.
  if (d.isPublic) body.exemptionReason = null;
  return body;
}

/** Only what changed, for PATCH (the history then shows exactly the edited fields). */
export function changedFields(before: FileDraft, after: FileDraft): Record<string, unknown> {
  const a = bodyFromDraft(before);
  const b = bodyFromDraft(after);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
  return out;
}

/** For create: leave out nulls and empty lists so server defaults apply. */
export function createBody(d: FileDraft): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(bodyFromDraft(d)).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)),
  );
}
