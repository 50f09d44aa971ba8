// Data the civil tables need from modules that statistics must not import: the agency's petition-type
// catalogue (petitions module) and the guardian caseload (petitions table). Both are set once at start-up by
// the owning module; until then the seed-003 catalogue and an empty caseload answer.
import {
  type InstantRange,
  type PetitionTypeInfo,
  SEED_003_PETITION_TYPES,
  type SubKindCount,
} from "@civicpims/core/statistics/index";
import type { Queryable } from "../../db/client";

export type PetitionTypeSource = (tx: Queryable, agencyId: string) => Promise<readonly PetitionTypeInfo[]>;

/**
 * Guardian caseload (K4, 민원후견인): petitions with a guardian, by cases.sub_kind, for cases received in the
 * range. One aggregate, e.g. on the petitions table:
 *   SELECT c.sub_kind, count(*)::int AS n FROM petitions p JOIN cases c ON c.id = p.case_id
 *   WHERE c.agency_id = $1 AND p.guardian_id IS NOT NULL AND c.received_at >= $2 AND c.received_at < $3
 *   GROUP BY c.sub_kind
 */
export type GuardianCaseloadSource = (
  tx: Queryable,
  agencyId: string,
  range: InstantRange,
) => Promise<readonly SubKindCount[]>;

let petitionTypes: PetitionTypeSource = async () => SEED_003_PETITION_TYPES;
let guardianCaseload: GuardianCaseloadSource = async () => [];

export function setPetitionTypeSource(fn: PetitionTypeSource): void {
  petitionTypes = fn;
}
export function setGuardianCaseloadSource(fn: GuardianCaseloadSource): void {
  guardianCaseload = fn;
}
export const loadPetitionTypes: PetitionTypeSource = (tx, agencyId) => petitionTypes(tx, agencyId);
export const loadGuardianCaseload: GuardianCaseloadSource = (tx, agencyId, range) =>
  guardianCaseload(tx, agencyId, range);
