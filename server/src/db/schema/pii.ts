import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./org";
import { registryFiles } from "./registry";

// PII review workflow, publication guard and register drift check (issue 7 items 5-7). Originals are
// AES-256-GCM encrypted with a per-document key wrapped by the field key; no table holds a raw value:
// findings carry masked previews and keyed hashes only.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

export type PiiDecision = "pending" | "accepted" | "rejected";

/** One finding of an uploaded document as the reviewer sees it (masked preview, keyed hash). */
export interface StoredFinding {
  index: number;
  type: string;
  score: number;
  location: Record<string, unknown>;
  preview: string;
  fingerprint: string | null;
  decision: PiiDecision;
  falsePositive?: boolean;
  decidedBy?: string | null;
  decidedAt?: string | null;
}

/** A region a reviewer added: a box on a PDF page, or a range of the decoded text of a txt/csv file. */
export type StoredRegion =
  | { id: string; kind: "box"; page: number; box: [number, number, number, number] }
  | { id: string; kind: "text"; start: number; end: number };

export const piiDocuments = pgTable(
  "pii_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    filename: text("filename").notNull(),
    format: text("format").notNull(),
    size: integer("size").notNull(),
    /** Scan status: ok | needs_review | error (an error upload is refused, so rows hold the first two). */
    scanStatus: text("scan_status").notNull(),
    scanReason: text("scan_reason"),
    encoding: text("encoding"),
    findings: jsonb("findings").$type<StoredFinding[]>().notNull().default([]),
    findingCount: integer("finding_count").notNull().default(0),
    truncated: boolean("truncated").notNull().default(false),
    regions: jsonb("regions").$type<StoredRegion[]>().notNull().default([]),
    /** iv | tag | ciphertext of the original under the document key; null once purged. */
    originalEnc: bytea("original_enc"),
    /** The document key, encrypted with the field key (encryptField); null once purged. */
    keyWrapped: text("key_wrapped"),
    retainUntil: ts("retain_until").notNull(),
    purgedAt: ts("purged_at"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("pii_documents_agency_created").on(t.agencyId, t.createdAt),
    index("pii_documents_retain").on(t.retainUntil),
  ],
);

/** Values an agency confirmed are not personal data: only core's falsePositiveHash under the agency key. */
export const piiFalsePositives = pgTable(
  "pii_false_positives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    type: text("type").notNull(),
    hash: text("hash").notNull(),
    /** Masked preview, so staff can tell entries apart in the list. */
    preview: text("preview").notNull(),
    documentId: uuid("document_id"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pii_false_positives_agency_hash").on(t.agencyId, t.hash)],
);

/**
 * Publication guard decisions for content that was blocked: what was found (masked) and, once a
 * reviewer overrides, who and why. Keyed by a keyed hash of the exact content, so a change re-checks.
 */
export const piiPublicationChecks = pgTable(
  "pii_publication_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    kind: text("kind").notNull(),
    resourceKey: text("resource_key").notNull().default(""),
    contentHash: text("content_hash").notNull(),
    status: text("status", { enum: ["blocked", "overridden"] }).notNull(),
    findings: jsonb("findings").$type<Array<{ type: string; preview: string }>>().notNull().default([]),
    scanStatus: text("scan_status").notNull().default("ok"),
    overrideReason: text("override_reason"),
    overriddenBy: uuid("overridden_by"),
    overriddenAt: ts("overridden_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pii_publication_checks_key").on(t.agencyId, t.kind, t.resourceKey, t.contentHash)],
);

/** Register drift: identifier types found in a sample export of a file that the file does not declare. */
export const piiDriftChecks = pgTable(
  "pii_drift_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => registryFiles.id),
    sampleName: text("sample_name").notNull(),
    scanStatus: text("scan_status").notNull(),
    /** PII type -> number of findings in the sample. */
    found: jsonb("found").$type<Record<string, number>>().notNull().default({}),
    /** Register item kinds found but not declared (unique identifiers and other kinds). */
    undeclaredUnique: text("undeclared_unique").array().notNull().default([]),
    undeclaredOther: text("undeclared_other").array().notNull().default([]),
    /** Sensitive classes suggested by column headers (health, criminal record...) that are not declared. */
    undeclaredSensitive: text("undeclared_sensitive").array().notNull().default([]),
    /** Where they were seen (sheet / column header), masked values never included. */
    evidence: jsonb("evidence").$type<Array<{ type: string; where: string }>>().notNull().default([]),
    status: text("status", { enum: ["open", "clean", "resolved"] }).notNull(),
    resolvedBy: uuid("resolved_by"),
    resolvedAt: ts("resolved_at"),
    resolutionNote: text("resolution_note"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("pii_drift_checks_agency_file").on(t.agencyId, t.fileId, t.createdAt)],
);
