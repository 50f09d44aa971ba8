import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies, staff, units } from "./org";
import { recordSeries } from "./records";

// Personal-data file register (module B). Every table carries agency_id; every mutable record a
// `version` for optimistic concurrency, and every change lands in registry_history.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);
const textArray = (name: string) => text(name).array().notNull().default([]);

export interface RegistryItem {
  name: string;
  kind: string | null;
  sensitive: boolean;
  uniqueIdentifier: boolean;
  classCode: string | null;
}

export interface ClauseStatus {
  code: string;
  status: "met" | "missing" | "na";
  note: string | null;
}

export interface DeviceManager {
  name: string;
  unit?: string | null;
  phone?: string | null;
}

/** 개인정보파일 / 個人資料檔案: union of the KR registration fields (B2) and the TW 20-field inventory (B3). */
export const registryFiles = pgTable(
  "registry_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    status: text("status", { enum: ["active", "retired"] })
      .notNull()
      .default("active"),
    name: text("name").notNull(),
    businessProcess: text("business_process"),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    custodianUnitId: uuid("custodian_unit_id").references(() => units.id),
    accessRequestUnitId: uuid("access_request_unit_id").references(() => units.id),
    managingStaffName: text("managing_staff_name"),
    managingStaffContact: text("managing_staff_contact"),
    legalBasisCodes: textArray("legal_basis_codes"),
    legalBasisText: text("legal_basis_text"),
    purposeCodes: textArray("purpose_codes"),
    purposeText: text("purpose_text"),
    categoryCodes: textArray("category_codes"),
    subjectCategories: textArray("subject_categories"),
    items: jsonb("items").$type<RegistryItem[]>().notNull().default([]),
    /** Declared item kinds (from items), kept as an array so subject search and filters use an index. */
    itemKinds: textArray("item_kinds"),
    hasSensitive: boolean("has_sensitive").notNull().default(false),
    hasUniqueIdentifier: boolean("has_unique_identifier").notNull().default(false),
    sources: textArray("sources"),
    collectionMethods: textArray("collection_methods"),
    processingMethod: text("processing_method", { enum: ["electronic", "paper", "both"] }).notNull(),
    fileTypes: textArray("file_types"),
    custodyMethod: text("custody_method"),
    systemIds: uuid("system_ids").array().notNull().default([]),
    retentionPeriod: text("retention_period"),
    retentionYears: integer("retention_years"),
    retentionBasis: text("retention_basis"),
    recordsClassCode: text("records_class_code"),
    /** The records-schedule series the file belongs to (issue 12 item 4); its class is recordsClassCode. */
    recordsSeriesId: uuid("records_series_id").references((): AnyPgColumn => recordSeries.id),
    destructionMethodCode: text("destruction_method_code"),
    destructionMethod: text("destruction_method"),
    subjectCount: integer("subject_count"),
    routineRecipients: textArray("routine_recipients"),
    internalUsers: textArray("internal_users"),
    externalProcessors: text("external_processors"),
    entrusted: boolean("entrusted").notNull().default(false),
    entrusteeAccess: text("entrustee_access"),
    securityMeasures: textArray("security_measures"),
    noticeRequired: boolean("notice_required"),
    isPublic: boolean("is_public").notNull().default(true),
    exemptionReason: text("exemption_reason"),
    registeredOn: date("registered_on"),
    publishedOn: date("published_on"),
    lastReviewedOn: date("last_reviewed_on"),
    nextReviewOn: date("next_review_on"),
    notes: text("notes"),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  // One index: (agency, unit, name) enforces unique names per unit and serves agency and unit filters.
  (t) => [uniqueIndex("registry_files_unit_name").on(t.agencyId, t.unitId, t.name)],
);

/** Information systems where files live (issue item 3). */
export const registrySystems = pgTable(
  "registry_systems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    name: text("name").notNull(),
    operator: text("operator"),
    location: text("location"),
    entrusted: boolean("entrusted").notNull().default(false),
    description: text("description"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("registry_systems_agency_name").on(t.agencyId, t.name)],
);

/** Where a file's data comes from (in) and goes to (out); storage systems are registry_files.system_ids. */
export const registryFlows = pgTable(
  "registry_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    fileId: uuid("file_id")
      .notNull()
      .references(() => registryFiles.id),
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    counterpart: text("counterpart").notNull(),
    systemId: uuid("system_id").references(() => registrySystems.id),
    description: text("description"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("registry_flows_file").on(t.agencyId, t.fileId)],
);

