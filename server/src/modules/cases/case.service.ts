import type { DeadlineRule } from "@civicpims/core/calendar/index";
import { DeadlineError, deadlineUnit } from "@civicpims/core/calendar/index";
import {
  applyEvent,
  type CaseEvent,
  type CaseSnapshot,
  type CaseState,
  CaseTransitionError,
  computeCaseClock,
  extensionErrorCode,
  isOpen,
} from "@civicpims/core/cases/index";
import { getRulePack } from "@civicpims/core/jurisdictions/index";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { agencies, caseCounters, caseEvents, casePauses, cases } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, conflict, notFound } from "../../http/errors";
import type { LedgerInput } from "../audit/ledger.service";
import { loadCalendarOverrides } from "../calendar/overrides.repo";
import { defaultHandlerOf } from "./assignees";
import type { LetterInfo } from "./comms";
import "./messages";

export type CaseRow = typeof cases.$inferSelect;
export type CaseKind = CaseRow["kind"];

export interface Actor {
  id: string | null;
  label: string;
}

export interface AgencyInfo {
  id: string;
  code: string;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  defaultLocale: "ko" | "zh-TW" | "en";
  nameLocal: string;
}

/**
 * What a case kind adds to generic steps: rights requests know the requester and the letter templates, so
 * they produce the extension notice; petitions and disclosure will register their own.
 */
export interface CaseKindHooks {
  extensionNotice?(
    tx: Tx,
    deps: AppDeps,
    agency: AgencyInfo,
    row: CaseRow,
    reason: string,
    actor: Actor,
  ): Promise<LetterInfo | null>;
  /**
   * The kind transfers to another body through its own action (with its letter): the generic
   * POST /api/cases/:id/transfer refuses it and names that action (error cases.transfer_own_action).
   */
  ownTransfer?: boolean;
}
const kindHooks: Partial<Record<CaseKind, CaseKindHooks>> = {};
export function registerCaseKindHooks(kind: CaseKind, hooks: CaseKindHooks): void {
  kindHooks[kind] = hooks;
}
export function caseKindHooks(kind: CaseKind): CaseKindHooks {
  return kindHooks[kind] ?? {};
}

export async function agencyInfo(tx: Tx, agencyId: string): Promise<AgencyInfo> {
  const [a] = await tx
    .select({
      id: agencies.id,
      code: agencies.code,
      jurisdiction: agencies.jurisdiction,
      timeZone: agencies.timeZone,
      defaultLocale: agencies.defaultLocale,
      nameLocal: agencies.nameLocal,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!a) throw notFound();
  return a;
}

const PREFIX: Record<CaseKind, string> = { rights_request: "RQ", petition: "PT", disclosure: "DS" };

/** Year of an instant in a time zone (receipt numbers follow the agency's calendar year). */
function yearIn(ms: number, tz: string): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: tz, year: "numeric" }).format(ms));
}

async function nextNumber(tx: Tx, agencyId: string, kind: CaseKind, year: number): Promise<string> {
  const [r] = await tx
    .insert(caseCounters)
    .values({ agencyId, kind, year, next: 2 })
    .onConflictDoUpdate({
      target: [caseCounters.agencyId, caseCounters.kind, caseCounters.year],
      set: { next: sql`${caseCounters.next} + 1` },
    })
    .returning({ next: caseCounters.next });
  return `${PREFIX[kind]}-${year}-${String(r.next - 1).padStart(6, "0")}`;
}

/** Pause intervals of a case for the clock (open pause: to = null). */
async function pausesOf(tx: Tx, caseId: string) {
  const rows = await tx
    .select()
    .from(casePauses)
    .where(eq(casePauses.caseId, caseId))
    .orderBy(asc(casePauses.startedAt));
  return rows.map((p) => ({
    from: p.startedAt.getTime(),
    to: p.endedAt ? p.endedAt.getTime() : null,
    reason: p.reason,
  }));
}

export function mapClockError(e: unknown): never {
  const code = extensionErrorCode(e);
  if (code) throw new AppError(code === "extension_too_long" ? 400 : 409, `cases.${code}`);
  if (e instanceof DeadlineError && e.code === "BAD_INPUT")
    throw new AppError(400, "cases.extension_invalid", { reason: e.message });
  throw e;
}

