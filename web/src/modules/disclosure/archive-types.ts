/** Staff list row of GET /api/archive. */
export interface ArchiveEntry {
  id: string;
  title: string;
  summary: string;
  documentDate: string;
  unit: string | null;
  filename: string;
  size: number;
  publishedAt: string;
  status: "published" | "unpublished";
  unpublishReason: string | null;
  publishedBy: string | null;
  caseId: string | null;
}

export interface ArchiveList {
  enabled: boolean;
  items: ArchiveEntry[];
  limitBytes: number;
}

/** GET /api/archive/released: a released file of a case (the publish form's picker). */
export interface ReleasedFile {
  attachmentId: string;
  filename: string;
  caseId: string;
  caseNumber: string;
  caseKind: string;
  releasedAt: string | null;
  inArchive: boolean;
}

/** What the PII guard found, masked (details of a refused publication). */
export interface GuardFinding {
  type: string;
  preview: string;
}
