import {
  type ComputedClock,
  computeClocks,
  type IncidentFacts,
  incidentRouting,
  regulatorReportFields,
} from "@civicpims/core/incidents/index";
import { twIncidentResponseItems } from "@civicpims/core/jurisdictions/tw/catalogues/index";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  agencies,
  incidentActions,
  incidentChecklist,
  incidentClockMarks,
  incidentEvidence,
  incidentNotes,
  incidents,
  registryFiles,
  registrySystems,
  staff,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest, notFound } from "../../http/errors";
import { type Locale, t } from "../../i18n";
import { decryptField } from "../../security/field-crypto";
import "./messages";

export type IncidentRow = typeof incidents.$inferSelect;

export interface IncidentDetails {
  description?: string | null;
  place?: string | null;
  method?: string | null;
  containment?: string | null;
}

export const dec = <T>(deps: AppDeps, v: string | null): T | null =>
  v ? (JSON.parse(decryptField(deps.secrets.fieldKey, v)) as T) : null;

export async function agencyOf(tx: Tx, agencyId: string) {
  const [a] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!a) throw notFound();
  return a;
}

export async function loadIncident(tx: Tx, agencyId: string, id: string): Promise<IncidentRow> {
  const [row] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.agencyId, agencyId), eq(incidents.id, id)));
  if (!row) throw notFound("incidents.not_found");
  return row;
}

/**
 * The register files and systems named by an incident, all of the caller's agency (another agency's id is
 * refused as unknown), with what they say about the estimated scope: subjects, items, sensitive data.
 */
export async function registerScope(tx: Tx, agencyId: string, fileIds: string[], systemIds: string[]) {
  const files = fileIds.length
    ? await tx
        .select({
          id: registryFiles.id,
          name: registryFiles.name,
          subjectCount: registryFiles.subjectCount,
          items: registryFiles.items,
          hasSensitive: registryFiles.hasSensitive,
          hasUniqueIdentifier: registryFiles.hasUniqueIdentifier,
          systemIds: registryFiles.systemIds,
        })
        .from(registryFiles)
        .where(and(eq(registryFiles.agencyId, agencyId), inArray(registryFiles.id, fileIds)))
    : [];
  if (files.length !== new Set(fileIds).size) throw badRequest("incidents.file_unknown");
  const systems = systemIds.length
    ? await tx
        .select({ id: registrySystems.id, name: registrySystems.name })
        .from(registrySystems)
        .where(and(eq(registrySystems.agencyId, agencyId), inArray(registrySystems.id, systemIds)))
    : [];
  if (systems.length !== new Set(systemIds).size) throw badRequest("incidents.system_unknown");
  // Subjects of several files may overlap: the estimate is the largest file's count up to their sum; the
  // sum is the safe (upper) figure for a threshold, so it is what the record keeps until staff correct it.
  const subjectCount = files.some((f) => f.subjectCount !== null)
    ? files.reduce((n, f) => n + (f.subjectCount ?? 0), 0)
    : null;
  const itemNames = new Set(files.flatMap((f) => f.items.map((i) => i.name)));
  return {
    files,
    systems,
    subjectCount,
    itemCount: itemNames.size,
    itemNames: [...itemNames],
    sensitive: files.some((f) => f.hasSensitive || f.items.some((i) => i.sensitive)),
    uniqueIdentifier: files.some((f) => f.hasUniqueIdentifier || f.items.some((i) => i.uniqueIdentifier)),
  };
}

export function factsOf(row: IncidentRow): IncidentFacts {
  return {
    kind: row.kind,
    automated: row.automated,
    subjectCount: row.subjectCount,
    sensitive: row.sensitive,
    uniqueIdentifier: row.uniqueIdentifier,
    externalAccess: row.externalAccess,
  };
}

