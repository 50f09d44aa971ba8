import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies, staff, units } from "./org";

// Generic case engine (issue 6 item 2): a `kind` discriminator lets petitions and disclosure requests reuse
// the same tables, timeline, clock, attachments and reminders. The state column is only ever written
// after core/src/cases/machine.ts accepted the transition.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

export const CASE_KINDS = ["rights_request", "petition", "disclosure"] as const;
export const CASE_STATE_VALUES = [
  "received",
  "identity_check",
  "in_review",
  "waiting_requester",
  "extended",
  "decided",
  "notified",
  "closed",
  "withdrawn",
  "transferred",
] as const;

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    kind: text("kind", { enum: CASE_KINDS }).notNull(),
    /** Receipt number shown to staff and the requester, unique per agency (e.g. RQ-2026-000012). */
    number: text("number").notNull(),
    state: text("state", { enum: CASE_STATE_VALUES }).notNull().default("received"),
    version: integer("version").notNull().default(1),
    // visit/mail: the rights-request names; counter..patrol: petition channels (seed 003 I-1); statistics
    // read visit as counter and mail as post (core/src/petitions canonicalChannel).
    channel: text("channel", {
      enum: ["online", "visit", "mail", "fax", "email", "counter", "post", "kiosk", "phone", "patrol"],
    }).notNull(),
    /** Pack kind code (KR access, TW deletion, ...) and the statutory clock it runs on. */
    subKind: text("sub_kind").notNull(),
    deadlineKind: text("deadline_kind").notNull(),
    /** The case's own period when its rule has none (minwon: from the petition type at intake). */
    periodDays: integer("period_days"),
    periodHours: integer("period_hours"),
    receivedAt: ts("received_at").notNull(),
    dueAt: ts("due_at").notNull(),
    originalDueAt: ts("original_due_at").notNull(),
    pausedFrom: text("paused_from", { enum: CASE_STATE_VALUES }),
    pausedSince: ts("paused_since"),
    extensionCount: integer("extension_count").notNull().default(0),
    extensionDays: integer("extension_days"),
    extensionReason: text("extension_reason"),
    extendedAt: ts("extended_at"),
    decidedAt: ts("decided_at"),
    notifiedAt: ts("notified_at"),
    closedAt: ts("closed_at"),
    outcome: text("outcome", {
      // not_held: a disclosure request for information the agency does not hold (KR 부존재, TW 非屬保有).
      enum: ["granted", "partly", "refused", "deferred", "withdrawn", "transferred", "not_held"],
    }),
    transferredTo: text("transferred_to"),
    unitId: uuid("unit_id").references(() => units.id),
    assigneeId: uuid("assignee_id").references(() => staff.id),
    /** Blind index of the data subject (ledger and search link; never the identifier). */
    subjectRef: text("subject_ref"),
    /**
     * HMAC of the portal access code (any kind: the status page works for rights requests, petitions and
     * disclosure alike). Moved here from rights_requests so the public lookup is one indexed row of cases.
     */
    accessCodeHash: text("access_code_hash"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cases_agency_number").on(t.agencyId, t.number),
    index("cases_agency_state_due").on(t.agencyId, t.state, t.dueAt),
    index("cases_agency_due").on(t.agencyId, t.dueAt),
    index("cases_agency_unit_due").on(t.agencyId, t.unitId, t.dueAt),
    index("cases_agency_assignee").on(t.agencyId, t.assigneeId),
    index("cases_subject").on(t.subjectRef),
    // Statistics (K2-K6): one agency, one kind, a range of receipt dates.
    index("cases_agency_kind_received").on(t.agencyId, t.kind, t.receivedAt),
  ],
);

/** Clock stops (waiting for the requester, TW 限期補正); `endedAt` null while open. */
export const casePauses = pgTable(
  "case_pauses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    reason: text("reason").notNull(),
    /** TW 限期補正: the date by which the requester must remedy (C6). */
    requesterDeadline: ts("requester_deadline"),
  },
  (t) => [index("case_pauses_case").on(t.caseId)],
);

