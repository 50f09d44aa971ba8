// Agency calendar commands: every change to the table is checked, written, and followed in the same
// transaction by the recomputation of every open case's due date (timeline event + ledger entry
// for each case whose date moved). A change that would make a granted extension unlawful is refused.
import {
  type CalendarOverrides,
  type ComputeDeadlineInput,
  computeDeadline,
  DeadlineError,
  type DeadlineResult,
} from "@civicpims/core/calendar/index";
import { type CaseState, computeCaseClock, OPEN_STATES } from "@civicpims/core/cases/index";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { calendarOverrides, calendarSettings, caseEvents, casePauses, cases } from "../../db/schema";
import { type AppError, badRequest, conflict, notFound } from "../../http/errors";
import type { LedgerInput } from "../audit/ledger.service";
import type { Actor, AgencyInfo } from "../cases/case.service";
import {
  checkEntry,
  checkSettings,
  type EntryProblem,
  type OverrideEntry,
  type SettingsData,
  toEngineOverrides,
} from "./override-rules";
import { listOverrideRows, loadCalendarOverrides, loadSettingsRow, type OverrideRow } from "./overrides.repo";
import "./messages";

type Audit = (e: LedgerInput) => void;

export interface OverrideInput extends OverrideEntry {
  scopeNote?: string | null;
}

export interface DueMove {
  caseId: string;
  number: string;
  from: string;
  to: string;
}