/** The response checklist every incident starts with: the 13 measures of the TW pack (F4). */
export function checklistCatalogue() {
  return [...twIncidentResponseItems].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

const fmt = (ms: number, tz: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { timeZone: tz, dateStyle: "long", timeStyle: "short" }).format(ms);

/** A clock with its explanation in the caller's language: rule, why it (does not) apply, due time. */
export function explainClock(c: ComputedClock, tz: string, locale: Locale, met: Date | null, now: Date) {
  const reasons = c.reasons.map((r) =>
    t(locale, `incidents.reason.${r.code}`, {
      ...r.params,
      kind: r.params?.kind ? t(locale, `incidents.kind.${r.params.kind}`) : undefined,
    }),
  );
  const due = fmt(c.dueMs, tz, locale);
  const state = !c.applies ? "not_applicable" : met ? "met" : now.getTime() > c.dueMs ? "overdue" : "running";
  return {
    code: c.code,
    name: t(locale, `incidents.clock.${c.code}`),
    applies: c.applies,
    state,
    hours: c.hours,
    citation: c.citation,
    verify: c.verify,
    dueAt: new Date(c.dueMs).toISOString(),
    dueText: due,
    metAt: met ? met.toISOString() : null,
    reasons,
    explanation: t(locale, c.applies ? "incidents.explain.applies" : "incidents.explain.not_applies", {
      rule: c.citation,
      hours: c.hours,
      detected: fmt(c.startMs, tz, locale),
      due,
      zone: tz,
    }),
  };
}

export async function incidentView(
  tx: Tx,
  deps: AppDeps,
  row: IncidentRow,
  locale: Locale,
  now = new Date(),
) {
  const agency = await agencyOf(tx, row.agencyId);
  const marks = await tx.select().from(incidentClockMarks).where(eq(incidentClockMarks.incidentId, row.id));
  const clocks = computeClocks(agency.jurisdiction, row.detectedAt.getTime(), factsOf(row)).map((c) =>
    explainClock(c, agency.timeZone, locale, marks.find((m) => m.code === c.code)?.metAt ?? null, now),
  );
  const checklist = await tx
    .select({ c: incidentChecklist, doneByName: staff.displayName })
    .from(incidentChecklist)
    .leftJoin(staff, eq(staff.id, incidentChecklist.doneBy))
    .where(eq(incidentChecklist.incidentId, row.id))
    .orderBy(asc(incidentChecklist.position));
  const names = new Map(checklistCatalogue().map((e) => [e.code, e]));
  const notes = await tx
    .select({ n: incidentNotes, by: staff.displayName })
    .from(incidentNotes)
    .leftJoin(staff, eq(staff.id, incidentNotes.createdBy))
    .where(eq(incidentNotes.incidentId, row.id))
    .orderBy(asc(incidentNotes.createdAt));
  const evidence = await tx
    .select({
      id: incidentEvidence.id,
      checklistCode: incidentEvidence.checklistCode,
      filename: incidentEvidence.filename,
      size: incidentEvidence.size,
      sha256: incidentEvidence.sha256,
      uploadedAt: incidentEvidence.uploadedAt,
    })
    .from(incidentEvidence)
    .where(eq(incidentEvidence.incidentId, row.id))
    .orderBy(asc(incidentEvidence.uploadedAt));
  const actions = await tx
    .select({ a: incidentActions, ownerName: staff.displayName })
    .from(incidentActions)
    .leftJoin(staff, eq(staff.id, incidentActions.ownerId))
    .where(eq(incidentActions.incidentId, row.id))
    .orderBy(asc(incidentActions.dueOn));
  const scope = await registerScope(tx, row.agencyId, row.fileIds, row.systemIds);
  const routing = incidentRouting(agency.jurisdiction, row.automated);
  const loc = (n: Record<string, string | undefined>) => n[locale] ?? n.en ?? "";
  const detectedByName = row.detectedBy
    ? ((await tx.select({ n: staff.displayName }).from(staff).where(eq(staff.id, row.detectedBy)))[0]?.n ??
      null)
    : null;
  const { detailsEnc, noticeEnc, reviewEnc, agencyId: _a, ...rest } = row;
  return {
    ...rest,
    detectedByName,
    jurisdiction: agency.jurisdiction,
    timeZone: agency.timeZone,
    details: dec<IncidentDetails>(deps, detailsEnc) ?? {},
    notice: dec<Record<string, string>>(deps, noticeEnc),
    review: dec<{ rootCause: string; lessons?: string | null }>(deps, reviewEnc),
    routing: routing ? { code: routing.code, text: loc(routing.names), source: routing.source } : null,
    clocks,
    files: scope.files.map((f) => ({ id: f.id, name: f.name, subjectCount: f.subjectCount })),
    systems: scope.systems,
    register: { subjectCount: scope.subjectCount, itemCount: scope.itemCount, items: scope.itemNames },
    checklist: checklist.map(({ c, doneByName }) => ({
      code: c.code,
      position: c.position,
      name: loc(names.get(c.code)?.names ?? { en: c.code }),
      source: names.get(c.code)?.source ?? null,
      startedAt: c.startedAt,
      doneAt: c.doneAt,
      doneByName,
      note: c.noteEnc ? decryptField(deps.secrets.fieldKey, c.noteEnc) : null,
    })),
    notes: notes.map(({ n, by }) => ({
      id: n.id,
      text: decryptField(deps.secrets.fieldKey, n.textEnc),
      by,
      at: n.createdAt,
    })),
    evidence,
    actions: actions.map(({ a, ownerName }) => ({
      id: a.id,
      title: a.title,
      ownerId: a.ownerId,
      ownerName,
      dueOn: a.dueOn,
      doneAt: a.doneAt,
    })),
    reportFields: regulatorReportFields(agency.jurisdiction).map((f) => ({
      code: f.code,
      name: loc(f.names),
      source: f.source,
      verify: f.verify === true,
    })),
  };
}

/** Next number of the agency's incidents in a year (INC-2026-0001); the unique index catches a race. */
export async function nextNumber(tx: Tx, agencyId: string, year: number): Promise<string> {
  const prefix = `INC-${year}-`;
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(and(eq(incidents.agencyId, agencyId), sql`${incidents.number} like ${`${prefix}%`}`));
  return `${prefix}${String((r?.n ?? 0) + 1).padStart(4, "0")}`;
}
