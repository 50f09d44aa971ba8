import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { caseAttachments, cases } from "./cases";
import { agencies } from "./org";

// Information disclosure requests (정보공개 / 政府資訊公開; J1, J4) on the generic case engine: the case row
// (kind "disclosure") holds state, clock and outcome; these tables hold the form, the decision and the third
// parties heard. Personal data is encrypted with the field key and found by blind index, as in requests.

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);
const caseRef = () =>
  uuid("case_id")
    .notNull()
    .references(() => cases.id);

/** What the requester filled in (KR 정보공개 청구서 / TW 申請書), encrypted as one JSON document. */
export interface DisclosurePersonalData {
  requester: {
    name: string;
    birthDate?: string;
    businessNumber?: string;
    idNumber?: string;
    address: string;
    phone: string;
    email?: string;
  };
  representative?: { name: string; idNumber?: string; address?: string; phone?: string } | null;
  content: string;
  purpose?: string | null;
  methodOther?: string | null;
  feeWaiverReason?: string | null;
}

export const disclosureRequests = pgTable(
  "disclosure_requests",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    agencyId: agencyRef(),
    personalEnc: text("personal_enc").notNull(),
    /** Blind index of the requester (name + birth date / business or ID number): earlier requests. */
    requesterIndex: text("requester_index").notNull(),
    emailIndex: text("email_index"),
    emailVerifiedAt: ts("email_verified_at"),
    locale: text("locale", { enum: ["ko", "zh-TW", "en"] }).notNull(),
    methods: text("methods").array().notNull(),
    receipt: text("receipt").notNull(),
    itemCount: integer("item_count"),
    accessCodeHash: text("access_code_hash"),
    feeWaiverRequested: boolean("fee_waiver_requested").notNull().default(false),
    feeCurrency: text("fee_currency"),
    feeLines:
      jsonb("fee_lines").$type<
        Array<{ code: string; quantity: number; unitAmount: number; amount: number }>
      >(),
    feeTotal: integer("fee_total"),
    feeWaived: boolean("fee_waived").notNull().default(false),
    /** full / partial / non_disclosure / not_held / transferred / withdrawn. */
    outcome: text("outcome", {
      enum: ["full", "partial", "non_disclosure", "not_held", "transferred", "withdrawn"],
    }),
    /** Codes of the rule pack's disclosureGrounds catalogue cited by the decision. */
    grounds: text("grounds").array().notNull().default([]),
    /** Decision note (what is released, what was searched for "not held"); encrypted: may name people. */
    decisionNoteEnc: text("decision_note_enc"),
    transferTarget: text("transfer_target"),
    objectionAt: ts("objection_at"),
    objectionEnc: text("objection_enc"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("disclosure_requests_agency_requester").on(t.agencyId, t.requesterIndex),
    index("disclosure_requests_agency_outcome").on(t.agencyId, t.outcome),
  ],
);

/** Third parties notified and heard before the decision (KR §11③, §21; TW §12②). */
export const disclosureThirdParties = pgTable(
  "disclosure_third_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: caseRef(),
    /** { name, contact } encrypted with the field key. */
    personalEnc: text("personal_enc").notNull(),
    notifiedAt: ts("notified_at").notNull(),
    responseDueAt: ts("response_due_at").notNull(),
    opinion: text("opinion", { enum: ["agree", "object", "none"] }),
    opinionNoteEnc: text("opinion_note_enc"),
    recordedAt: ts("recorded_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("disclosure_third_parties_case").on(t.caseId)],
);

/** Files released to the requester: an attachment as is (full disclosure) or a redacted version (partial). */
export const disclosureReleasedFiles = pgTable(
  "disclosure_released_files",
  {
    agencyId: agencyRef(),
    caseId: caseRef(),
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => caseAttachments.id),
    /** The redaction service's output this release came from (partial disclosure); null = released as is. */
    redactionId: uuid("redaction_id"),
    releasedAt: ts("released_at").notNull().defaultNow(),
    releasedBy: uuid("released_by"),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.attachmentId] })],
);
