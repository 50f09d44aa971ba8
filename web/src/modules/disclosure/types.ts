import type { CaseDetail, CaseRow } from "../cases/types";
import type { Ground } from "./view";

export interface DisclosureRow extends CaseRow {
  requesterName: string | null;
  subjectSummary: string | null;
  disclosureOutcome: string | null;
}

export interface DisclosureCatalogue {
  jurisdiction: "KR" | "TW";
  formFields: string[];
  methods: string[];
  receipts: string[];
  grounds: Ground[];
  fees: {
    currency: string;
    entries: Array<{ code: string; names: Ground["names"]; unitAmount: number; unit: string }>;
  };
}

export interface AttachmentView {
  id: string;
  filename: string;
  kind: string;
  size: number;
  mimeType: string;
}

export interface DisclosureDetail {
  case: CaseDetail & { number: string };
  jurisdiction: "KR" | "TW";
  requester: {
    name: string;
    birthDate?: string;
    businessNumber?: string;
    idNumber?: string;
    address: string;
    phone: string;
    email?: string;
  };
  representative: { name: string; idNumber?: string; address?: string; phone?: string } | null;
  content: string;
  purpose: string | null;
  itemCount: number | null;
  methods: string[];
  methodOther: string | null;
  receipt: string;
  feeWaiverRequested: boolean;
  feeWaiverReason: string | null;
  outcome: string | null;
  grounds: string[] | null;
  decisionNote: string | null;
  transferTarget: string | null;
  fees: {
    currency: string | null;
    lines: Array<{ code: string; quantity: number; unitAmount: number; amount: number }>;
    total: number | null;
    waived: boolean;
  };
  thirdParties: Array<{
    id: string;
    name: string;
    contact?: string;
    notifiedAt: string;
    responseDueAt: string;
    opinion: "agree" | "object" | "none" | null;
    note: string | null;
    recordedAt: string | null;
  }>;
  released: Array<AttachmentView & { redactionId: string | null; grounds?: string[] }>;
  remedies: Array<{ code: string; days: number; dueAt: string; source: string; verify: boolean }>;
  objection: { at: string; note: string | null } | null;
}
