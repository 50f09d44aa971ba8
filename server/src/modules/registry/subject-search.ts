import { kindsForQuery, type SubjectQuery } from "@civicpims/core/registry/subject";
import { and, arrayContains, arrayOverlaps, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registryFiles, units } from "../../db/schema";
import { badRequest } from "../../http/errors";

export type { SubjectQuery };

export interface SubjectSearchResult {
  /** What kind of identifier was searched for ("rrn", "phone", "name_birthdate"...). */
  queryType: string;
  matchedKinds: string[];
  files: Array<{
    id: string;
    name: string;
    unitId: string;
    unitName: string | null;
    matchedItems: string[];
    subjectCategories: string[];
  }>;
}

/**
 * Which active files may hold this person, from what each file declares (its item kinds and subject
 * categories): the register stores no personal data, so this is a list of files to look in, not a
 * finding. Used by the subject-search route and by rights requests. The caller writes the ledger entry.
 */
export async function findFilesForSubject(
  q: Queryable,
  agencyId: string,
  query: SubjectQuery,
): Promise<SubjectSearchResult> {
  const kinds = kindsForQuery(query);
  if (!kinds)
    throw badRequest(query.identifier?.trim() ? "registry.unknown_identifier" : "registry.subject_query");
  const conds = [eq(registryFiles.agencyId, agencyId), eq(registryFiles.status, "active")];
  if (kinds.any.length) conds.push(arrayOverlaps(registryFiles.itemKinds, kinds.any));
  if (kinds.all.length) conds.push(arrayContains(registryFiles.itemKinds, kinds.all));
  if (query.subjectCategory)
    conds.push(sql`${query.subjectCategory} = ANY(${registryFiles.subjectCategories})`);
  const rows = await q
    .select({
      id: registryFiles.id,
      name: registryFiles.name,
      unitId: registryFiles.unitId,
      unitName: units.nameLocal,
      items: registryFiles.items,
      subjectCategories: registryFiles.subjectCategories,
    })
    .from(registryFiles)
    .leftJoin(units, eq(units.id, registryFiles.unitId))
    .where(and(...conds))
    .orderBy(asc(registryFiles.name));
  const wanted = new Set([...kinds.any, ...kinds.all]);
  return {
    queryType: kinds.type,
    matchedKinds: [...wanted],
    files: rows.map((r) => ({
      id: r.id,
      name: r.name,
      unitId: r.unitId,
      unitName: r.unitName,
      matchedItems: r.items.filter((i) => i.kind && wanted.has(i.kind)).map((i) => i.name),
      subjectCategories: r.subjectCategories,
    })),
  };
}
