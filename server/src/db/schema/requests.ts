import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CASE_KINDS, caseAttachments, cases } from "./cases";
import { agencies, staff } from "./org";

// Data-subject rights requests (module C) on top of the case engine. Personal fields are encrypted with
// the field key (AES-GCM); identifiers are kept only masked plus a blind index (C5, E4).

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);
const caseRef = () =>
  uuid("case_id")
    .notNull()
    .references(() => cases.id);

/** What the requester filled in (form 별지 제1호 / 第二十九點 application), encrypted as one JSON document. */
export interface RequestPersonalData {
  requester: { name: string; email?: string; phone?: string; address?: string; birthDate?: string };
  subject?: { name: string; birthDate?: string; phone?: string; address?: string } | null;
  relationship?: string | null;
  content: string;
  targetDescription?: string | null;
  deliveryAddress?: string | null;
}

export const rightsRequests = pgTable(
  "rights_requests",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    agencyId: agencyRef(),
    requestKind: text("request_kind").notNull(),
    requesterType: text("requester_type", { enum: ["self", "proxy", "legal_representative"] }).notNull(),
    representationBasis: text("representation_basis", {
      enum: ["poa", "child_under_14", "minor", "guardianship", "assistance"],
    }),
    personalEnc: text("personal_enc").notNull(),
    /** Blind index of the requester's e-mail (portal look-ups, duplicate detection). */
    emailIndex: text("email_index"),
    emailVerifiedAt: ts("email_verified_at"),
    locale: text("locale", { enum: ["ko", "zh-TW", "en"] }).notNull(),
    targetFileIds: uuid("target_file_ids").array().notNull().default([]),
    deliveryMethod: text("delivery_method", { enum: ["download", "email", "post", "in_person"] })
      .notNull()
      .default("download"),
    appointmentAt: ts("appointment_at"),
    companionStaffId: uuid("companion_staff_id").references(() => staff.id),
    appointmentLocation: text("appointment_location"),
    identityVerifiedAt: ts("identity_verified_at"),
    feeCurrency: text("fee_currency"),
    feeTotal: integer("fee_total"),
    feeWaived: boolean("fee_waived").notNull().default(false),
    feeWaiverReason: text("fee_waiver_reason"),
    decisionSummary: text("decision_summary"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("rights_requests_agency_kind").on(t.agencyId, t.requestKind)],
);

/** Identity verification record (C5): method, document seen, by whom; identifier masked + blind index. */
export const requestIdentityChecks = pgTable(
  "request_identity_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    personRole: text("person_role", { enum: ["requester", "subject", "representative"] }).notNull(),
    method: text("method").notNull(),
    documentType: text("document_type").notNull(),
    identifierMasked: text("identifier_masked"),
    identifierIndex: text("identifier_index"),
    result: text("result", { enum: ["verified", "failed"] }).notNull(),
    notes: text("notes"),
    checkedBy: uuid("checked_by").references(() => staff.id),
    checkedByLabel: text("checked_by_label"),
    checkedAt: ts("checked_at").notNull().defaultNow(),
  },
  (t) => [index("request_identity_checks_case").on(t.caseId)],
);

/** One item per target file and action; the decision is per item (granted, partly, refused, deferred). */
export const requestItems = pgTable(
  "request_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    /** Register file (registry_files.id) when chosen from the register; free label otherwise. */
    fileId: uuid("file_id"),
    fileLabel: text("file_label").notNull(),
    action: text("action").notNull(),
    detailsEnc: text("details_enc"),
    decision: text("decision", { enum: ["pending", "granted", "partly", "refused", "deferred"] })
      .notNull()
      .default("pending"),
    groundCatalogue: text("ground_catalogue"),
    groundCode: text("ground_code"),
    groundArticle: text("ground_article"),
    decisionNote: text("decision_note"),
    deferUntil: ts("defer_until"),
    decidedBy: uuid("decided_by"),
    decidedAt: ts("decided_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("request_items_case").on(t.caseId), index("request_items_file").on(t.agencyId, t.fileId)],
);

export const requestFees = pgTable(
  "request_fees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    code: text("code").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmount: integer("unit_amount").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
  },
  (t) => [index("request_fees_case").on(t.caseId)],
);

/** Accuracy disputes (C15, TW PDPA Art 11(2)): processing of the data is suspended while open. */
export const requestDisputes = pgTable(
  "request_disputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    fileId: uuid("file_id"),
    fileLabel: text("file_label").notNull(),
    subjectRef: text("subject_ref"),
    descriptionEnc: text("description_enc").notNull(),
    status: text("status", { enum: ["open", "resolved"] })
      .notNull()
      .default("open"),
    processingSuspended: boolean("processing_suspended").notNull().default(true),
    openedBy: uuid("opened_by"),
    openedAt: ts("opened_at").notNull().defaultNow(),
    resolvedAt: ts("resolved_at"),
    resolvedBy: uuid("resolved_by"),
    outcome: text("outcome", { enum: ["corrected", "confirmed", "withdrawn"] }),
    resolution: text("resolution"),
  },
  (t) => [
    index("request_disputes_agency_status").on(t.agencyId, t.status),
    index("request_disputes_file").on(t.fileId),
  ],
);

/** Destruction handover after a granted deletion (C16); the retention module formalises it later. */
export const requestDestructionHandovers = pgTable(
  "request_destruction_handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    itemId: uuid("item_id").notNull(),
    fileId: uuid("file_id"),
    fileLabel: text("file_label").notNull(),
    subjectRef: text("subject_ref"),
    status: text("status", { enum: ["pending", "destroyed", "cancelled"] })
      .notNull()
      .default("pending"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (t) => [index("request_destruction_handovers_agency").on(t.agencyId, t.status)],
);

/** A portal form waiting for its e-mail code (no case exists until the code is confirmed). */
export const portalSubmissions = pgTable(
  "portal_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    /** Which registered portal kind (server/src/modules/portal/kinds.ts) the payload belongs to. */
    kind: text("kind", { enum: CASE_KINDS }).notNull().default("rights_request"),
    status: text("status", { enum: ["pending", "confirmed", "void"] })
      .notNull()
      .default("pending"),
    tokenHash: text("token_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    codeExpiresAt: ts("code_expires_at").notNull(),
    codeAttempts: integer("code_attempts").notNull().default(0),
    codesSent: integer("codes_sent").notNull().default(1),
    payloadEnc: text("payload_enc").notNull(),
    emailIndex: text("email_index").notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("portal_submissions_agency").on(t.agencyId)],
);

/** Failure counters for the public routes (fixed windows; keys are hashes, never addresses or numbers). */
export const portalThrottle = pgTable("portal_throttle", {
  key: text("key").primaryKey(),
  windowStart: ts("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * Issue 11 item 4: the files released to the requester of an access request (copies attached by the handler
 * or the record assembled from what CivicPIMS holds). One row per attachment; the portal lists these and lets
 * the requester download them with the receipt number and access code. A release over third-party findings
 * carries the handler's confirmation and reason (C12: no other person's data shown unless checked).
 */
export const requestReleases = pgTable(
  "request_releases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => caseAttachments.id),
    thirdPartyFindings: integer("third_party_findings").notNull().default(0),
    confirmReason: text("confirm_reason"),
    releasedBy: uuid("released_by").references(() => staff.id),
    releasedByLabel: text("released_by_label"),
    releasedAt: ts("released_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("request_releases_attachment").on(t.attachmentId),
    index("request_releases_case").on(t.caseId),
  ],
);
