import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { letters, mailOutbox } from "./letters";
import { agencies, staff, units } from "./org";

// Personal-data incidents (F1-F6, A13, A14). Free text that may name people (descriptions, notes, the
// notice, the review) is stored encrypted with the field key; recipients by blind index and masked address.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);
const incidentRef = () =>
  uuid("incident_id")
    .notNull()
    .references(() => incidents.id, { onDelete: "cascade" });

export const INCIDENT_KIND_VALUES = [
  "leak",
  "theft",
  "loss",
  "alteration",
  "unauthorised_access",
  "ransomware",
  "misdelivery",
] as const;

export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    /** Agency-visible number (INC-2026-0001). */
    number: text("number").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: INCIDENT_KIND_VALUES }).notNull(),
    automated: boolean("automated").notNull(),
    status: text("status", { enum: ["open", "contained", "closed"] })
      .notNull()
      .default("open"),
    detectedAt: ts("detected_at").notNull(),
    detectedBy: uuid("detected_by").references(() => staff.id),
    occurredAt: ts("occurred_at"),
    unitId: uuid("unit_id").references(() => units.id),
    /** JSON {description, place, method, containment}: may name people, so encrypted. */
    detailsEnc: text("details_enc"),
    fileIds: uuid("file_ids").array().notNull().default([]),
    systemIds: uuid("system_ids").array().notNull().default([]),
    subjectCount: integer("subject_count"),
    itemCount: integer("item_count"),
    sensitive: boolean("sensitive").notNull().default(false),
    uniqueIdentifier: boolean("unique_identifier").notNull().default(false),
    externalAccess: boolean("external_access").notNull().default(false),
    /** JSON of the notice parts (F5), encrypted. */
    noticeEnc: text("notice_enc"),
    /** JSON of the post-incident review, encrypted. */
    reviewEnc: text("review_enc"),
    reviewedAt: ts("reviewed_at"),
    reviewedBy: uuid("reviewed_by").references(() => staff.id),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    closedAt: ts("closed_at"),
  },
  (t) => [
    uniqueIndex("incidents_agency_number").on(t.agencyId, t.number),
    index("incidents_status").on(t.status),
  ],
);

/** A clock marked as met (report filed, subjects notified), by whom and when. */
export const incidentClockMarks = pgTable(
  "incident_clock_marks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    code: text("code").notNull(),
    metAt: ts("met_at").notNull(),
    metBy: uuid("met_by").references(() => staff.id),
  },
  (t) => [uniqueIndex("incident_clock_marks_once").on(t.incidentId, t.code)],
);

/** F4 checklist rows (the rule pack's measures), with who did what and when. */
export const incidentChecklist = pgTable(
  "incident_checklist",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    startedAt: ts("started_at"),
    doneAt: ts("done_at"),
    doneBy: uuid("done_by").references(() => staff.id),
    noteEnc: text("note_enc"),
  },
  (t) => [uniqueIndex("incident_checklist_code").on(t.incidentId, t.code)],
);

export const incidentNotes = pgTable(
  "incident_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    textEnc: text("text_enc").notNull(),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("incident_notes_incident").on(t.incidentId)],
);

/** Evidence files, each sealed with its own data key (security/file-crypto). */
export const incidentEvidence = pgTable(
  "incident_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    checklistCode: text("checklist_code"),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    wrappedKey: text("wrapped_key"),
    uploadedBy: uuid("uploaded_by").references(() => staff.id),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
  },
  (t) => [index("incident_evidence_incident").on(t.incidentId)],
);

/** Escalation mails (one per incident x clock x stage, never twice). */
export const incidentEscalations = pgTable(
  "incident_escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    clockCode: text("clock_code").notNull(),
    stage: text("stage").notNull(),
    recipients: integer("recipients").notNull(),
    sentAt: ts("sent_at").notNull(),
  },
  (t) => [uniqueIndex("incident_escalations_once").on(t.incidentId, t.clockCode, t.stage)],
);

/**
 * A13 roster of incident-reporting and support contacts; A14 security audit team and cyber-security
 * contact. Staff members by id (their work e-mail), outsiders by encrypted name/e-mail/phone.
 */
export const incidentContacts = pgTable(
  "incident_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    role: text("role", {
      enum: ["contact_window", "support", "cyber_security_contact", "security_audit_team", "privacy_officer"],
    }).notNull(),
    unitId: uuid("unit_id").references(() => units.id),
    staffId: uuid("staff_id").references(() => staff.id),
    /** JSON {name, email, phone} of an outside contact, encrypted. */
    personEnc: text("person_enc"),
    /** Masked name/e-mail for screens. */
    display: text("display"),
    /** Receives escalation mail. */
    escalate: boolean("escalate").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("incident_contacts_agency").on(t.agencyId)],
);

/**
 * F5 delivery log per person. (incident, recipient_ref) is the idempotency key: a run that stopped half
 * way and is started again never queues a second mail for anybody.
 */
export const incidentRecipients = pgTable(
  "incident_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    /** Blind index of the normalised address (e-mail or postal). */
    recipientRef: text("recipient_ref").notNull(),
    channel: text("channel", { enum: ["email", "post"] }).notNull(),
    addressMasked: text("address_masked").notNull(),
    /** JSON {name, address}, encrypted. */
    personEnc: text("person_enc").notNull(),
    status: text("status", { enum: ["pending", "queued", "sent", "failed", "printed"] })
      .notNull()
      .default("pending"),
    mailId: uuid("mail_id").references(() => mailOutbox.id),
    /** Post recipients: the numbered notice letter (F5) made for this person, to print and send. */
    letterId: uuid("letter_id").references(() => letters.id),
    queuedAt: ts("queued_at"),
    deliveredAt: ts("delivered_at"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("incident_recipients_once").on(t.incidentId, t.recipientRef),
    index("incident_recipients_status").on(t.incidentId, t.status),
  ],
);

/** Post-incident corrective actions with owner and due date (shown on the dashboard). */
export const incidentActions = pgTable(
  "incident_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    incidentId: incidentRef(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => staff.id),
    dueOn: date("due_on").notNull(),
    doneAt: ts("done_at"),
    doneBy: uuid("done_by").references(() => staff.id),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("incident_actions_open").on(t.agencyId, t.dueOn)],
);