export function overrideView(r: OverrideRow) {
  return {
    id: r.id,
    kind: r.kind,
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    reason: r.reason,
    scopeNote: r.scopeNote,
    version: r.version,
    createdBy: r.createdBy,
    createdByLabel: r.createdByLabel,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type OverrideView = ReturnType<typeof overrideView>;

function entryError(p: EntryProblem): AppError {
  if (p.code === "overlap") return conflict("calendar.overlap", p);
  return badRequest(`calendar.${p.code}`, p);
}

async function checkAgainstOthers(tx: Tx, agency: AgencyInfo, entry: OverrideEntry, exceptId?: string) {
  const others = (await listOverrideRows(tx, agency.id)).filter((r) => r.id !== exceptId);
  const p = checkEntry(entry, others, agency.jurisdiction, agency.timeZone);
  if (p) throw entryError(p);
}

/** Locks the agency's calendar so two staff changing it at once recompute in turn. */
async function lockCalendar(tx: Tx, agencyId: string) {
  await tx
    .insert(calendarSettings)
    .values({ agencyId })
    .onConflictDoNothing({ target: calendarSettings.agencyId });
  await tx
    .select({ v: calendarSettings.version })
    .from(calendarSettings)
    .where(eq(calendarSettings.agencyId, agencyId))
    .for("update");
}

export async function createOverride(
  tx: Tx,
  agency: AgencyInfo,
  input: OverrideInput,
  actor: Actor,
  audit: Audit,
) {
  await lockCalendar(tx, agency.id);
  await checkAgainstOthers(tx, agency, input);
  const [row] = await tx
    .insert(calendarOverrides)
    .values({
      agencyId: agency.id,
      kind: input.kind,
      dateFrom: input.dateFrom,
      dateTo: input.dateTo,
      reason: input.reason,
      scopeNote: input.scopeNote ?? null,
      createdBy: actor.id,
      createdByLabel: actor.label,
      updatedBy: actor.id,
    })
    .returning();
  const cause = { action: "calendar.override.create", overrideId: row.id, ...describe(row) };
  const moved = await recomputeOpenCases(tx, agency, cause, actor, audit);
  return { override: overrideView(row), moved };
}

export async function updateOverride(
  tx: Tx,
  agency: AgencyInfo,
  id: string,
  patch: Partial<OverrideInput> & { version?: number },
  actor: Actor,
  audit: Audit,
) {
  await lockCalendar(tx, agency.id);
  const before = await loadOverride(tx, agency.id, id);
  if (patch.version !== undefined && patch.version !== before.version) throw conflict("calendar.stale");
  const next: OverrideInput = {
    kind: patch.kind ?? before.kind,
    dateFrom: patch.dateFrom ?? before.dateFrom,
    dateTo:
      patch.dateTo ?? (patch.dateFrom && before.dateFrom === before.dateTo ? patch.dateFrom : before.dateTo),
    reason: patch.reason ?? before.reason,
    scopeNote: patch.scopeNote === undefined ? before.scopeNote : patch.scopeNote,
  };
  await checkAgainstOthers(tx, agency, next, id);
  const [row] = await tx
    .update(calendarOverrides)
    .set({
      kind: next.kind,
      dateFrom: next.dateFrom,
      dateTo: next.dateTo,
      reason: next.reason,
      scopeNote: next.scopeNote ?? null,
      version: before.version + 1,
      updatedBy: actor.id,
      updatedAt: new Date(),
    })
    .where(and(eq(calendarOverrides.id, id), eq(calendarOverrides.agencyId, agency.id)))
    .returning();
  const cause = { action: "calendar.override.update", overrideId: id, ...describe(row) };
  const moved = await recomputeOpenCases(tx, agency, cause, actor, audit);
  return { override: overrideView(row), before: describe(before), moved };
}

export async function deleteOverride(tx: Tx, agency: AgencyInfo, id: string, actor: Actor, audit: Audit) {
  await lockCalendar(tx, agency.id);
  const before = await loadOverride(tx, agency.id, id);
  await tx
    .delete(calendarOverrides)
    .where(and(eq(calendarOverrides.id, id), eq(calendarOverrides.agencyId, agency.id)));
  const cause = { action: "calendar.override.delete", overrideId: id, ...describe(before) };
  const moved = await recomputeOpenCases(tx, agency, cause, actor, audit);
  return { id, removed: describe(before), moved };
}

export async function loadOverride(tx: Tx, agencyId: string, id: string): Promise<OverrideRow> {
  const [row] = await tx
    .select()
    .from(calendarOverrides)
    .where(and(eq(calendarOverrides.id, id), eq(calendarOverrides.agencyId, agencyId)));
  if (!row) throw notFound();
  return row;
}

function describe(r: Pick<OverrideRow, "kind" | "dateFrom" | "dateTo" | "reason">) {
  return { kind: r.kind, dateFrom: r.dateFrom, dateTo: r.dateTo, reason: r.reason };
}

export async function getSettings(tx: Tx, agencyId: string) {
  const row = await loadSettingsRow(tx, agencyId);
  return {
    officeHours: row?.officeHours ?? null,
    rules: row?.rules ?? {},
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function putSettings(
  tx: Tx,
  agency: AgencyInfo,
  input: { officeHours?: unknown; rules?: unknown; version?: number },
  actor: Actor,
  audit: Audit,
) {
  const checked = checkSettings(agency.jurisdiction, {
    ...(input.officeHours ? { officeHours: input.officeHours } : {}),
    ...(input.rules ? { rules: input.rules } : {}),
  });
  if (!checked.ok) throw badRequest(`calendar.${checked.problem.code}`, checked.problem);
  await lockCalendar(tx, agency.id);
  const before = await getSettings(tx, agency.id);
  if (input.version !== undefined && input.version !== before.version) throw conflict("calendar.stale");
  const value: SettingsData = checked.value;
  await tx
    .update(calendarSettings)
    .set({
      officeHours: value.officeHours,
      rules: value.rules ?? null,
      version: before.version + 1,
      updatedBy: actor.id,
      updatedAt: new Date(),
    })
    .where(eq(calendarSettings.agencyId, agency.id));
  const moved = await recomputeOpenCases(tx, agency, { action: "calendar.settings.update" }, actor, audit);
  const after = await getSettings(tx, agency.id);
  return { settings: after, before: { officeHours: before.officeHours, rules: before.rules }, moved };
}

/**
 * Recomputes the due date of every open case of the agency with the calendar as it now stands in
 * this transaction. Cases whose date moves get a timeline event and a ledger entry; a change that
 * makes a granted extension late or too long is refused (409, with the case numbers), so nothing is
 * half done.
 */
export async function recomputeOpenCases(
  tx: Tx,
  agency: AgencyInfo,
  cause: Record<string, unknown> & { action: string },
  actor: Actor,
  audit: Audit,
): Promise<DueMove[]> {
  const overrides = await loadCalendarOverrides(tx, agency.id);
  const open = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.agencyId, agency.id), inArray(cases.state, OPEN_STATES as CaseState[])))
    .orderBy(asc(cases.receivedAt))
    .for("update");
  if (open.length === 0) return [];
  const pauseRows = await tx
    .select()
    .from(casePauses)
    .where(
      and(
        eq(casePauses.agencyId, agency.id),
        inArray(
          casePauses.caseId,
          open.map((c) => c.id),
        ),
      ),
    )
    .orderBy(asc(casePauses.startedAt));
  const pausesByCase = new Map<string, Array<{ from: number; to: number | null; reason: string }>>();
  for (const p of pauseRows) {
    const list = pausesByCase.get(p.caseId) ?? [];
    list.push({ from: p.startedAt.getTime(), to: p.endedAt?.getTime() ?? null, reason: p.reason });
    pausesByCase.set(p.caseId, list);
  }
  const now = Date.now();
  const moved: DueMove[] = [];
  const refused: Array<{ number: string; code: string }> = [];
  const updates: Array<{ row: (typeof open)[number]; dueMs: number; originalMs: number }> = [];
  for (const c of open) {
    let clock: ReturnType<typeof computeCaseClock>;
    try {
      clock = computeCaseClock({
        jurisdiction: agency.jurisdiction,
        deadlineKind: c.deadlineKind,
        // Petitions carry their type's period on the case (minwon has none of its own).
        period:
          c.periodDays != null
            ? { days: c.periodDays }
            : c.periodHours != null
              ? { hours: c.periodHours }
              : null,
        receivedAt: c.receivedAt.getTime(),
        timeZone: agency.timeZone,
        pauses: pausesByCase.get(c.id) ?? [],
        extension: c.extendedAt
          ? {
              reason: c.extensionReason ?? "",
              at: c.extendedAt.getTime(),
              ...(c.extensionDays ? { days: c.extensionDays } : {}),
            }
          : null,
        overrides,
        // A running pause counts up to the moment it started, as the stored date of a paused case always
        // has (the transition that resumes it adds the stopped time); otherwise every calendar change
        // would "move" paused cases by the pause so far.
        now: c.state === "waiting_requester" && c.pausedSince ? c.pausedSince.getTime() : now,
      });
    } catch (e) {
      if (e instanceof DeadlineError) {
        refused.push({ number: c.number, code: e.code });
        continue;
      }
      throw e;
    }
    if (clock.dueMs !== c.dueAt.getTime() || clock.originalDueMs !== c.originalDueAt.getTime())
      updates.push({ row: c, dueMs: clock.dueMs, originalMs: clock.originalDueMs });
  }
  if (refused.length > 0) throw conflict("calendar.case_conflict", { cases: refused.slice(0, 50) });
  const at = new Date(now);
  const events: Array<typeof caseEvents.$inferInsert> = [];
  for (const u of updates) {
    const from = u.row.dueAt.toISOString();
    const to = new Date(u.dueMs).toISOString();
    await tx
      .update(cases)
      .set({ dueAt: new Date(u.dueMs), originalDueAt: new Date(u.originalMs), updatedAt: at })
      .where(and(eq(cases.id, u.row.id), eq(cases.agencyId, agency.id)));
    if (from === to) continue; // only the pre-extension date moved: nothing the requester sees changed
    const details = { from, to, cause: cause.action, ...pickCause(cause) };
    events.push({
      agencyId: agency.id,
      caseId: u.row.id,
      at,
      type: "calendar",
      event: "due_moved_by_calendar",
      actorId: actor.id,
      actorLabel: actor.label,
      public: false,
      details,
    });
    audit({
      action: "cases.due_moved_by_calendar",
      resourceType: "case",
      resourceId: u.row.id,
      subjectRef: u.row.subjectRef,
      details: { number: u.row.number, ...details },
    });
    moved.push({ caseId: u.row.id, number: u.row.number, from, to });
  }
  for (let i = 0; i < events.length; i += 500) await tx.insert(caseEvents).values(events.slice(i, i + 500));
  return moved;
}

function pickCause(cause: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of ["overrideId", "kind", "dateFrom", "dateTo", "reason"])
    if (cause[k] !== undefined) out[k] = cause[k];
  return out;
}

