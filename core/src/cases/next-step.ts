// What a case needs next and who may do it (issue 11 item 1: the staff work queue). Pure: a function of the
// case kind, its state and the permission table, so the server's queue, the hand-over check and the web
// app's "who can do this" line all give the same answer.
import { PERMISSIONS, type Permission, type Role } from "../auth/permissions";
import type { CaseState } from "./machine";

export const CASE_KINDS = ["rights_request", "petition", "disclosure"] as const;
export type CaseKindName = (typeof CASE_KINDS)[number];

/** Localisable keys of next steps (web: cases.next.<key>). */
export type NextAction = "verify_identity" | "decide" | "await_requester" | "notify" | "close";

interface StepDef {
  action: NextAction;
  permission: Permission;
}

/**
 * The step that moves a case on from each open state. Rights requests are processed through the requests
 * routes (requests.process / requests.decide); other kinds through the generic case routes until their
 * modules add their own steps.
 */
const stepsVia = (process: Permission, decide: Permission): Partial<Record<CaseState, StepDef>> => ({
  received: { action: "verify_identity", permission: process },
  identity_check: { action: "verify_identity", permission: process },
  in_review: { action: "decide", permission: decide },
  extended: { action: "decide", permission: decide },
  waiting_requester: { action: "await_requester", permission: process },
  decided: { action: "notify", permission: decide },
  // Closing is routine case work for every kind.
  notified: { action: "close", permission: "cases.process" },
});

const STEPS: Record<CaseKindName, Partial<Record<CaseState, StepDef>>> = {
  rights_request: stepsVia("requests.process", "requests.decide"),
  // Petitions are answered through the petitions routes (answer = review + decide + notify at once).
  petition: {
    ...stepsVia("petitions.process", "petitions.decide"),
    received: { action: "decide", permission: "petitions.decide" },
  },
  disclosure: stepsVia("cases.process", "cases.decide"),
};

/**
 * When a step is not the caller's, the role named to them ("a privacy manager decides this request"):
 * the least senior role that holds the permission, so work goes to the people who do it day to day.
 */
const ROLE_ORDER: readonly Role[] = [
  "handler",
  "petition_clerk",
  "records_manager",
  "privacy_manager",
  "privacy_officer",
  "system_admin",
  "auditor",
];

/** The role named to someone who lacks `permission` ("a privacy manager decides ..."). */
export function roleFor(permission: Permission): Role | null {
  const allowed = PERMISSIONS[permission] as readonly Role[];
  return ROLE_ORDER.find((r) => allowed.includes(r)) ?? null;
}

export interface NextStep {
  action: NextAction;
  permission: Permission;
  /** Whether the given roles may take the step. */
  canAct: boolean;
  /** The role to hand the case to when the caller cannot act (null when they can). */
  byRole: Role | null;
}

/** The next step of a case in this state, or null when nothing is left to do (closed, withdrawn...). */
export function nextStep(kind: CaseKindName, state: CaseState, roles: Iterable<Role>): NextStep | null {
  const def = STEPS[kind]?.[state];
  if (!def) return null;
  const allowed = PERMISSIONS[def.permission] as readonly Role[];
  const mine = new Set(roles);
  const canAct = allowed.some((r) => mine.has(r));
  const byRole = canAct ? null : roleFor(def.permission);
  return { action: def.action, permission: def.permission, canAct, byRole };
}
