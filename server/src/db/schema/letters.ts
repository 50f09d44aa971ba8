import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./org";

// Letters and the mail outbox (issue 6 item 4). Shared by rights requests now and petitions, disclosure and
// incidents later, so `case_id` carries no foreign key to one module's table. Letter PDFs and every mail field
// that can hold personal data (address, subject, bodies, attachments) are AES-GCM encrypted with the field key.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

/** Gap-free letter numbers per agency and year: the row lock serialises concurrent writers until commit. */
export const letterSequences = pgTable(
  "letter_sequences",
  {
    agencyId: agencyRef(),
    year: integer("year").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

export const letters = pgTable(
  "letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id"),
    kind: text("kind").notNull(),
    locale: text("locale", { enum: ["ko", "zh-TW", "en"] }).notNull(),
    number: text("number").notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    title: text("title").notNull(),
    templateVersion: text("template_version").notNull(),
    /** SHA-256 of the plaintext PDF, so a printed or mailed copy can be matched to the stored one. */
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    pdfEnc: bytea("pdf_enc").notNull(),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("letters_agency_year_seq").on(t.agencyId, t.year, t.seq),
    uniqueIndex("letters_agency_number").on(t.agencyId, t.number),
    index("letters_case").on(t.agencyId, t.caseId),
  ],
);

export const MAIL_STATUSES = ["pending", "sent", "failed"] as const;

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id"),
    /** Why the mail exists ("letter", "portal_code", "reminder"...): shown on the outbox screen. */
    purpose: text("purpose").notNull(),
    toEnc: text("to_enc").notNull(),
    /** "h***@example.com": enough for staff to recognise a row without decrypting. */
    toMasked: text("to_masked").notNull(),
    subjectEnc: text("subject_enc").notNull(),
    textEnc: text("text_enc").notNull(),
    htmlEnc: text("html_enc"),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: ts("sent_at"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("mail_outbox_due").on(t.status, t.nextAttemptAt),
    index("mail_outbox_agency").on(t.agencyId, t.createdAt),
  ],
);

export const mailAttachments = pgTable(
  "mail_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    mailId: uuid("mail_id")
      .notNull()
      .references(() => mailOutbox.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type"),
    size: integer("size").notNull(),
    contentEnc: bytea("content_enc").notNull(),
  },
  (t) => [index("mail_attachments_mail").on(t.mailId)],
);
