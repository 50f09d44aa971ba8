import {
  defaultCategory,
  KR_PETITION_TYPES,
  onlineByDefault,
  PetitionTypeError,
  periodOf,
} from "@civicpims/core/petitions/index";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { petitionTypes } from "../../db/schema";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";

export type PetitionTypeRow = typeof petitionTypes.$inferSelect;

/** Maps the pure catalogue errors onto API errors (400 petitions.<code>). */
export function typeRule<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PetitionTypeError) throw new AppError(400, `petitions.${e.code}`, e.details);
    throw e;
  }
}

/** Seeds a KR agency's catalogue from seed 003 (idempotent: existing codes are kept as edited). */
export async function seedPetitionTypes(tx: Tx, agencyId: string): Promise<number> {
  const rows = KR_PETITION_TYPES.map((t) => ({
    agencyId,
    code: t.code,
    group: t.group,
    nameKo: t.names.ko,
    nameZh: t.names["zh-TW"],
    nameEn: t.names.en,
    periodDays: t.period.days ?? null,
    periodHours: t.period.hours ?? null,
    citation: t.citation,
    verify: !!t.verify,
    online: onlineByDefault(t.group),
    category: defaultCategory(t.code, t.group),
  }));
  const r = await tx
    .insert(petitionTypes)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: petitionTypes.id });
  return r.length;
}

export async function listTypes(q: Queryable, agencyId: string): Promise<PetitionTypeRow[]> {
  return q
    .select()
    .from(petitionTypes)
    .where(eq(petitionTypes.agencyId, agencyId))
    .orderBy(asc(petitionTypes.group), asc(petitionTypes.code));
}

export async function typeOf(q: Queryable, agencyId: string, code: string): Promise<PetitionTypeRow> {
  const [t] = await q
    .select()
    .from(petitionTypes)
    .where(and(eq(petitionTypes.agencyId, agencyId), eq(petitionTypes.code, code)));
  if (!t?.active) throw badRequest("petitions.unknown_type", { type: code });
  return t;
}

export const typeView = (t: PetitionTypeRow) => ({
  id: t.id,
  code: t.code,
  group: t.group,
  names: { ko: t.nameKo, "zh-TW": t.nameZh, en: t.nameEn },
  periodDays: t.periodDays,
  periodHours: t.periodHours,
  citation: t.citation,
  verify: t.verify,
  online: t.online,
  category: t.category,
  active: t.active,
});

type TypeFields = Omit<
  typeof petitionTypes.$inferInsert,
  "id" | "agencyId" | "code" | "createdAt" | "updatedAt"
>;

/** A period must be given and be exactly one of days / hours (a type without one cannot take petitions). */
function checkedPeriod(code: string, f: { periodDays?: number | null; periodHours?: number | null }) {
  typeRule(() => periodOf({ code, periodDays: f.periodDays ?? null, periodHours: f.periodHours ?? null }));
}

export async function createType(tx: Tx, agencyId: string, body: TypeFields & { code: string }) {
  checkedPeriod(body.code, body);
  const [row] = await tx
    .insert(petitionTypes)
    .values({ ...body, agencyId, periodDays: body.periodDays ?? null, periodHours: body.periodHours ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict("petitions.type_exists");
  return row;
}

export async function updateType(tx: Tx, agencyId: string, code: string, body: TypeFields) {
  checkedPeriod(code, body);
  const [row] = await tx
    .update(petitionTypes)
    .set({
      ...body,
      periodDays: body.periodDays ?? null,
      periodHours: body.periodHours ?? null,
      updatedAt: new Date(),
    })
    .where(and(eq(petitionTypes.agencyId, agencyId), eq(petitionTypes.code, code)))
    .returning();
  if (!row) throw notFound();
  return row;
}