/** The full timeline: every transition, note, attachment, assignment, letter and message. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    at: ts("at").notNull().defaultNow(),
    type: text("type").notNull(),
    event: text("event"),
    fromState: text("from_state"),
    toState: text("to_state"),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    /** Shown to the requester on the portal (transitions and letters only). */
    public: boolean("public").notNull().default(false),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("case_events_case").on(t.caseId, t.at)],
);

export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    authorId: uuid("author_id").references(() => staff.id),
    authorLabel: text("author_label"),
    /** Encrypted with the field key: notes often repeat personal data. */
    bodyEnc: text("body_enc").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("case_notes_case").on(t.caseId)],
);

/**
 * Files attached to a case (scans of paper requests, powers of attorney, identity documents) or to a
 * portal submission not yet confirmed (caseId null, submissionId set). Bytes in the database.
 */
export const caseAttachments = pgTable(
  "case_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id").references(() => cases.id),
    submissionId: uuid("submission_id"),
    kind: text("kind", {
      enum: [
        "scan",
        "power_of_attorney",
        "identity_document",
        "evidence",
        "other",
        "assembled_record",
        "released_record",
      ],
    }).notNull(),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    /** Envelope data key (security/file-crypto); null on rows still encrypted with the field key directly. */
    wrappedKey: text("wrapped_key"),
    piiFindings: integer("pii_findings"),
    piiStatus: text("pii_status", { enum: ["ok", "needs_review", "not_scanned"] })
      .notNull()
      .default("not_scanned"),
    uploadedBy: uuid("uploaded_by"),
    uploadedByLabel: text("uploaded_by_label"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("case_attachments_case").on(t.caseId),
    index("case_attachments_submission").on(t.submissionId),
  ],
);

/** Follow-up work created by decisions: notify recipients (C14, C17), destruction handover (C16), viewing (C12). */
export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", {
      enum: ["notify_recipient", "destruction_handover", "appointment", "other"],
    }).notNull(),
    title: text("title").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    dueAt: ts("due_at"),
    unitId: uuid("unit_id").references(() => units.id),
    doneAt: ts("done_at"),
    doneBy: uuid("done_by"),
    doneNote: text("done_note"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("case_tasks_agency_status").on(t.agencyId, t.status), index("case_tasks_case").on(t.caseId)],
);

/** Per agency, kind and year: the next receipt number. */
export const caseCounters = pgTable(
  "case_counters",
  {
    agencyId: agencyRef(),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    next: integer("next").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.kind, t.year] })],
);

/** Reminder points before the due date, per agency (hours; default 72 and 24). */
export const caseReminderSettings = pgTable("case_reminder_settings", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => agencies.id),
  offsetsHours: integer("offsets_hours").array().notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** One row per reminder queued, so the job never sends the same reminder twice. */
export const caseRemindersSent = pgTable(
  "case_reminders_sent",
  {
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    offsetHours: integer("offset_hours").notNull(),
    /** The due date the reminder was for: an extension or a pause earns a fresh reminder. */
    dueAt: ts("due_at").notNull(),
    sentAt: ts("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.offsetHours, t.dueAt] })],
);

/**
 * Messages the case engine asked to send (reminders, portal codes, notices). Until the letters module's
 * outbox exists this is the outbox; afterwards it stays the case's message log. Body encrypted.
 */
export const caseMessages = pgTable(
  "case_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id").references(() => cases.id),
    kind: text("kind").notNull(),
    toEnc: text("to_enc").notNull(),
    toIndex: text("to_index").notNull(),
    subject: text("subject").notNull(),
    bodyEnc: text("body_enc").notNull(),
    status: text("status", { enum: ["queued", "sent", "failed"] })
      .notNull()
      .default("queued"),
    externalId: text("external_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("case_messages_case").on(t.caseId), index("case_messages_to").on(t.toIndex)],
);