/** 제3자 제공 / 對外提供 (B7, G1-G3). */
export const registryProvisions = pgTable(
  "registry_provisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    fileId: uuid("file_id").references(() => registryFiles.id),
    recipient: text("recipient").notNull(),
    legalGroundCode: text("legal_ground_code").notNull(),
    legalGroundText: text("legal_ground_text"),
    items: textArray("items"),
    purpose: text("purpose").notNull(),
    retentionAtRecipient: text("retention_at_recipient"),
    method: text("method"),
    frequency: text("frequency"),
    kind: text("kind", { enum: ["routine", "one_off"] }).notNull(),
    outOfPurpose: boolean("out_of_purpose").notNull().default(false),
    status: text("status", { enum: ["active", "pending", "approved", "rejected"] }).notNull(),
    providedOn: date("provided_on"),
    requestedBy: uuid("requested_by"),
    decidedBy: uuid("decided_by"),
    decidedAt: ts("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("registry_provisions_file").on(t.agencyId, t.fileId)],
);

/** 목적 외 이용·제공 대장 / 特定目的外利用紀錄: append-only, one row per approved out-of-purpose or one-off provision. */
export const registryOutOfPurposeLog = pgTable(
  "registry_out_of_purpose_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    provisionId: uuid("provision_id")
      .notNull()
      .references(() => registryProvisions.id),
    fileId: uuid("file_id").references(() => registryFiles.id),
    fileName: text("file_name"),
    recipient: text("recipient").notNull(),
    groundCode: text("ground_code").notNull(),
    purpose: text("purpose").notNull(),
    items: textArray("items"),
    kind: text("kind").notNull(),
    outOfPurpose: boolean("out_of_purpose").notNull(),
    approvedBy: uuid("approved_by"),
    approvedAt: ts("approved_at").notNull().defaultNow(),
    providedOn: date("provided_on"),
  },
  (t) => [index("registry_oop_agency").on(t.agencyId, t.seq)],
);

/** 위탁 / 委外 (B7, G7-G9). */
export const registryEntrustments = pgTable(
  "registry_entrustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    seq: integer("seq").notNull(),
    vendor: text("vendor").notNull(),
    vendorContact: text("vendor_contact"),
    tasks: text("tasks").notNull(),
    contractStart: date("contract_start"),
    contractEnd: date("contract_end"),
    isPublic: boolean("is_public").notNull().default(true),
    status: text("status", { enum: ["active", "terminated"] })
      .notNull()
      .default("active"),
    clauses: jsonb("clauses").$type<ClauseStatus[]>().notNull().default([]),
    terminatedOn: date("terminated_on"),
    returnConfirmed: boolean("return_confirmed").notNull().default(false),
    deletionConfirmed: boolean("deletion_confirmed").notNull().default(false),
    accessRevoked: boolean("access_revoked").notNull().default(false),
    terminationNote: text("termination_note"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("registry_entrustments_agency").on(t.agencyId, t.seq)],
);

export const registryEntrustmentFiles = pgTable(
  "registry_entrustment_files",
  {
    agencyId: agencyRef(),
    entrustmentId: uuid("entrustment_id")
      .notNull()
      .references(() => registryEntrustments.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => registryFiles.id),
  },
  (t) => [
    uniqueIndex("registry_entrustment_files_pk").on(t.entrustmentId, t.fileId),
    index("registry_entrustment_files_file").on(t.fileId),
  ],
);

/** Vendor supervision (inspections) with findings. */
export const registrySupervisions = pgTable(
  "registry_supervisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    entrustmentId: uuid("entrustment_id")
      .notNull()
      .references(() => registryEntrustments.id, { onDelete: "cascade" }),
    inspectedOn: date("inspected_on").notNull(),
    inspector: text("inspector").notNull(),
    findings: text("findings").notNull(),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("registry_supervisions_entrustment").on(t.entrustmentId)],
);

export const registryCorrectiveActions = pgTable(
  "registry_corrective_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    supervisionId: uuid("supervision_id")
      .notNull()
      .references(() => registrySupervisions.id, { onDelete: "cascade" }),
    entrustmentId: uuid("entrustment_id")
      .notNull()
      .references(() => registryEntrustments.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
    note: text("note"),
  },
  (t) => [index("registry_corrective_actions_due").on(t.agencyId, t.dueOn)],
);

