// The case state machine as data (issue 6 item 2). Rights requests use it now; petitions and disclosure
// requests reuse it later. The table below is the only place that says which event may move a case from
// which state: the server never writes a state without going through `applyEvent`.

export const CASE_STATES = [
  "received",
  "identity_check",
  "in_review",
  "waiting_requester",
  "extended",
  "decided",
  "notified",
  "closed",
  "withdrawn",
  "transferred",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States in which the statutory clock runs or is paused: the case still needs an answer. */
export const OPEN_STATES: readonly CaseState[] = [
  "received",
  "identity_check",
  "in_review",
  "waiting_requester",
  "extended",
];
export const TERMINAL_STATES: readonly CaseState[] = ["closed", "withdrawn", "transferred"];

export const CASE_EVENTS = [
  "start_identity_check",
  "verify_identity",
  "pause",
  "resume",
  "extend",
  "decide",
  "notify",
  "close",
  "withdraw",
  "transfer",
] as const;
export type CaseEventType = (typeof CASE_EVENTS)[number];

/** Where each event may start, and where it leads ("resume" returns to the state it was paused from). */
export const TRANSITIONS: Record<CaseEventType, { from: readonly CaseState[]; to: CaseState | "previous" }> =
  {
    start_identity_check: { from: ["received"], to: "identity_check" },
    verify_identity: { from: ["received", "identity_check"], to: "in_review" },
    pause: { from: ["identity_check", "in_review", "extended"], to: "waiting_requester" },
    resume: { from: ["waiting_requester"], to: "previous" },
    extend: { from: ["in_review"], to: "extended" },
    // From waiting_requester: TW 限期補正 not remedied in time -> rejection (C6).
    decide: { from: ["identity_check", "in_review", "extended", "waiting_requester"], to: "decided" },
    notify: { from: ["decided"], to: "notified" },
    close: { from: ["notified"], to: "closed" },
    withdraw: { from: OPEN_STATES, to: "withdrawn" },
    transfer: { from: OPEN_STATES, to: "transferred" },
  };

/** What the machine needs to know about a case; the server keeps these columns on the case row. */
export interface CaseSnapshot {
  state: CaseState;
  extensionCount: number;
  decidedAt: number | null;
  notifiedAt: number | null;
  /** While waiting for the requester: the state to return to. */
  pausedFrom: CaseState | null;
  /** Start of the open pause (ms). */
  pausedSince: number | null;
}

export type CaseEvent =
  | { type: "start_identity_check"; at: number }
  | { type: "verify_identity"; at: number }
  | { type: "pause"; at: number; reason: string }
  | { type: "resume"; at: number }
  /**
   * `dueMs` is the due date before the extension (pauses included); `allowed`/`maxCount` come from the
   * rule pack's extension rule for the deadline kind.
   */
  | { type: "extend"; at: number; reason: string; dueMs: number; allowed: boolean; maxCount: number }
  | { type: "decide"; at: number }
  | { type: "notify"; at: number }
  | { type: "close"; at: number }
  | { type: "withdraw"; at: number; reason: string }
  | { type: "transfer"; at: number; reason: string; to: string };

export type CaseErrorCode =
  | "illegal_transition"
  | "reason_required"
  | "extension_limit"
  | "extension_after_due"
  | "extension_not_allowed"
  | "not_decided"
  | "not_notified"
  | "time_order";

export class CaseTransitionError extends Error {
  constructor(
    public readonly code: CaseErrorCode,
    public readonly details: { state: CaseState; event: CaseEventType; allowed?: CaseEventType[] },
  ) {
    super(`${code}: ${details.event} from ${details.state}`);
    this.name = "CaseTransitionError";
  }
}

export function newCase(): CaseSnapshot {
  return {
    state: "received",
    extensionCount: 0,
    decidedAt: null,
    notifiedAt: null,
    pausedFrom: null,
    pausedSince: null,
  };
}

/** Events the machine would accept from this state (guards on event data aside). */
export function allowedEvents(state: CaseState): CaseEventType[] {
  return CASE_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state));
}

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

const blank = (s: string | undefined) => !s || s.trim() === "";

/**
 * Applies one event and returns the next snapshot; refuses with a typed error and leaves the input
 * untouched when the event is illegal in this state or its guard fails.
 */
export function applyEvent(snap: CaseSnapshot, ev: CaseEvent): CaseSnapshot {
  const rule = TRANSITIONS[ev.type];
  const fail = (code: CaseErrorCode): never => {
    throw new CaseTransitionError(code, {
      state: snap.state,
      event: ev.type,
      ...(code === "illegal_transition" ? { allowed: allowedEvents(snap.state) } : {}),
    });
  };
  // A second extension is named as such, whatever state the case is in (issue 6 "Bad input").
  if (ev.type === "extend" && snap.extensionCount >= 1 && isOpen(snap.state)) fail("extension_limit");
  if (!rule.from.includes(snap.state)) fail("illegal_transition");
  const next: CaseSnapshot = { ...snap };
  switch (ev.type) {
    case "pause":
      if (blank(ev.reason)) fail("reason_required");
      next.pausedFrom = snap.state;
      next.pausedSince = ev.at;
      next.state = "waiting_requester";
      return next;
    case "resume":
      next.state = snap.pausedFrom ?? "in_review";
      next.pausedFrom = null;
      next.pausedSince = null;
      return next;
    case "extend":
      if (blank(ev.reason)) fail("reason_required");
      if (!ev.allowed) fail("extension_not_allowed");
      if (snap.extensionCount >= Math.min(ev.maxCount, 1)) fail("extension_limit");
      if (ev.at > ev.dueMs) fail("extension_after_due");
      next.extensionCount = snap.extensionCount + 1;
      next.state = "extended";
      return next;
    case "decide":
      next.decidedAt = ev.at;
      next.pausedFrom = null;
      next.pausedSince = null;
      next.state = "decided";
      return next;
    case "notify":
      if (snap.decidedAt === null) fail("not_decided");
      if (ev.at < (snap.decidedAt as number)) fail("time_order");
      next.notifiedAt = ev.at;
      next.state = "notified";
      return next;
    case "close":
      if (snap.decidedAt === null) fail("not_decided");
      if (snap.notifiedAt === null) fail("not_notified");
      next.state = "closed";
      return next;
    case "withdraw":
    case "transfer":
      if (blank(ev.reason)) fail("reason_required");
      if (ev.type === "transfer" && blank(ev.to)) fail("reason_required");
      next.pausedFrom = null;
      next.pausedSince = null;
      next.state = rule.to as CaseState;
      return next;
    default:
      next.state = rule.to as CaseState;
      return next;
  }
}

/** Invariants every reachable snapshot keeps (checked by the property tests and by the server on load). */
export function invariantViolations(s: CaseSnapshot): string[] {
  const v: string[] = [];
  if (s.state === "closed" && (s.decidedAt === null || s.notifiedAt === null))
    v.push("closed without a decision and a notification");
  if (s.state === "notified" && s.decidedAt === null) v.push("notified without a decision");
  if (s.notifiedAt !== null && s.decidedAt !== null && s.notifiedAt < s.decidedAt)
    v.push("notified before decided");
  if (s.extensionCount > 1) v.push("extended more than once");
  if ((s.state === "waiting_requester") !== (s.pausedFrom !== null)) v.push("pause bookkeeping out of step");
  if (s.state === "extended" && s.extensionCount === 0) v.push("extended state without an extension");
  return v;
}
