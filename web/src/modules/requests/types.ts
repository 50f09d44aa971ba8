/** Shapes of the rights request API (docs/api-requests.md, "Rights requests (staff)"). */
import type { CaseAttachment, CaseDetail } from "../cases/types";
import type { LetterMeta } from "../letters/types";

export type Names = Partial<Record<"ko" | "en" | "zh-TW", string>>;

export interface KindInfo {
  code: string;
  names: Names;
  article?: string;
  deadlineKind: string;
  actions: string[];
}
export interface Ground {
  code: string;
  names: Names;
  article?: string;
  catalogue: string;
  verify?: boolean;
}
export interface FeeEntry {
  code: string;
  names: Names;
  article?: string;
  attributes?: Record<string, unknown>;
}
export interface Catalogue {
  jurisdiction: "KR" | "TW";
  kinds: KindInfo[];
  grounds: Record<string, Record<string, Ground[]>>;
  fees: { currency: string; entries: FeeEntry[] };
  requesterTypes: string[];
  representationBases: string[];
  identityMethods: string[];
  deliveryMethods: string[];
  channels: string[];
}

export interface Person {
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  birthDate?: string | null;
}

export interface RequestItem {
  id: string;
  fileId: string | null;
  fileLabel: string | null;
  action: string;
  details: string | null;
  decision: string | null;
  groundCatalogue: string | null;
  groundCode: string | null;
  groundArticle: string | null;
  note: string | null;
  deferUntil: string | null;
  decidedAt: string | null;
}
export interface IdentityCheck {
  id: string;
  personRole: string;
  method: string;
  documentType: string;
  identifierMasked: string | null;
  result: string;
  notes: string | null;
  checkedBy: string | null;
  checkedAt: string;
}
export interface Dispute {
  id: string;
  caseId: string;
  fileId: string | null;
  fileLabel: string;
  description: string;
  status: string;
  processingSuspended: boolean;
  openedAt: string;
  resolvedAt: string | null;
  outcome: string | null;
  resolution: string | null;
}
export interface Task {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  details: Record<string, unknown> | null;
  status: string;
  dueAt: string | null;
  doneAt: string | null;
  doneNote: string | null;
}

export interface RequestDetail {
  case: CaseDetail;
  subjectRef: string;
  requestKind: string;
  requesterType: string;
  representationBasis: string | null;
  requester: Person;
  subject: Person | null;
  relationship: string | null;
  content: string;
  targetDescription: string | null;
  locale: string;
  emailVerifiedAt: string | null;
  identityVerifiedAt: string | null;
  delivery: {
    method: string | null;
    address: string | null;
    appointmentAt: string | null;
    companionStaffId: string | null;
    location: string | null;
  };
  items: RequestItem[];
  identityChecks: IdentityCheck[];
  fees: {
    currency: string | null;
    total: number | null;
    waived: boolean;
    waiverReason: string | null;
    items: Array<{ code: string; quantity: number; unitAmount: number; amount: number }>;
  };
  disputes: Dispute[];
  tasks: Task[];
  attachments: CaseAttachment[];
  letters: LetterMeta[];
  decisionSummary: string | null;
}

export interface SubjectFiles {
  caseId: string;
  queryType: string;
  matchedKinds: string[];
  files: Array<{
    id: string;
    name: string;
    unitId: string | null;
    unitName: string | null;
    matchedItems: string[];
  }>;
}

export interface StatsRow {
  period: string;
  kind: string;
  total: number;
  open: number;
  byOutcome: Record<string, number>;
  byChannel: Record<string, number>;
  decided: number;
  onTime: number;
  onTimeRate: number | null;
  avgDaysToDecision: number | null;
}

/** Items not decided yet carry decision "pending" (or null in older rows). */
export const undecided = (i: RequestItem) => !i.decision || i.decision === "pending";