export interface WhatIfInput {
  kind: string;
  received: string;
  days?: number;
  hours?: number;
  pauses?: Array<{ from: string; to: string }>;
  extend?: boolean | number;
  /** An entry not saved yet: the answer shows the deadline with and without it. */
  draft?: OverrideEntry | null;
}

function slim(r: DeadlineResult) {
  return {
    due: r.due,
    counting: r.counting,
    timeZone: r.timeZone,
    verify: r.verify,
    explanation: r.explanation,
  };
}

/** The engine's answer with the agency's table (and optionally a draft entry), with its explanation. */
export async function whatIf(tx: Tx, agency: AgencyInfo, input: WhatIfInput) {
  const overrides = await loadCalendarOverrides(tx, agency.id);
  const base: ComputeDeadlineInput = {
    jurisdiction: agency.jurisdiction,
    timeZone: agency.timeZone,
    kind: input.kind,
    received: input.received,
    days: input.days,
    hours: input.hours,
    pauses: input.pauses,
    extended:
      input.extend === undefined || input.extend === false
        ? undefined
        : input.extend === true
          ? {}
          : { days: input.extend },
  };
  const run = (o: CalendarOverrides) => {
    try {
      return computeDeadline({ ...base, overrides: o });
    } catch (e) {
      if (e instanceof DeadlineError)
        throw badRequest("calendar.deadline_input", { engineCode: e.code, message: e.message });
      throw e;
    }
  };
  const current = slim(run(overrides));
  if (!input.draft) return { current };
  const rows = await listOverrideRows(tx, agency.id);
  const p = checkEntry(input.draft, rows, agency.jurisdiction, agency.timeZone);
  if (p) throw entryError(p);
  const settings = await loadSettingsRow(tx, agency.id);
  const withDraft = toEngineOverrides([...rows, input.draft], settings);
  return { current, withDraft: slim(run(withDraft)) };
}
