import type { CaseDetail, CaseRow } from "../cases/types";

export type Names = { ko: string; "zh-TW": string; en: string };

export interface PetitionType {
  id: string;
  code: string;
  group: "statutory" | "life_report" | "certificate" | "instant";
  names: Names;
  periodDays: number | null;
  periodHours: number | null;
  citation: string;
  verify: boolean;
  active: boolean;
}

export interface TypesCatalogue {
  types: PetitionType[];
  groups: string[];
  channels: string[];
}

export interface Candidate {
  caseId: string;
  number: string;
  state: string;
  typeCode: string;
  receivedAt: string;
  score?: number;
  band?: "strong" | "similar" | null;
}

export interface Candidates {
  samePetitioner: Candidate[];
  similar: Candidate[];
}

export interface PetitionDetail {
  case: CaseDetail;
  typeCode: string;
  title: string;
  content: string;
  petitioner: { name: string; email?: string; phone?: string; address?: string };
  locale: string;
  period: { days?: number; hours?: number };
  guardian: { id: string; name: string; since: string | null } | null;
  answerSummary: string | null;
  links: Array<{ id: string; otherCaseId: string; otherNumber: string; kind: string; note: string | null }>;
  candidates: Candidates;
}

export type PetitionRow = CaseRow & { petitionerName: string | null; guardianId: string | null };