/** The clock of a stored case (used for reads and after every transition). */
export async function clockOf(tx: Tx, agency: AgencyInfo, c: CaseRow, now = Date.now()) {
  // The agency's closures, typhoon days, make-up workdays and counting rules move due dates (calendar module).
  const overrides = await loadCalendarOverrides(tx, agency.id);
  try {
    return computeCaseClock({
      overrides,
      jurisdiction: agency.jurisdiction,
      deadlineKind: c.deadlineKind,
      period: periodOfRow(c),
      receivedAt: c.receivedAt.getTime(),
      timeZone: agency.timeZone,
      pauses: await pausesOf(tx, c.id),
      extension: c.extendedAt
        ? {
            reason: c.extensionReason ?? "",
            at: c.extendedAt.getTime(),
            ...(c.extensionDays ? { days: c.extensionDays } : {}),
          }
        : null,
      now,
    });
  } catch (e) {
    return mapClockError(e);
  }
}

/** The stored per-case period (petitions), or null for kinds whose rule fixes it. */
function periodOfRow(c: Pick<CaseRow, "periodDays" | "periodHours">) {
  if (c.periodDays != null) return { days: c.periodDays };
  if (c.periodHours != null) return { hours: c.periodHours };
  return null;
}

export interface CreateCaseInput {
  kind: CaseKind;
  subKind: string;
  deadlineKind: string;
  /** For kinds whose rule has no period (minwon). */
  period?: { days?: number; hours?: number } | null;
  channel: CaseRow["channel"];
  receivedAt: Date;
  unitId?: string | null;
  assigneeId?: string | null;
  subjectRef?: string | null;
}

export async function createCase(
  tx: Tx,
  agency: AgencyInfo,
  input: CreateCaseInput,
  actor: Actor,
  audit: (e: LedgerInput) => void,
): Promise<CaseRow> {
  const receivedMs = input.receivedAt.getTime();
  const overrides = await loadCalendarOverrides(tx, agency.id);
  let clock: ReturnType<typeof computeCaseClock>;
  try {
    clock = computeCaseClock({
      overrides,
      jurisdiction: agency.jurisdiction,
      deadlineKind: input.deadlineKind,
      period: input.period ?? null,
      receivedAt: receivedMs,
      timeZone: agency.timeZone,
      now: Date.now(),
    });
  } catch (e) {
    return mapClockError(e);
  }
  const number = await nextNumber(tx, agency.id, input.kind, yearIn(receivedMs, agency.timeZone));
  // Issue 11: a case of a unit goes to the unit's default handler unless someone was named; without one it
  // waits unassigned in the unit's queue.
  const unitId = input.unitId ?? null;
  const assigneeId = input.assigneeId ?? (unitId ? await defaultHandlerOf(tx, agency.id, unitId) : null);
  const [row] = await tx
    .insert(cases)
    .values({
      agencyId: agency.id,
      kind: input.kind,
      number,
      state: "received",
      channel: input.channel,
      subKind: input.subKind,
      deadlineKind: input.deadlineKind,
      periodDays: input.period?.days ?? null,
      periodHours: input.period?.hours ?? null,
      receivedAt: input.receivedAt,
      dueAt: new Date(clock.dueMs),
      originalDueAt: new Date(clock.originalDueMs),
      unitId,
      assigneeId,
      subjectRef: input.subjectRef ?? null,
    })
    .returning();
  await addEvent(tx, row, {
    type: "transition",
    event: "receive",
    toState: "received",
    actor,
    public: true,
    details: { channel: input.channel, number },
  });
  if (assigneeId)
    await addEvent(tx, row, {
      type: "assignment",
      actor,
      details: { to: assigneeId, unitId, rule: input.assigneeId ? "named" : "unit_default_handler" },
    });
  audit({
    action: `cases.${input.kind}.create`,
    resourceType: "case",
    resourceId: row.id,
    subjectRef: row.subjectRef,
    details: { number, channel: input.channel, subKind: input.subKind, unitId, assigneeId },
  });
  return row;
}

