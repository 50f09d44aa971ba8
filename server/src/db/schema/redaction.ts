import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { caseAttachments, cases } from "./cases";
import { agencies, units } from "./org";

// Partial disclosure by redaction and the public archive (issue 12 item 3). A redaction record belongs to
// one case attachment; proposals keep only what the PII engine lets out of a document (masked preview,
// keyed fingerprint, location), never the raw value.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

export type RedactionBox = [number, number, number, number];

/** A finding the engine proposed, with the staff decision and the ground chosen for it. */
export interface RedactionProposal {
  id: number;
  type: string;
  score: number;
  location: { page?: number; box?: RedactionBox; line?: number; offset?: number; part?: string };
  preview: string;
  fingerprint: string | null;
  decision: "pending" | "accepted" | "rejected";
  ground: string | null;
}

/** A manual area: a PDF page box or a text range of a txt file, always with its ground. */
export type RedactionRegion =
  | { id: string; kind: "box"; page: number; box: RedactionBox; ground: string }
  | { id: string; kind: "text"; start: number; end: number; ground: string };

export const caseRedactions = pgTable(
  "case_redactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    sourceAttachmentId: uuid("source_attachment_id")
      .notNull()
      .references(() => caseAttachments.id),
    format: text("format").notNull(),
    status: text("status", { enum: ["draft", "released"] })
      .notNull()
      .default("draft"),
    scanStatus: text("scan_status").notNull(),
    scanReason: text("scan_reason"),
    proposals: jsonb("proposals").$type<RedactionProposal[]>().notNull().default([]),
    regions: jsonb("regions").$type<RedactionRegion[]>().notNull().default([]),
    /** Grounds used in the released file (codes), for the cover list and statistics. */
    groundsUsed: jsonb("grounds_used").$type<string[]>().notNull().default([]),
    outputAttachmentId: uuid("output_attachment_id").references(() => caseAttachments.id),
    createdBy: uuid("created_by"),
    createdByLabel: text("created_by_label"),
    releasedBy: uuid("released_by"),
    releasedByLabel: text("released_by_label"),
    releasedAt: ts("released_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("case_redactions_case").on(t.caseId),
    index("case_redactions_source").on(t.sourceAttachmentId),
  ],
);

/** Whether an agency publishes released documents (off unless the agency opts in). */
export const archiveSettings = pgTable("archive_settings", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => agencies.id),
  enabled: boolean("enabled").notNull().default(false),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** A released document in the public archive. The file is sealed with its own data key like attachments. */
export const archiveEntries = pgTable(
  "archive_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    documentDate: date("document_date").notNull(),
    unitId: uuid("unit_id").references(() => units.id),
    caseId: uuid("case_id").references(() => cases.id),
    redactionId: uuid("redaction_id").references(() => caseRedactions.id),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    wrappedKey: text("wrapped_key"),
    status: text("status", { enum: ["published", "unpublished"] })
      .notNull()
      .default("published"),
    unpublishReason: text("unpublish_reason"),
    publishedBy: uuid("published_by"),
    publishedByLabel: text("published_by_label"),
    publishedAt: ts("published_at").notNull().defaultNow(),
    unpublishedAt: ts("unpublished_at"),
  },
  (t) => [index("archive_entries_agency").on(t.agencyId, t.status, t.publishedAt)],
);
