/** Shapes of the case engine API (docs/api-requests.md, "Case engine"); shared by every case kind. */
import type { DueReason } from "@civicpims/core/calendar/types";

export type { DayOff, DueReason, LocalNames } from "@civicpims/core/calendar/types";

export interface ExplanationStep {
  step: string;
  detail: string;
  date?: string;
}

export interface CasePause {
  id: string;
  startedAt: string;
  endedAt: string | null;
  reason: string;
  requesterDeadline: string | null;
}

export interface CaseRow {
  id: string;
  kind: string;
  number: string;
  state: string;
  channel: string;
  requestKind: string | null;
  deadlineKind: string;
  receivedAt: string;
  dueAt: string;
  /** "days": a date; "hours": date and time (absent from older servers: read as days). */
  dueUnit?: "days" | "hours";
  originalDueAt: string;
  paused: boolean;
  pausedSince: string | null;
  overdue: boolean;
  extensionCount: number;
  extensionReason: string | null;
  decidedAt: string | null;
  notifiedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  transferredTo: string | null;
  unitId: string | null;
  assigneeId: string | null;
  retainUntil: string | null;
  version: number;
}

export interface CaseDetail extends CaseRow {
  timeZone: string;
  currentDueAt: string;
  dueExplanation: ExplanationStep[];
  dueReasons: DueReason[];
  dueVerify?: unknown;
  pauses: CasePause[];
}

export interface TimelineEvent {
  id: string;
  at: string;
  type: string;
  event?: string | null;
  fromState?: string | null;
  toState?: string | null;
  actorLabel: string | null;
  public: boolean;
  details: Record<string, unknown> | null;
}

export interface CaseNote {
  id: string;
  body: string;
  authorId: string | null;
  authorLabel: string | null;
  createdAt: string;
}

export interface CaseAttachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  kind: string;
  piiFindings: number | null;
  piiStatus: string;
  uploadedBy: string | null;
  createdAt: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Issue 11: the next step of a case and, when the caller cannot take it, who can. */
export interface NextStepView {
  action: string;
  permission: string;
  canAct: boolean;
  byRole: string | null;
  candidates: Array<{ id: string; name: string; roles: string[] }>;
}

/** One row of GET /api/cases/queue. */
export interface QueueItem {
  id: string;
  number: string;
  kind: string;
  subKind: string;
  state: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  paused: boolean;
  extensionCount: number;
  decidedAt: string | null;
  closedAt: string | null;
  timeLeft: { unit: "working_days" | "working_hours"; value: number };
  assignee: { id: string; name: string } | null;
  unit: { id: string; nameLocal: string; nameEn: string | null } | null;
  reason: "mine" | "unit" | "decision" | "unrouted";
  nextStep: NextStepView | null;
  version: number;
}

/** GET /api/cases/:id/assignment */
export interface AssignmentView {
  caseId: string;
  assignee: { id: string; name: string } | null;
  unitId: string | null;
  nextStep: NextStepView | null;
  colleagues: Array<{ id: string; name: string; roles: string[] }>;
  canAssign: boolean;
}
