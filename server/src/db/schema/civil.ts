import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { agencies, staff, units } from "./org";

// Civil affairs beside the petition cases (issue 12): administrative-error compensation (I4, K9), the
// civil-affairs roster (A17, I5) and the family-register filing log (I7, K7). Names, contacts, accounts and
// free text that may hold them are stored encrypted with the field key and shown masked.

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

/** Payee of a compensation, encrypted as one JSON document. */
export interface CompensationPayee {
  name: string;
  bank?: string | null;
  account?: string | null;
}

export const civilCompensations = pgTable(
  "civil_compensations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    /** Day the error or delay happened: the analysis period is counted on it. */
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    /** What went wrong (free text, may name people): encrypted. */
    descriptionEnc: text("description_enc").notNull(),
    /** Code of the rule pack's compensationLossTypes catalogue. */
    lossType: text("loss_type").notNull(),
    /** Whole currency units (KRW and TWD are paid without minor units). */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    /** The unit at fault. */
    unitId: uuid("unit_id").references(() => units.id),
    payeeEnc: text("payee_enc"),
    status: text("status", { enum: ["recorded", "approved", "paid"] })
      .notNull()
      .default("recorded"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staff.id),
    approvedBy: uuid("approved_by").references(() => staff.id),
    approvedOn: date("approved_on", { mode: "string" }),
    paidBy: uuid("paid_by").references(() => staff.id),
    paidOn: date("paid_on", { mode: "string" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("civil_compensations_agency_occurred").on(t.agencyId, t.occurredOn),
    index("civil_compensations_case").on(t.caseId),
  ],
);

/** Who holds a person's name and contact when they are not staff (monitors are residents). */
export interface RosterPerson {
  name: string;
  contact?: string | null;
}

export const civilRoster = pgTable(
  "civil_roster",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    role: text("role", { enum: ["guardian", "monitor", "guide_helper", "records_unit"] }).notNull(),
    staffId: uuid("staff_id").references(() => staff.id),
    unitId: uuid("unit_id").references(() => units.id),
    personEnc: text("person_enc"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    note: text("note"),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("civil_roster_agency_role").on(t.agencyId, t.role)],
);

export const civilMonitorReports = pgTable(
  "civil_monitor_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    rosterId: uuid("roster_id")
      .notNull()
      .references(() => civilRoster.id),
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
    /** The monitor's report may name residents: encrypted. */
    summaryEnc: text("summary_enc").notNull(),
    rewardAmount: integer("reward_amount"),
    rewardCurrency: text("reward_currency"),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("civil_monitor_reports_roster").on(t.rosterId)],
);

/** Applicant of a family-register filing, encrypted: used only for the outcome notice (I7). */
export interface FilingApplicant {
  name: string;
  contact?: string | null;
}

export const civilFamilyRegisterFilings = pgTable(
  "civil_family_register_filings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    kind: text("kind", { enum: ["birth", "marriage", "transfer", "death", "divorce", "other"] }).notNull(),
    filedOn: date("filed_on", { mode: "string" }).notNull(),
    /** The filing's own reference (사건번호), when the counter gives one. */
    reference: text("reference"),
    applicantEnc: text("applicant_enc"),
    noticeOn: date("notice_on", { mode: "string" }),
    noticeChannel: text("notice_channel", { enum: ["post", "phone", "sms", "email", "in_person"] }),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("civil_family_register_agency_filed").on(t.agencyId, t.filedOn)],
);
