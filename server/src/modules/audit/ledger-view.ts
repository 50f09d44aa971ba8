// What makes a ledger page readable (issue 11 item 5): the target of each entry as its human number or
// name, the staff who acted as their display names, and the data-subject filter as blind indexes.
import { fromLocal, keyToDay } from "@civicpims/core/calendar/zoned";
import { subjectKey as registrySubjectKey } from "@civicpims/core/registry/subject";
import { and, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  agencies,
  cases,
  committees,
  letters,
  registryCampaigns,
  registryDevices,
  registryEntrustments,
  registryFiles,
  registrySystems,
  staff,
  units,
} from "../../db/schema";
import type { Secrets } from "../../security/keys";
import { subjectRef } from "../../security/subject-ref";
import { subjectKey as requestSubjectKey } from "../requests/requests.service";

interface LabelSource {
  table: PgTable;
  id: PgColumn;
  agency: PgColumn;
  label: PgColumn;
}

/**
 * Resource types whose entries get a human label, and where it comes from. Only labels that are not
 * personal data of a data subject: receipt and letter numbers, register names, staff and unit names.
 */
const SOURCES: Record<string, LabelSource> = {
  case: { table: cases, id: cases.id, agency: cases.agencyId, label: cases.number },
  letter: { table: letters, id: letters.id, agency: letters.agencyId, label: letters.number },
  registry_file: {
    table: registryFiles,
    id: registryFiles.id,
    agency: registryFiles.agencyId,
    label: registryFiles.name,
  },
  registry_system: {
    table: registrySystems,
    id: registrySystems.id,
    agency: registrySystems.agencyId,
    label: registrySystems.name,
  },
  registry_device: {
    table: registryDevices,
    id: registryDevices.id,
    agency: registryDevices.agencyId,
    label: registryDevices.name,
  },
  registry_entrustment: {
    table: registryEntrustments,
    id: registryEntrustments.id,
    agency: registryEntrustments.agencyId,
    label: registryEntrustments.vendor,
  },
  registry_campaign: {
    table: registryCampaigns,
    id: registryCampaigns.id,
    agency: registryCampaigns.agencyId,
    label: registryCampaigns.title,
  },
  staff: { table: staff, id: staff.id, agency: staff.agencyId, label: staff.displayName },
  unit: { table: units, id: units.id, agency: units.agencyId, label: units.nameLocal },
  committee: {
    table: committees,
    id: committees.id,
    agency: committees.agencyId,
    label: committees.nameLocal,
  },
  agency: { table: agencies, id: agencies.id, agency: agencies.id, label: agencies.nameLocal },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Labels for the targets of a page of entries: one query per resource type present (never one per
 * entry), and only rows of the caller's agency, so an id of another agency never gets a name.
 * Key: `${resourceType}:${resourceId}`.
 */
export async function targetLabels(
  q: Queryable,
  agencyId: string,
  entries: ReadonlyArray<{ resourceType: string | null; resourceId: string | null }>,
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.resourceType || !e.resourceId || !SOURCES[e.resourceType] || !UUID.test(e.resourceId)) continue;
    const set = idsByType.get(e.resourceType) ?? new Set<string>();
    set.add(e.resourceId.toLowerCase());
    idsByType.set(e.resourceType, set);
  }
  const out = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    const s = SOURCES[type];
    const rows = (await q
      .select({ id: s.id, label: s.label })
      .from(s.table)
      .where(and(eq(s.agency, agencyId), inArray(s.id, [...ids])))) as Array<{ id: string; label: string }>;
    for (const r of rows) out.set(`${type}:${r.id}`, r.label);
  }
  return out;
}

/** Display names of the agency's staff who acted on a page (one query); key: staff id. */
export async function actorNames(
  q: Queryable,
  agencyId: string,
  entries: ReadonlyArray<{ actorId: string | null }>,
): Promise<Map<string, string>> {
  const ids = [...new Set(entries.map((e) => e.actorId).filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const rows = await q
    .select({ id: staff.id, name: staff.displayName })
    .from(staff)
    .where(and(eq(staff.agencyId, agencyId), inArray(staff.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface SubjectInput {
  name?: string;
  birthdate?: string;
  identifier?: string;
}

/**
 * The blind indexes under which the ledger may hold a person: rights requests index a person as
 * "person:<name>|<birth date>" (or "email:<address>"), the register's subject search as
 * "<name>|<birth date>" or the bare identifier. The typed values are used here and then dropped.
 */
export function subjectRefsFor(secrets: Pick<Secrets, "blindIndexKey">, input: SubjectInput): string[] {
  const refs = new Set<string>();
  const id = input.identifier?.trim();
  if (id) {
    refs.add(subjectRef(secrets, registrySubjectKey({ identifier: id })));
    if (id.includes("@")) {
      refs.add(subjectRef(secrets, requestSubjectKey({ requester: { name: "", email: id }, subject: null })));
    }
  } else if (input.name?.trim() && input.birthdate) {
    const name = input.name.trim();
    refs.add(subjectRef(secrets, registrySubjectKey({ name, birthdate: input.birthdate })));
    refs.add(
      subjectRef(
        secrets,
        requestSubjectKey({ requester: { name, birthDate: input.birthdate }, subject: null }),
      ),
    );
  }
  return [...refs];
}

/** A date typed by the auditor is a day in the agency's zone: from its start, to the start of the next. */
export function zonedRange(from: string | undefined, to: string | undefined, timeZone: string) {
  const start = (v: string) =>
    v.length === 10 ? new Date(fromLocal(keyToDay(v), 0, timeZone)) : new Date(Date.parse(v));
  const end = (v: string) =>
    v.length === 10 ? new Date(fromLocal(keyToDay(v) + 1, 0, timeZone)) : new Date(Date.parse(v));
  return { from: from ? start(from) : undefined, to: to ? end(to) : undefined };
}

export async function agencyTimeZone(q: Queryable, agencyId: string): Promise<string> {
  const [a] = await q.select({ tz: agencies.timeZone }).from(agencies).where(eq(agencies.id, agencyId));
  return a?.tz ?? "UTC";
}