/** Vendor staff with access; G9: record when the account was locked and passwords changed on departure. */
export const registryVendorStaff = pgTable(
  "registry_vendor_staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    entrustmentId: uuid("entrustment_id")
      .notNull()
      .references(() => registryEntrustments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role"),
    accountName: text("account_name"),
    joinedOn: date("joined_on"),
    departedOn: date("departed_on"),
    accountLockedAt: ts("account_locked_at"),
    passwordsChangedAt: ts("passwords_changed_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("registry_vendor_staff_entrustment").on(t.entrustmentId)],
);

/** Termination evidence (return / deletion confirmations, signed affidavit), stored in the database. */
export const registryEvidence = pgTable(
  "registry_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    entrustmentId: uuid("entrustment_id")
      .notNull()
      .references(() => registryEntrustments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["affidavit", "return_confirmation", "deletion_confirmation"] }).notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** Envelope ciphertext (security/file-crypto); legacy rows with a null key hold plaintext until migrated. */
    data: bytea("data").notNull(),
    /** The file's own data key wrapped with the field key; destroying it crypto-shreds the file. */
    wrappedKey: text("wrapped_key"),
    uploadedBy: uuid("uploaded_by").references(() => staff.id),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
  },
  (t) => [index("registry_evidence_entrustment").on(t.entrustmentId)],
);

/** 영상정보처리기기 / CCTV (B10). */
export const registryDevices = pgTable("registry_devices", {
  id: uuid("id").primaryKey().defaultRandom(),
  agencyId: agencyRef(),
  version: integer("version").notNull().default(1),
  name: text("name").notNull(),
  location: text("location").notNull(),
  purpose: text("purpose").notNull(),
  count: integer("count").notNull(),
  recordingHours: text("recording_hours").notNull(),
  retentionDays: integer("retention_days").notNull(),
  managers: jsonb("managers").$type<DeviceManager[]>().notNull().default([]),
  unitId: uuid("unit_id").references(() => units.id),
  installedOn: date("installed_on"),
  notes: text("notes"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** E10 risk assessment per file, TW factors scored 1..5. */
export const registryRiskAssessments = pgTable(
  "registry_risk_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    version: integer("version").notNull().default(1),
    fileId: uuid("file_id")
      .notNull()
      .references(() => registryFiles.id),
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    mean: numeric("mean", { precision: 4, scale: 2 }).notNull(),
    level: text("level", { enum: ["low", "medium", "high"] }).notNull(),
    assessedOn: date("assessed_on").notNull(),
    nextReviewOn: date("next_review_on"),
    assessor: uuid("assessor"),
    controls: text("controls"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("registry_risk_file").on(t.agencyId, t.fileId)],
);

/** B4 annual inventory campaign. */
export const registryCampaigns = pgTable("registry_campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  agencyId: agencyRef(),
  version: integer("version").notNull().default(1),
  title: text("title").notNull(),
  dueOn: date("due_on").notNull(),
  status: text("status", { enum: ["open", "closed"] })
    .notNull()
    .default("open"),
  openedBy: uuid("opened_by"),
  openedAt: ts("opened_at").notNull().defaultNow(),
  closedBy: uuid("closed_by"),
  closedAt: ts("closed_at"),
  snapshot: jsonb("snapshot"),
});

export const registryCampaignItems = pgTable(
  "registry_campaign_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => registryCampaigns.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => registryFiles.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id"),
    status: text("status", { enum: ["pending", "confirmed", "updated"] })
      .notNull()
      .default("pending"),
    confirmedBy: uuid("confirmed_by"),
    confirmedAt: ts("confirmed_at"),
    note: text("note"),
  },
  (t) => [uniqueIndex("registry_campaign_items_file").on(t.campaignId, t.fileId)],
);

/** Every change to any register record: who, when, why, and the record before and after. */
export const registryHistory = pgTable(
  "registry_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // No foreign key: history is append-only and must outlive what it describes; bulk imports also
    // write one history row per file and a per-row FK check there costs more than the row itself.
    agencyId: uuid("agency_id").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    version: integer("version").notNull(),
    action: text("action", { enum: ["create", "update", "delete"] }).notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    reason: text("reason"),
    at: ts("at").notNull().defaultNow(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("registry_history_entity").on(t.agencyId, t.entityType, t.entityId, t.id)],
);

/** An agency's own catalogue entries (item 2), merged into the rule-pack list with mergeCatalogue. */
export const registryLocalCodes = pgTable(
  "registry_local_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    catalogueId: text("catalogue_id").notNull(),
    entries: jsonb("entries").$type<unknown[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("registry_local_codes_catalogue").on(t.agencyId, t.catalogueId)],
);
