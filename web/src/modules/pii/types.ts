export type Decision = "pending" | "accepted" | "rejected";
export type Policy = "mask" | "remove" | "label" | "pseudonym";

export interface FindingLocation {
  page?: number;
  box?: [number, number, number, number];
  sheet?: string;
  row?: number;
  column?: number;
  paragraph?: number;
  section?: number;
  line?: number;
  offset?: number;
  part?: string;
}

export interface Finding {
  index: number;
  type: string;
  score: number;
  location: FindingLocation;
  preview: string;
  decision: Decision;
  falsePositive?: boolean;
  rememberable: boolean;
}

export type Region =
  | { id: string; kind: "box"; page: number; box: [number, number, number, number] }
  | { id: string; kind: "text"; start: number; end: number };

export interface ReviewDocument {
  id: string;
  filename: string;
  format: string;
  size: number;
  scanStatus: "ok" | "needs_review";
  scanReason: string | null;
  encoding: string | null;
  findingCount: number;
  truncated: boolean;
  findings: Finding[];
  decided: Record<Decision, number>;
  regions: Region[];
  policies: Policy[];
  retainUntil: string;
  purgedAt: string | null;
  createdAt: string;
}

export interface DocumentSummary extends Omit<ReviewDocument, "findings" | "regions"> {
  regionCount: number;
  types: string[];
}

export interface TextView {
  id: string;
  text: string;
  marks: Array<{ index: number; start: number; end: number; type: string }>;
  totalChars: number;
  truncated: boolean;
}

export interface PageInfo {
  page: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

export interface GuardCheck {
  id: string;
  kind: string;
  resourceKey: string;
  /** Name of the item when the server knows it (register files). */
  label: string | null;
  status: "blocked" | "overridden";
  findings: Array<{ type: string; preview: string }>;
  scanStatus: string;
  overrideReason: string | null;
  overriddenAt: string | null;
  createdAt: string;
}

export interface DriftCheck {
  id: string;
  fileId: string;
  fileName: string;
  sampleName: string;
  scanStatus: string;
  found: Record<string, number>;
  undeclaredUnique: string[];
  undeclaredOther: string[];
  undeclaredSensitive: string[];
  evidence: Array<{ type: string; where: string }>;
  status: "open" | "clean" | "resolved";
  resolutionNote: string | null;
  createdAt: string;
}

export interface DriftFinding {
  id: string;
  fileId: string;
  fileName: string;
  sampleName: string;
  undeclaredUnique: string[];
  undeclaredOther: string[];
  undeclaredSensitive: string[];
  checkedAt: string;
}
