// The staff work queue (issue 11 item 1): the caller's cases, their units' unassigned cases and, for those who
// decide, the agency's cases waiting on a decision; each row with the time left in the unit the law counts
// and the next step (who can take it, and to whom to hand it otherwise). Generic over case kinds.
import { can, type Role } from "@civicpims/core/auth/index";
import type { DeadlineRule } from "@civicpims/core/calendar/index";
import { type CaseKindName, type CaseState, nextStep, timeLeft } from "@civicpims/core/cases/index";
import { getRulePack } from "@civicpims/core/jurisdictions/index";
import { and, asc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { cases, staff, units } from "../../db/schema";
import type { AuthContext } from "../auth/auth-context";
import { loadCalendarOverrides } from "../calendar/overrides.repo";
import { candidatesFor, unitsOf } from "./assignees";
import { agencyInfo, type CaseRow } from "./case.service";

/** States that still have a step to take (open states, and decided/notified cases awaiting notice/closing). */
export const ACTIVE_STATES = [
  "received",
  "identity_check",
  "in_review",
  "waiting_requester",
  "extended",
  "decided",
  "notified",
] as const satisfies readonly CaseState[];
const DECISION_STATES: CaseState[] = ["in_review", "extended", "decided"];
const QUEUE_LIMIT = 200;

export type QueueReason = "mine" | "unit" | "decision" | "unrouted";

/** Why the case is in the caller's queue (first match wins). */
function reasonOf(c: CaseRow, me: string, myUnits: string[], roles: Role[]): QueueReason | null {
  if (c.assigneeId === me) return "mine";
  if (!c.assigneeId && c.unitId && myUnits.includes(c.unitId)) return "unit";
  const n = nextStep(c.kind as CaseKindName, c.state as CaseState, roles);
  if (n?.canAct && (n.action === "decide" || n.action === "notify")) return "decision";
  if (!c.assigneeId && !c.unitId) return "unrouted";
  return null;
}

export async function workQueue(tx: Tx, auth: AuthContext, now = new Date()) {
  const agency = await agencyInfo(tx, auth.agencyId);
  const roles = auth.roles.map((r) => r.role);
  const myUnits = unitsOf(auth);
  const decides = can(roles, "requests.decide") || can(roles, "cases.decide");
  const dispatches = can(roles, "cases.assign");
  const parts: SQL[] = [eq(cases.assigneeId, auth.staffId)];
  if (myUnits.length) parts.push(and(isNull(cases.assigneeId), inArray(cases.unitId, myUnits)) as SQL);
  if (decides) parts.push(inArray(cases.state, DECISION_STATES));
  if (dispatches) parts.push(and(isNull(cases.assigneeId), isNull(cases.unitId)) as SQL);
  const rows = await tx
    .select({ c: cases, assigneeName: staff.displayName, unitLocal: units.nameLocal, unitEn: units.nameEn })
    .from(cases)
    .leftJoin(staff, eq(staff.id, cases.assigneeId))
    .leftJoin(units, eq(units.id, cases.unitId))
    .where(and(eq(cases.agencyId, auth.agencyId), inArray(cases.state, [...ACTIVE_STATES]), or(...parts)))
    .orderBy(asc(cases.dueAt), asc(cases.id))
    .limit(QUEUE_LIMIT);
  const overrides = await loadCalendarOverrides(tx, auth.agencyId);
  const rules = getRulePack(agency.jurisdiction).deadlineRules as Record<string, DeadlineRule>;
  const candidateCache = new Map<string, Awaited<ReturnType<typeof candidatesFor>>>();
  const t = now.getTime();
  const items = [];
  for (const { c, assigneeName, unitLocal, unitEn } of rows) {
    const reason = reasonOf(c, auth.staffId, myUnits, roles);
    if (!reason) continue;
    const n = nextStep(c.kind as CaseKindName, c.state as CaseState, roles);
    let candidates: Array<{ id: string; name: string; roles: Role[] }> = [];
    if (n && !n.canAct) {
      const key = `${n.permission}|${c.unitId ?? ""}`;
      let list = candidateCache.get(key);
      if (!list) {
        list = await candidatesFor(tx, auth.agencyId, n.permission, c.unitId);
        candidateCache.set(key, list);
      }
      candidates = list.filter((x) => x.id !== auth.staffId);
    }
    const paused = c.state === "waiting_requester";
    const open = c.state !== "decided" && c.state !== "notified";
    items.push({
      id: c.id,
      number: c.number,
      kind: c.kind,
      subKind: c.subKind,
      state: c.state,
      receivedAt: c.receivedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      overdue: open && !paused && c.dueAt.getTime() < t,
      paused,
      extensionCount: c.extensionCount,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      closedAt: null,
      timeLeft: timeLeft({
        jurisdiction: agency.jurisdiction,
        timeZone: agency.timeZone,
        overrides,
        dueMs: c.dueAt.getTime(),
        now: t,
        unit: rules[c.deadlineKind]?.period?.unit === "hours" ? "hours" : "days",
      }),
      assignee: c.assigneeId ? { id: c.assigneeId, name: assigneeName ?? "" } : null,
      unit: c.unitId ? { id: c.unitId, nameLocal: unitLocal ?? "", nameEn: unitEn } : null,
      reason,
      nextStep: n ? { ...n, candidates } : null,
      version: c.version,
    });
  }
  return { timeZone: agency.timeZone, items, truncated: rows.length === QUEUE_LIMIT };
}

/** The assignee of a case as the detail page shows it: name, and the next step with who can take it. */
export async function assignmentOf(q: Queryable, auth: AuthContext, c: CaseRow) {
  const roles = auth.roles.map((r) => r.role);
  const n = nextStep(c.kind as CaseKindName, c.state as CaseState, roles);
  const [a] = c.assigneeId
    ? await q.select({ id: staff.id, name: staff.displayName }).from(staff).where(eq(staff.id, c.assigneeId))
    : [];
  const candidates = n ? await candidatesFor(q, auth.agencyId, n.permission, c.unitId) : [];
  // Anyone who may work on cases of the unit can receive a plain reassignment.
  const colleagues = await candidatesFor(q, auth.agencyId, "cases.process", c.unitId);
  return {
    caseId: c.id,
    assignee: a ?? null,
    unitId: c.unitId,
    nextStep: n ? { ...n, candidates: candidates.filter((x) => x.id !== auth.staffId) } : null,
    colleagues: colleagues.filter((x) => x.id !== c.assigneeId),
    canAssign: mayAssign(auth, c),
  };
}

/**
 * Who may reassign a case: holders of cases.assign (privacy officer and manager: they dispatch work), the
 * current assignee (handing their own case over), and, for an unassigned case, staff of its unit (taking it
 * or passing it on). Unit heads are no role in the permission table, so they act through these.
 */
export function mayAssign(auth: AuthContext, c: Pick<CaseRow, "assigneeId" | "unitId">): boolean {
  const roles = auth.roles.map((r) => r.role);
  if (can(roles, "cases.assign")) return true;
  if (!can(roles, "cases.process")) return false;
  if (c.assigneeId === auth.staffId) return true;
  return !c.assigneeId && !!c.unitId && unitsOf(auth).includes(c.unitId);
}
