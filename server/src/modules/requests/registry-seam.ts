import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registryFiles, registryFlows, registryProvisions } from "../../db/schema";
import { badRequest } from "../../http/errors";
import { findFilesForSubject } from "../registry/subject-search";

/**
 * What rights requests need from the personal-data file register (module B): target files chosen from
 * it, the subject search, and the recipients of each file (routine provisions and outgoing flows) to
 * notify after a correction or deletion (C14, C17).
 */
export async function registerFiles(
  q: Queryable,
  agencyId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q
    .select({ id: registryFiles.id, name: registryFiles.name })
    .from(registryFiles)
    .where(and(eq(registryFiles.agencyId, agencyId), inArray(registryFiles.id, ids)));
  const found = new Map(rows.map((r) => [r.id, r.name]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw badRequest("requests.unknown_file", { missing });
  return found;
}

export interface Recipient {
  name: string;
  source: "provision" | "flow";
  sourceId: string;
  legalGround?: string | null;
}

/** Every body the register says received the file's data (routine or approved provisions, outgoing flows). */
export async function recipientsOf(q: Queryable, agencyId: string, fileId: string): Promise<Recipient[]> {
  const provisions = await q
    .select({
      id: registryProvisions.id,
      recipient: registryProvisions.recipient,
      ground: registryProvisions.legalGroundCode,
      status: registryProvisions.status,
    })
    .from(registryProvisions)
    .where(and(eq(registryProvisions.agencyId, agencyId), eq(registryProvisions.fileId, fileId)));
  const flows = await q
    .select({ id: registryFlows.id, counterpart: registryFlows.counterpart })
    .from(registryFlows)
    .where(
      and(
        eq(registryFlows.agencyId, agencyId),
        eq(registryFlows.fileId, fileId),
        eq(registryFlows.direction, "out"),
      ),
    );
  const out: Recipient[] = [];
  const seen = new Set<string>();
  for (const p of provisions) {
    if (p.status !== "active" && p.status !== "approved") continue;
    const key = p.recipient.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: p.recipient, source: "provision", sourceId: p.id, legalGround: p.ground });
  }
  for (const f of flows) {
    const key = f.counterpart.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: f.counterpart, source: "flow", sourceId: f.id });
  }
  return out;
}

/** Files that may hold the subject, by name and birth date (and identifier when given). */
export async function subjectFiles(
  q: Queryable,
  agencyId: string,
  subject: { name?: string; birthDate?: string; identifier?: string },
) {
  const query = subject.identifier
    ? { identifier: subject.identifier }
    : { name: subject.name, birthdate: subject.birthDate };
  try {
    return await findFilesForSubject(q, agencyId, query);
  } catch {
    // Not enough to search by (e.g. a name without a birth date): staff pick files by hand.
    return { queryType: "none", matchedKinds: [], files: [] };
  }
}

/**
 * Issue 11 intake rule: a request about register files goes to the unit that handles access requests for the
 * first file (PIPA register item), else the file's own unit; null when no file was named.
 */
export async function handlingUnitOf(
  q: Queryable,
  agencyId: string,
  fileIds: string[],
): Promise<string | null> {
  if (!fileIds.length) return null;
  const rows = await q
    .select({ id: registryFiles.id, unitId: registryFiles.unitId, arUnit: registryFiles.accessRequestUnitId })
    .from(registryFiles)
    .where(and(eq(registryFiles.agencyId, agencyId), inArray(registryFiles.id, fileIds)));
  const first = fileIds.map((id) => rows.find((r) => r.id === id)).find(Boolean);
  return first ? (first.arUnit ?? first.unitId ?? null) : null;
}
