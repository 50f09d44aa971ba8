import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A public body using CivicPIMS. One install may host several (a city and its district offices). */
export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  nameLocal: text("name_local").notNull(),
  nameEn: text("name_en").notNull(),
  jurisdiction: text("jurisdiction", { enum: ["KR", "TW"] }).notNull(),
  timeZone: text("time_zone").notNull(),
  defaultLocale: text("default_locale", { enum: ["ko", "zh-TW", "en"] }).notNull(),
  homepage: text("homepage"),
  phone: text("phone"),
  fax: text("fax"),
  email: text("email"),
  address: text("address"),
  /** Sender of the agency's mail ("Name <addr>"); null = the installation's CIVICPIMS_MAIL_FROM address. */
  mailFrom: text("mail_from"),
  /** Where citizens' replies to the agency's mail go; null = the agency e-mail, if any. */
  replyTo: text("reply_to"),
  /** Public address of the agency's portal used in mail links; null = the installation's public URL. */
  publicUrl: text("public_url"),
  /** Head of agency as letters print it: KR the issuing title ("한빛시장"); TW title and name (行政程序法 §96①4). */
  headTitle: text("head_title"),
  headName: text("head_name"),
  /** Where appeals go: KR the 행정심판위원회; TW the 訴願 body (a district office: its city government). */
  appealBody: text("appeal_body"),
  /** TW 發文字號 prefix word before 字 (「青區秘」 -> 青區秘字第1150000003號). */
  docNumberPrefix: text("doc_number_prefix"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Departments / 課室 as a tree (A2). */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    parentId: uuid("parent_id"),
    code: text("code").notNull(),
    nameLocal: text("name_local").notNull(),
    nameEn: text("name_en"),
    headName: text("head_name"),
    phone: text("phone"),
    fax: text("fax"),
    email: text("email"),
    active: boolean("active").notNull().default(true),
    /** Issue 11: new cases of the unit go to this staff member (null: they wait unassigned in the unit's queue). */
    defaultHandlerId: uuid("default_handler_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("units_agency_code").on(t.agencyId, t.code), index("units_parent").on(t.parentId)],
);

export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    unitId: uuid("unit_id").references(() => units.id),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    position: text("position"),
    locale: text("locale", { enum: ["ko", "zh-TW", "en"] }),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    /** Wrong passwords from every address; at the account threshold the password alone stops working. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Wrong second-factor codes (only someone holding the password can make them). */
    mfaFailedAttempts: integer("mfa_failed_attempts").notNull().default(0),
    mfaLockedUntil: timestamp("mfa_locked_until", { withTimezone: true }),
    /** Set by an administrator's password reset: nothing but a password change until it is done. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** TOTP secret, AES-256-GCM encrypted with the field key. */
    mfaSecretEnc: text("mfa_secret_enc"),
    mfaEnabled: boolean("mfa_enabled").notNull().default(false),
    mfaEnrolledAt: timestamp("mfa_enrolled_at", { withTimezone: true }),
    /** Last accepted TOTP time step: a code is never accepted twice (replay). */
    mfaLastStep: integer("mfa_last_step"),
    oidcSubject: text("oidc_subject"),
    /** The provider that issued oidc_subject (subjects are only unique per issuer). */
    oidcIssuer: text("oidc_issuer"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_agency_username").on(t.agencyId, t.username), index("staff_unit").on(t.unitId)],
);

export const ROLES = [
  "system_admin",
  "privacy_officer",
  "privacy_manager",
  "handler",
  "auditor",
  "petition_clerk",
  "records_manager",
] as const;
export type Role = (typeof ROLES)[number];

/** Role grants per unit (unit null = the whole agency). Revocation keeps the row: who, whom, what, when. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: uuid("unit_id").references(() => units.id),
    grantedBy: uuid("granted_by"),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
    revokedBy: uuid("revoked_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    index("role_assignments_staff").on(t.staffId),
    uniqueIndex("role_assignments_active")
      .on(t.staffId, t.role, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** TW execution group (個人資料保護執行小組, A10), security audit team (A14), KR officer lists. */
export const committees = pgTable("committees", {
  id: uuid("id").primaryKey().defaultRandom(),
  agencyId: uuid("agency_id")
    .notNull()
    .references(() => agencies.id),
  kind: text("kind", { enum: ["execution_group", "security_audit_team", "officers", "other"] }).notNull(),
  nameLocal: text("name_local").notNull(),
  nameEn: text("name_en"),
  mandate: text("mandate"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const committeeMembers = pgTable(
  "committee_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    staffId: uuid("staff_id").references(() => staff.id),
    externalName: text("external_name"),
    unitId: uuid("unit_id").references(() => units.id),
    position: text("position", { enum: ["convener", "secretary", "member", "guest"] })
      .notNull()
      .default("member"),
    since: date("since"),
    until: date("until"),
  },
  (t) => [index("committee_members_committee").on(t.committeeId)],
);
