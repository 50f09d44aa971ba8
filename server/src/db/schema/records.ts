import { sql } from "drizzle-orm";
import {
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

// Records management (기록관리 / 檔案管理, issue 12 item 4; J2, J3, J5, K5, A17). Titles and locations are
// office data about documents, not personal data: they are stored in clear (as registry file names are).
// Every row carries agency_id; units referenced must be the agency's own (checked by the service).

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

/** Per-agency records settings: the records unit (A17) and the transfer policy (data, default = practice). */
export const recordSettings = pgTable("record_settings", {
  agencyId: agencyRef().primaryKey(),
  /** 기록물관리 전담부서 / 檔案管理單位. */
  recordsUnitId: uuid("records_unit_id").references(() => units.id),
  /** Name of the agency's archive (자료관 / 기록관). */
  archiveName: text("archive_name"),
  holdingYears: integer("holding_years").notNull().default(2),
  keepAtUnit: text("keep_at_unit").array().notNull().default([]),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** 기록물 철 분류 / 案類: a series of records with its default schedule. */
export const recordSeries = pgTable(
  "record_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    classificationCode: text("classification_code"),
    retentionClass: text("retention_class").notNull(),
    mediumDefault: text("medium_default").notNull(),
    custodianUnitId: uuid("custodian_unit_id").references(() => units.id),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("record_series_code").on(t.agencyId, t.code)],
);

export const RECORD_STATUS_VALUES = [
  "held",
  "transferred",
  "transferred_out",
  "reclassified",
  "destruction_pending",
  "destroyed",
] as const;

/** 보존문서기록대장 entries: one record (volume, card set, drawing, electronic file...). */
export const records = pgTable(
  "records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    seriesId: uuid("series_id")
      .notNull()
      .references(() => recordSeries.id),
    /** Register number (등록번호), unique in the agency: what an inventory finds on the shelf. */
    refNo: text("ref_no").notNull(),
    title: text("title").notNull(),
    productionYear: integer("production_year").notNull(),
    producedOn: date("produced_on", { mode: "string" }).notNull(),
    closedOn: date("closed_on", { mode: "string" }).notNull(),
    retentionClass: text("retention_class").notNull(),
    medium: text("medium").notNull(),
    quantity: integer("quantity").notNull().default(1),
    location: text("location"),
    custodianUnitId: uuid("custodian_unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status", { enum: RECORD_STATUS_VALUES }).notNull().default("held"),
    transferredAt: date("transferred_at", { mode: "string" }),
    archiveLocation: text("archive_location"),
    /** Date it left the holdings (destroyed or transferred out): K5 counts by it. */
    leftOn: date("left_on", { mode: "string" }),
    /** Set with status destruction_pending: the approved review the destruction workflow takes up. */
    destructionReviewId: uuid("destruction_review_id"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("records_ref_no").on(t.agencyId, t.refNo),
    index("records_series").on(t.seriesId),
    index("records_agency_status").on(t.agencyId, t.status, t.closedOn),
  ],
);

/** Expiry review (보존기간 경과 기록물 평가): proposed by one, approved by another (J5 approval route). */
export const recordReviews = pgTable(
  "record_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    recordId: uuid("record_id")
      .notNull()
      .references(() => records.id),
    decision: text("decision", { enum: ["keep", "reclassify", "destroy"] }).notNull(),
    /** New class for reclassify; for keep, the class it is kept under (null: unchanged). */
    newClass: text("new_class"),
    reason: text("reason").notNull(),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => staff.id),
    proposedAt: ts("proposed_at").notNull().defaultNow(),
    approvedBy: uuid("approved_by").references(() => staff.id),
    approvedAt: ts("approved_at"),
    status: text("status", { enum: ["proposed", "approved"] })
      .notNull()
      .default("proposed"),
  },
  (t) => [
    index("record_reviews_record").on(t.recordId),
    // One open proposal per record.
    uniqueIndex("record_reviews_open").on(t.recordId).where(sql`status = 'proposed'`),
  ],
);

export interface InventoryLine {
  seriesId: string;
  registered: number;
  counted: number;
  held: number;
  missing: number;
  unregistered: number;
}

/** Inventory check (전수조사) against the register [J3]. */
export const recordInventoryChecks = pgTable("record_inventory_checks", {
  id: uuid("id").primaryKey().defaultRandom(),
  agencyId: agencyRef(),
  checkedOn: date("checked_on", { mode: "string" }).notNull(),
  checkedBy: uuid("checked_by")
    .notNull()
    .references(() => staff.id),
  lines: jsonb("lines").$type<InventoryLine[]>().notNull(),
  /** Per-record result when register numbers were entered. */
  items: jsonb("items").$type<{ held: string[]; missing: string[]; unregistered: string[] } | null>(),
  result: text("result", { enum: ["consistent", "discrepancies"] }).notNull(),
  note: text("note"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** Transfers of records to the archive (이관) or out of the agency. */
export const recordTransfers = pgTable("record_transfers", {
  id: uuid("id").primaryKey().defaultRandom(),
  agencyId: agencyRef(),
  transferredOn: date("transferred_on", { mode: "string" }).notNull(),
  destination: text("destination", { enum: ["archive", "external"] }).notNull(),
  archiveLocation: text("archive_location").notNull(),
  recordIds: uuid("record_ids").array().notNull(),
  transferredBy: uuid("transferred_by")
    .notNull()
    .references(() => staff.id),
  note: text("note"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
