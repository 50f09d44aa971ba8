import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { agencies, staff } from "./org";

// Civil petitions (민원, issue 12 item 1) on the case engine. The petitioner's data and the content are
// encrypted with the field key; `search_text` holds the content with identifiers masked by the PII engine so
// pg_trgm can compare petitions without the database ever holding a name or number in clear.

const ts = (name: string) => timestamp(name, { withTimezone: true });
const agencyRef = () =>
  uuid("agency_id")
    .notNull()
    .references(() => agencies.id);

/** The agency's petition types (seeded from core/src/petitions KR_PETITION_TYPES; editable). */
export const petitionTypes = pgTable(
  "petition_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    code: text("code").notNull(),
    group: text("group", { enum: ["statutory", "life_report", "certificate", "instant"] }).notNull(),
    nameKo: text("name_ko").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** Exactly one of days / hours; a type without a period cannot take petitions (checked on intake). */
    periodDays: integer("period_days"),
    periodHours: integer("period_hours"),
    citation: text("citation").notNull(),
    verify: boolean("verify").notNull().default(false),
    /** Citizens may file it on the portal (counter items and certificates issued elsewhere may not). */
    online: boolean("online").notNull().default(true),
    /**
     * Column of the seed-003 tables it is counted in (statistics K3): one of STATUTORY_CATEGORIES /
     * LIFE_CATEGORIES for those groups; null counts it as 건의기타 / 기타.
     */
    category: text("category"),
    active: boolean("active").notNull().default(true),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("petition_types_agency_code").on(t.agencyId, t.code)],
);

/** What the petitioner gave, encrypted as one JSON document. */
export interface PetitionPersonalData {
  petitioner: { name: string; email?: string; phone?: string; address?: string; birthDate?: string };
}

export const petitions = pgTable(
  "petitions",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    agencyId: agencyRef(),
    typeCode: text("type_code").notNull(),
    /** Subject line, encrypted (it may name people). */
    titleEnc: text("title_enc").notNull(),
    personalEnc: text("personal_enc").notNull(),
    contentEnc: text("content_enc").notNull(),
    /** Content with identifiers masked (PII engine), for trigram similarity only. */
    searchText: text("search_text").notNull(),
    /** Blind index of the petitioner (name + contact): earlier petitions of the same person. */
    petitionerIndex: text("petitioner_index").notNull(),
    emailIndex: text("email_index"),
    emailVerifiedAt: ts("email_verified_at"),
    locale: text("locale", { enum: ["ko", "zh-TW", "en"] }).notNull(),
    /** 민원후견인 (I5): assigned while open, shown until the case closes. */
    guardianId: uuid("guardian_id").references(() => staff.id),
    guardianSince: ts("guardian_since"),
    answerSummaryEnc: text("answer_summary_enc"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("petitions_agency_type").on(t.agencyId, t.typeCode),
    index("petitions_petitioner").on(t.agencyId, t.petitionerIndex),
    index("petitions_guardian").on(t.agencyId, t.guardianId),
    index("petitions_search_trgm").using("gin", sql`${t.searchText} public.gin_trgm_ops`),
  ],
);

/** Links a handler marked between two petitions (the system only proposes). */
export const petitionLinks = pgTable(
  "petition_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: agencyRef(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    otherCaseId: uuid("other_case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", { enum: ["repeat", "similar", "duplicate"] }).notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => staff.id),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("petition_links_pair").on(t.caseId, t.otherCaseId),
    index("petition_links_other").on(t.otherCaseId),
  ],
);