export async function addEvent(
  tx: Tx,
  c: Pick<CaseRow, "id" | "agencyId">,
  e: {
    type: string;
    event?: string;
    fromState?: string;
    toState?: string;
    actor: Actor;
    public?: boolean;
    details?: Record<string, unknown>;
    at?: Date;
  },
) {
  await tx.insert(caseEvents).values({
    agencyId: c.agencyId,
    caseId: c.id,
    at: e.at ?? new Date(),
    type: e.type,
    event: e.event ?? null,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    actorId: e.actor.id,
    actorLabel: e.actor.label,
    public: e.public ?? false,
    details: e.details ?? null,
  });
}

/** Loads a case of the agency (optionally locked for the transaction); another agency's id -> 404. */
export async function loadCase(
  tx: Queryable,
  agencyId: string,
  caseId: string,
  lock = false,
): Promise<CaseRow> {
  const q = tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.agencyId, agencyId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound();
  return row;
}

function snapshotOf(c: CaseRow): CaseSnapshot {
  return {
    state: c.state as CaseState,
    extensionCount: c.extensionCount,
    decidedAt: c.decidedAt?.getTime() ?? null,
    notifiedAt: c.notifiedAt?.getTime() ?? null,
    pausedFrom: (c.pausedFrom as CaseState | null) ?? null,
    pausedSince: c.pausedSince?.getTime() ?? null,
  };
}

export type TransitionInput =
  | { type: "start_identity_check" }
  | { type: "verify_identity" }
  | { type: "pause"; reason: string; requesterDeadline?: Date | null }
  | { type: "resume" }
  | { type: "extend"; reason: string; days?: number }
  | { type: "decide"; outcome: NonNullable<CaseRow["outcome"]> }
  | { type: "notify" }
  | { type: "close" }
  | { type: "withdraw"; reason: string }
  | { type: "transfer"; reason: string; to: string };

export interface TransitionOptions {
  actor: Actor;
  audit: (e: LedgerInput) => void;
  expectedVersion?: number;
  now?: Date;
  /** Extra details for the timeline and the ledger entry (never personal data). */
  details?: Record<string, unknown>;
}

/**
 * The one way a case changes state: the core machine decides, then the row, the pause table, the due
 * date, the timeline and the ledger entry are written together in the caller's transaction.
 */
