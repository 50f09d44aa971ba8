import { sql } from "drizzle-orm";
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies, staff, units } from "./org";
import { recordSeries } from "./records";
import { registryFiles, registrySystems } from "./registry";

// Retention and destruction (issue 13; D1-D8). No row holds the destroyed data: plans and destruction records
// keep ids, counts, register names (file names and item kinds are office data) and who did what.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

export const START_EVENT_VALUES = ["collection", "purpose_end", "contract_end", "last_contact"] as const;
export const OWN_KIND_VALUES = [
  "rights_request",
  "petition",
  "disclosure",
  "attachment",
  "mail",
  "ledger",
] as const;

/** One rule per register file (file_id) or per kind of CivicPIMS's own records (own_kind) [D1]. */
export const retentionRules = pgTable(
  "retention_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    fileId: uuid("file_id").references(() => registryFiles.id),
    ownKind: text("own_kind", { enum: OWN_KIND_VALUES }),
    /** Null = permanent. */
    periodMonths: integer("period_months"),
    startEvent: text("start_event", { enum: START_EVENT_VALUES }).notNull(),
    /** Date of the start event where one date holds for the whole file (purpose end, contract end). */
    startOn: date("start_on", { mode: "string" }),
    legalBasis: text("legal_basis").notNull(),
    recordsClassCode: text("records_class_code"),
    recordsSeriesId: uuid("records_series_id").references(() => recordSeries.id),
    methodCode: text("method_code"),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => staff.id),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("retention_rules_file").on(t.agencyId, t.fileId).where(sql`file_id IS NOT NULL`),
    uniqueIndex("retention_rules_own").on(t.agencyId, t.ownKind).where(sql`own_kind IS NOT NULL`),
  ],
);

export const PLAN_STATUS_VALUES = ["draft", "submitted", "approved", "done", "cancelled"] as const;

/** A destruction plan per unit and file (or own kind), drafted by the daily sweep [D2, D4, D6]. */
export const destructionPlans = pgTable(
  "destruction_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    number: text("number").notNull(),
    source: text("source", { enum: ["records", "own", "register"] }).notNull(),
    ownKind: text("own_kind", { enum: OWN_KIND_VALUES }),
    unitId: uuid("unit_id").references(() => units.id),
    fileId: uuid("file_id").references(() => registryFiles.id),
    status: text("status", { enum: PLAN_STATUS_VALUES }).notNull().default("draft"),
    itemCount: integer("item_count").notNull(),
    subjectCount: integer("subject_count").notNull(),
    /** Rows collected on or before this date are due (rolling register files in other systems). */
    cutoffOn: date("cutoff_on", { mode: "string" }),
    methodCode: text("method_code"),
    reason: text("reason"),
    requestedBy: uuid("requested_by").references(() => staff.id),
    submittedAt: ts("submitted_at"),
    /** TW: impact assessment before deletion [004 二十三] and handover to the holding unit [D6]. */
    assessment: text("assessment"),
    assessedBy: uuid("assessed_by").references(() => staff.id),
    assessedAt: ts("assessed_at"),
    holdingUnitId: uuid("holding_unit_id").references(() => units.id),
    approvedBy: uuid("approved_by").references(() => staff.id),
    approvedAt: ts("approved_at"),
    executedBy: uuid("executed_by").references(() => staff.id),
    witness: text("witness"),
    doneAt: ts("done_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("destruction_plans_number").on(t.agencyId, t.number),
    index("destruction_plans_status").on(t.agencyId, t.status),
  ],
);

/** What a plan destroys; one target is in at most one plan (the sweep never plans it twice). */
export const destructionPlanItems = pgTable(
  "destruction_plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => destructionPlans.id, { onDelete: "cascade" }),
    targetType: text("target_type", {
      enum: ["record", "case", "attachment", "mail", "file_rows"],
    }).notNull(),
    targetId: uuid("target_id").notNull(),
    subjects: integer("subjects").notNull().default(0),
    status: text("status", { enum: ["pending", "destroyed", "skipped"] })
      .notNull()
      .default("pending"),
    destructionRecordId: uuid("destruction_record_id"),
  },
  (t) => [
    uniqueIndex("destruction_items_target").on(t.agencyId, t.targetType, t.targetId),
    index("destruction_items_plan").on(t.planId, t.status),
  ],
);

