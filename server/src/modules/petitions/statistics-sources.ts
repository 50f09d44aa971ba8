import {
  LIFE_CATEGORIES,
  type PetitionTypeInfo,
  SEED_003_PETITION_TYPES,
  STATUTORY_CATEGORIES,
} from "@civicpims/core/statistics/index";
import { and, count, eq, gte, isNotNull, lt } from "drizzle-orm";
import { cases, petitions } from "../../db/schema";
import { setGuardianCaseloadSource, setPetitionTypeSource } from "../statistics/sources";
import { listTypes, type PetitionTypeRow } from "./types.service";

// The statistics module may not import petitions (sources.ts): the petitions module hands it the agency's
// own catalogue and the guardian caseload of the petitions table when it registers.

const GROUP = {
  statutory: "statutory",
  life_report: "life",
  certificate: "certificate",
  instant: "instant",
} as const;
const STATUTORY = new Set<string>(STATUTORY_CATEGORIES);
const LIFE = new Set<string>(LIFE_CATEGORIES);

/**
 * A catalogue row as the tables see it. A statutory or life type without a known category is counted in the
 * tables' catch-all column (건의기타 / 기타) rather than lost; permit types are the guardian targets (seed 003
 * I-2-라 names complex permits: 공장설립, 건설업, 토지거래, 건축).
 */
export function statInfoOf(t: PetitionTypeRow): PetitionTypeInfo {
  const group = GROUP[t.group];
  const category =
    group === "statutory"
      ? t.category && STATUTORY.has(t.category)
        ? t.category
        : "proposal_other"
      : group === "life"
        ? t.category && LIFE.has(t.category)
          ? t.category
          : "other"
        : (t.category ?? t.code);
  return {
    code: t.code,
    group,
    category,
    label: { ko: t.nameKo, "zh-TW": t.nameZh, en: t.nameEn },
    guardianTarget: group === "statutory" && category === "permit",
  };
}

export function registerPetitionStatistics(): void {
  // An agency without a catalogue (TW, or a KR agency before its types were seeded) keeps the seed-003 demo.
  setPetitionTypeSource(async (tx, agencyId) => {
    const rows = await listTypes(tx, agencyId);
    return rows.length ? rows.map(statInfoOf) : SEED_003_PETITION_TYPES;
  });
  // K4 민원후견인: petitions received in the range that have (or had until closing) a guardian, by type.
  setGuardianCaseloadSource(async (tx, agencyId, range) => {
    const rows = await tx
      .select({ subKind: petitions.typeCode, n: count() })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .where(
        and(
          eq(petitions.agencyId, agencyId),
          eq(cases.agencyId, agencyId),
          isNotNull(petitions.guardianId),
          gte(cases.receivedAt, new Date(range.from)),
          lt(cases.receivedAt, new Date(range.to)),
        ),
      )
      .groupBy(petitions.typeCode);
    return rows.map((r) => ({ subKind: r.subKind, n: Number(r.n) }));
  });
}
