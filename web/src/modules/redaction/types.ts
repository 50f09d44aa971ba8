import type { Box } from "./editor-model";

/** A non-disclosure ground of the agency's rule pack (GET /api/redaction/grounds). */
export interface Ground {
  code: string;
  short: string;
  article: string;
  name: string;
}

/** GET /api/cases/:id/redactions/:rid (masked previews only). */
export interface RedactionView {
  id: string;
  caseId: string;
  sourceAttachmentId: string;
  format: string;
  status: "draft" | "released";
  scanStatus: string;
  scanReason: string | null;
  proposals: Array<{
    id: number;
    type: string;
    score: number;
    preview: string;
    location: { page?: number; box?: Box; start?: number; end?: number };
    decision: "pending" | "accepted" | "rejected";
    ground: string | null;
  }>;
  regions: Array<
    | { id: string; kind: "box"; page: number; box: Box; ground: string }
    | { id: string; kind: "text"; start: number; end: number; ground: string }
  >;
  groundsUsed: string[];
  outputAttachmentId: string | null;
  releasedAt: string | null;
  createdAt: string;
}

/** A finding the release check still found (422 redaction.identifier_remains), masked by the server. */
export interface MaskedFinding {
  type: string;
  preview: string;
  page?: number;
}