/** Per agency and year: the next certificate number. */
export const destructionCounters = pgTable(
  "destruction_counters",
  {
    agencyId: agencyRef(),
    year: integer("year").notNull(),
    next: integer("next").notNull(),
  },
  (t) => [uniqueIndex("destruction_counters_pk").on(t.agencyId, t.year)],
);

/**
 * The destruction record (D5, D8), one per executed batch, committed in the batch's transaction with the
 * deletions and the ledger entry: its presence proves the batch ran, its absence that nothing was deleted.
 */
export const destructionRecords = pgTable(
  "destruction_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => destructionPlans.id),
    batchNo: integer("batch_no").notNull(),
    certificateNo: text("certificate_no").notNull(),
    fileId: uuid("file_id"),
    fileName: text("file_name"),
    unitId: uuid("unit_id"),
    /** Item kinds of the register file (names, not values) or the kind of CivicPIMS record. */
    items: jsonb("items").$type<string[]>().notNull().default([]),
    itemCount: integer("item_count").notNull(),
    subjectCount: integer("subject_count").notNull(),
    methodCode: text("method_code").notNull(),
    destroyedOn: date("destroyed_on", { mode: "string" }).notNull(),
    executorId: uuid("executor_id").references(() => staff.id),
    approverId: uuid("approver_id").references(() => staff.id),
    witness: text("witness"),
    reason: text("reason"),
    ledgerSeq: integer("ledger_seq"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("destruction_records_cert").on(t.agencyId, t.certificateNo),
    uniqueIndex("destruction_records_batch").on(t.planId, t.batchNo),
  ],
);

/** Work outside CivicPIMS: delete in another system (evidence, due date) or notify a recipient [D6, 004 二十三]. */
export const destructionTasks = pgTable(
  "destruction_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => destructionPlans.id),
    kind: text("kind", { enum: ["system_deletion", "recipient_notice"] }).notNull(),
    systemId: uuid("system_id").references(() => registrySystems.id),
    provisionId: uuid("provision_id"),
    /** System or recipient name (register data). */
    target: text("target").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    evidenceName: text("evidence_name"),
    evidenceMime: text("evidence_mime"),
    evidenceData: bytea("evidence_data"),
    evidenceWrappedKey: text("evidence_wrapped_key"),
    note: text("note"),
    doneBy: uuid("done_by").references(() => staff.id),
    doneAt: ts("done_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("destruction_tasks_plan").on(t.planId),
    index("destruction_tasks_open").on(t.agencyId, t.status),
  ],
);

export const HOLD_KIND_VALUES = ["litigation", "audit", "other_law", "separate_storage"] as const;

/**
 * Legal holds and separate storage (분리보관) [D3]: a held target is never swept or destroyed; separate
 * storage is reachable only by the roles named here.
 */
export const retentionHolds = pgTable(
  "retention_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    kind: text("kind", { enum: HOLD_KIND_VALUES }).notNull(),
    targetType: text("target_type", { enum: ["record", "case", "registry_file"] }).notNull(),
    targetId: uuid("target_id").notNull(),
    reason: text("reason").notNull(),
    legalBasis: text("legal_basis"),
    roles: text("roles").array().notNull().default([]),
    storageLocation: text("storage_location"),
    reviewOn: date("review_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["active", "released"] })
      .notNull()
      .default("active"),
    createdBy: uuid("created_by").references(() => staff.id),
    releasedBy: uuid("released_by").references(() => staff.id),
    releasedAt: ts("released_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("retention_holds_target").on(t.agencyId, t.targetType, t.targetId, t.status)],
);
