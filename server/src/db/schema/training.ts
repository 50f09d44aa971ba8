import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies, staff } from "./org";

// Training (E12, E13, K8): yearly plans, sessions with topics and materials, attendance per person, the
// acknowledgement of the directions by new and vendor staff, and IT-skill certifications. Vendor staff are
// not in the staff table: their name and company are stored encrypted with the field key.

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

/** A vendor's staff member (name and company), encrypted as one JSON document. */
export interface VendorPerson {
  name: string;
  company: string;
}

/** A session's material as a link (uploaded files are not kept here yet). */
export interface TrainingMaterial {
  title: string;
  url: string;
}

export const trainingPlans = pgTable(
  "training_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    targetGroup: text("target_group", {
      enum: ["all_staff", "privacy_staff", "new_staff", "vendor_staff"],
    }).notNull(),
    plannedSessions: integer("planned_sessions").notNull(),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("training_plans_agency_year").on(t.agencyId, t.year)],
);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    planId: uuid("plan_id").references(() => trainingPlans.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    topic: text("topic").notNull(),
    kind: text("kind", { enum: ["privacy", "security", "it_skill", "directions"] }).notNull(),
    trainer: text("trainer"),
    /** Links to the materials (JSON array of TrainingMaterial). */
    materials: text("materials").notNull().default("[]"),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("training_sessions_agency_held").on(t.agencyId, t.heldOn)],
);

export const trainingAttendance = pgTable(
  "training_attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id),
    /** Staff of the agency, or null with vendorEnc for a vendor's staff member. */
    staffId: uuid("staff_id").references(() => staff.id),
    vendorEnc: text("vendor_enc"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("training_attendance_session").on(t.sessionId),
    index("training_attendance_agency_staff").on(t.agencyId, t.staffId),
  ],
);

/** E12: who read which document in which version, and when. */
export const trainingAcknowledgements = pgTable(
  "training_acknowledgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    role: text("role", { enum: ["new_staff", "vendor_staff"] }).notNull(),
    staffId: uuid("staff_id").references(() => staff.id),
    vendorEnc: text("vendor_enc"),
    document: text("document").notNull(),
    version: text("version").notNull(),
    acknowledgedOn: date("acknowledged_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("training_ack_agency").on(t.agencyId, t.acknowledgedOn)],
);

/** K8: staff IT-skill certifications obtained (정보화 능력 인증). */
export const trainingCertifications = pgTable(
  "training_certifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    certificate: text("certificate").notNull(),
    obtainedOn: date("obtained_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("training_cert_agency").on(t.agencyId, t.obtainedOn)],
);