export async function transition(
  tx: Tx,
  agency: AgencyInfo,
  caseId: string,
  input: TransitionInput,
  opts: TransitionOptions,
): Promise<CaseRow> {
  const c = await loadCase(tx, agency.id, caseId, true);
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== c.version) throw conflict("cases.stale");
  const now = opts.now ?? new Date();
  const at = now.getTime();
  const snap = snapshotOf(c);
  let clockBefore: Awaited<ReturnType<typeof clockOf>> | null = null;
  let ev: CaseEvent;
  switch (input.type) {
    case "extend": {
      const rules = getRulePack(agency.jurisdiction).deadlineRules as Record<string, DeadlineRule>;
      const ext = rules[c.deadlineKind]?.extension;
      clockBefore = await clockOf(tx, agency, c, at);
      ev = {
        type: "extend",
        at,
        reason: input.reason,
        dueMs: clockBefore.dueMs,
        allowed: !!ext?.allowed,
        maxCount: ext?.allowed ? ext.maxCount : 0,
      };
      break;
    }
    case "pause":
    case "withdraw":
      ev = { type: input.type, at, reason: input.reason };
      break;
    case "transfer":
      ev = { type: "transfer", at, reason: input.reason, to: input.to };
      break;
    default:
      ev = { type: input.type, at } as CaseEvent;
  }
  let next: CaseSnapshot;
  try {
    next = applyEvent(snap, ev);
  } catch (e) {
    if (e instanceof CaseTransitionError) {
      const status = e.code === "reason_required" ? 400 : 409;
      throw new AppError(status, `cases.${e.code}`, e.details);
    }
    throw e;
  }

  const patch: Partial<typeof cases.$inferInsert> = {
    state: next.state,
    pausedFrom: next.pausedFrom,
    pausedSince: next.pausedSince ? new Date(next.pausedSince) : null,
    extensionCount: next.extensionCount,
    decidedAt: next.decidedAt ? new Date(next.decidedAt) : null,
    notifiedAt: next.notifiedAt ? new Date(next.notifiedAt) : null,
    version: c.version + 1,
    updatedAt: now,
  };
  // Pause bookkeeping: open on pause, close on resume or on any event that leaves waiting_requester.
  if (input.type === "pause") {
    await tx.insert(casePauses).values({
      agencyId: c.agencyId,
      caseId: c.id,
      startedAt: now,
      reason: input.reason,
      requesterDeadline: input.requesterDeadline ?? null,
    });
  } else if (snap.state === "waiting_requester") {
    await tx
      .update(casePauses)
      .set({ endedAt: now })
      .where(and(eq(casePauses.caseId, c.id), sql`${casePauses.endedAt} IS NULL`));
  }
  if (input.type === "extend") {
    patch.extendedAt = now;
    patch.extensionReason = input.reason;
    patch.extensionDays = input.days ?? null;
  }
  if (input.type === "decide") patch.outcome = input.outcome;
  if (input.type === "close") patch.closedAt = now;
  if (input.type === "withdraw") {
    patch.outcome = "withdrawn";
    patch.closedAt = now;
  }
  if (input.type === "transfer") {
    patch.outcome = "transferred";
    patch.transferredTo = input.to;
    patch.closedAt = now;
  }
  // The due date follows every change of the clock (pause closed, extension granted).
  if (isOpen(next.state) || input.type === "decide") {
    const clock = await clockOf(tx, agency, { ...c, ...patch } as CaseRow, at);
    patch.dueAt = new Date(clock.dueMs);
    patch.originalDueAt = new Date(clock.originalDueMs);
  }
  const [row] = await tx
    .update(cases)
    .set(patch)
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!row) throw conflict("cases.stale");
  const details: Record<string, unknown> = { ...(opts.details ?? {}) };
  if ("reason" in input && input.reason) details.reason = input.reason;
  if (input.type === "transfer") details.to = input.to;
  if (input.type === "extend") details.dueAt = row.dueAt.toISOString();
  if (input.type === "pause" && input.requesterDeadline)
    details.requesterDeadline = input.requesterDeadline.toISOString();
  await addEvent(tx, row, {
    type: "transition",
    event: input.type,
    fromState: c.state,
    toState: row.state,
    actor: opts.actor,
    public: true,
    details,
    at: now,
  });
  opts.audit({
    action: `cases.transition.${input.type}`,
    resourceType: "case",
    resourceId: row.id,
    subjectRef: row.subjectRef,
    details: { number: row.number, from: c.state, to: row.state, ...details },
  });
  return row;
}

/** A case as the API shows it: state, clock, flags. */
export function caseView(c: CaseRow, now = Date.now()) {
  const open = isOpen(c.state as CaseState);
  return {
    id: c.id,
    kind: c.kind,
    number: c.number,
    state: c.state,
    channel: c.channel,
    requestKind: c.subKind,
    deadlineKind: c.deadlineKind,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    /** "days": show the due as a date; "hours": with the time (the detail gives the agency-exact unit). */
    dueUnit: unitOfKind(c.deadlineKind),
    originalDueAt: c.originalDueAt.toISOString(),
    paused: c.state === "waiting_requester",
    pausedSince: c.pausedSince?.toISOString() ?? null,
    overdue: open && c.state !== "waiting_requester" && c.dueAt.getTime() < now,
    extensionCount: c.extensionCount,
    extensionReason: c.extensionReason,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    notifiedAt: c.notifiedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    outcome: c.outcome,
    transferredTo: c.transferredTo,
    unitId: c.unitId,
    assigneeId: c.assigneeId,
    /** E9: a closed request's records are kept at least 5 years (the retention module reads this). */
    retainUntil: c.closedAt ? addYears(c.closedAt, RECORD_RETENTION_YEARS).toISOString() : null,
    version: c.version,
  };
}

/** Deadline kinds are unique across the KR and TW packs, so a row's kind alone gives its counting unit. */
function unitOfKind(kind: string): "days" | "hours" {
  return deadlineUnit(kind.startsWith("tw_") ? "TW" : "KR", kind);
}

/** E9 [004 三十九]: rights-request records, at least 5 years. */
export const RECORD_RETENTION_YEARS = 5;
function addYears(d: Date, years: number): Date {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
}
export type CaseView = ReturnType<typeof caseView>;
