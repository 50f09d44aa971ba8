/** Shapes of the register API (docs/api-registry.md). */

export type ProcessingMethod = "electronic" | "paper" | "both";
export const PROCESSING_METHODS: readonly ProcessingMethod[] = ["electronic", "paper", "both"];
export type FileType = "paper" | "electronic" | "portable_media" | "system_db";
export const FILE_TYPES: readonly FileType[] = ["paper", "electronic", "portable_media", "system_db"];

export interface FileItem {
  name: string;
  kind: string | null;
  sensitive: boolean;
  uniqueIdentifier: boolean;
  classCode: string | null;
}

export interface RegistryFile {
  id: string;
  agencyId: string;
  version: number;
  status: "active" | "retired";
  name: string;
  businessProcess: string | null;
  unitId: string;
  unitCode?: string;
  unitName?: string;
  custodianUnitId: string | null;
  accessRequestUnitId: string | null;
  managingStaffName: string | null;
  managingStaffContact: string | null;
  legalBasisCodes: string[];
  legalBasisText: string | null;
  purposeCodes: string[];
  purposeText: string | null;
  categoryCodes: string[];
  subjectCategories: string[];
  items: FileItem[];
  hasSensitive: boolean;
  hasUniqueIdentifier: boolean;
  sources: string[];
  collectionMethods: string[];
  processingMethod: ProcessingMethod;
  fileTypes: FileType[];
  custodyMethod: string | null;
  systemIds: string[];
  retentionPeriod: string | null;
  retentionYears: number | null;
  retentionBasis: string | null;
  recordsClassCode: string | null;
  recordsSeriesId: string | null;
  /** On the detail answer: the series named (code, title, class), null when none. */
  recordsSeries?: { id: string; code: string; title: string; retentionClass: string } | null;
  destructionMethodCode: string | null;
  destructionMethod: string | null;
  subjectCount: number | null;
  routineRecipients: string[];
  internalUsers: string[];
  externalProcessors: string | null;
  entrusted: boolean;
  entrusteeAccess: string | null;
  securityMeasures: string[];
  noticeRequired: boolean | null;
  isPublic: boolean;
  exemptionReason: string | null;
  registeredOn: string | null;
  publishedOn: string | null;
  lastReviewedOn: string | null;
  nextReviewOn: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CatalogueItem {
  code: string;
  name: string;
  group?: string;
  article?: string;
  verify?: boolean;
  /** False while not confirmed against the official list: screens show UnconfirmedMark. */
  confirmed?: boolean;
  local?: boolean;
  /** A local entry the agency supplied as an official entry missing from the rule pack. */
  official?: boolean;
}

export type CatalogueListId =
  | "purposes"
  | "dataCategories"
  | "legalBases"
  | "provisionGrounds"
  | "outOfPurposeGrounds"
  | "sensitiveClasses"
  | "uniqueIdentifiers"
  | "entrustmentClauses"
  | "destructionMethods"
  | "retentionClasses"
  | "riskFactors"
  | "itemKinds"
  | "subjectCategories";

export interface Catalogues {
  jurisdiction: "KR" | "TW";
  lists: Partial<Record<CatalogueListId, CatalogueItem[]>>;
}

export interface Flow {
  id: string;
  version: number;
  direction: "in" | "out";
  counterpart: string;
  systemId: string | null;
  description: string | null;
}

export interface InfoSystem {
  id: string;
  version: number;
  name: string;
  operator: string | null;
  location: string | null;
  entrusted: boolean;
  description: string | null;
}

export interface Provision {
  id: string;
  version: number;
  fileId: string | null;
  recipient: string;
  legalGroundCode: string;
  legalGroundText: string | null;
  items: string[];
  purpose: string;
  retentionAtRecipient: string | null;
  method: string | null;
  frequency: string | null;
  kind: "routine" | "one_off";
  outOfPurpose: boolean;
  status: "active" | "pending" | "approved" | "rejected";
  requestedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  providedOn: string | null;
}

export interface OutOfPurposeLogRow {
  id: string;
  provisionId: string;
  fileId: string | null;
  fileName: string | null;
  recipient: string;
  groundCode: string;
  purpose: string;
  items: string[];
  kind: string;
  approvedBy: string | null;
  approvedAt: string | null;
  providedOn: string | null;
}

export interface Clause {
  code: string;
  status: "met" | "missing" | "na";
  note: string | null;
}

export interface Entrustment {
  id: string;
  version: number;
  seq: number;
  vendor: string;
  vendorContact: string | null;
  tasks: string;
  fileIds: string[];
  contractStart: string | null;
  contractEnd: string | null;
  isPublic: boolean;
  status: "active" | "terminated";
  clauses: Clause[];
  terminatedOn: string | null;
  returnConfirmed: boolean;
  deletionConfirmed: boolean;
  accessRevoked: boolean;
  terminationNote: string | null;
}

export interface CorrectiveAction {
  id: string;
  action: string;
  dueOn: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface Supervision {
  id: string;
  inspectedOn: string;
  inspector: string;
  findings: string;
  actions: CorrectiveAction[];
}

export interface Evidence {
  id: string;
  kind: "affidavit" | "return_confirmation" | "deletion_confirmation";
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export interface EntrustmentDetail extends Entrustment {
  supervisions: Supervision[];
  evidence: Evidence[];
}

export interface VendorStaff {
  id: string;
  version: number;
  name: string;
  role: string | null;
  accountName: string | null;
  joinedOn: string | null;
  departedOn: string | null;
  accountLockedAt: string | null;
  passwordsChangedAt: string | null;
}

export interface RiskAssessment {
  id: string;
  fileId: string;
  scores: Record<string, number>;
  mean: number;
  level: "low" | "medium" | "high";
  assessedOn: string;
  nextReviewOn: string | null;
  assessor: string | null;
  controls: string | null;
}

export interface FileDetail extends RegistryFile {
  flows?: unknown;
  provisions?: Provision[];
  entrustments?: Entrustment[];
  latestRisk?: RiskAssessment | null;
}

export interface HistoryChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  version: number;
  action: "create" | "update" | "delete";
  actorId: string | null;
  actorLabel: string | null;
  reason: string | null;
  at: string;
  changes: HistoryChange[];
}

export interface Device {
  id: string;
  version: number;
  name: string;
  location: string;
  purpose: string;
  count: number;
  recordingHours: string;
  retentionDays: number;
  managers: Array<{ name: string; unit?: string; phone?: string }>;
  unitId: string | null;
  installedOn: string | null;
  notes: string | null;
}

export interface CampaignProgress {
  total: number;
  confirmed: number;
  updated: number;
  pending: number;
}

export interface Campaign {
  id: string;
  title: string;
  dueOn: string;
  status: "open" | "closed";
  progress: CampaignProgress;
}

export interface CampaignItem {
  id: string;
  fileId: string;
  fileName: string;
  unitId: string | null;
  status: "pending" | "confirmed" | "updated";
  confirmedBy: string | null;
  confirmedAt: string | null;
  note: string | null;
}

export interface CampaignDetail extends Campaign {
  items: CampaignItem[];
  snapshot?: unknown;
}

/** Issue 11 item 8: how many dated things are past their date, per category. */
export interface OverdueCounts {
  fileReviews: number;
  riskReviews: number;
  contracts: number;
  correctiveActions: number;
  campaignItems: number;
  publication: number;
}

export interface Dashboard {
  /** The agency's own date (YYYY-MM-DD), for the "overdue by N days" badges. */
  today: string;
  overdueCounts: OverdueCounts;
  filesByUnit: Array<{ unitId: string; unitName: string; count: number }>;
  totals: { files: number; sensitive: number; uniqueIdentifier: number; entrusted: number; public: number };
  reviewsDue: Array<{ id: string; name: string; nextReviewOn: string }>;
  contractsExpiring: Array<{ id: string; vendor: string; contractEnd: string }>;
  overdueActions: Array<{ id: string; entrustmentId: string; vendor: string; action: string; dueOn: string }>;
  campaign: { id: string; title: string; dueOn: string; progress: CampaignProgress } | null;
  pendingApprovals: number;
  /** E10: latest risk assessment per active file whose next review has passed or is within 60 days. */
  riskReviewsDue: Array<{
    assessmentId: string;
    fileId: string;
    fileName: string;
    level: "low" | "medium" | "high";
    nextReviewOn: string;
    overdue: boolean;
  }>;
  /** B4: campaign items still pending after the campaign's due date, per unit. */
  campaignOverdue: Array<{
    campaignId: string;
    title: string;
    dueOn: string;
    unitId: string | null;
    unitName: string | null;
    pending: number;
    files: Array<{ id: string; name: string }>;
  }>;
}

export interface ImportError {
  row: number;
  field: string;
  column: string;
  code: string;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  imported: number;
  skipped: number;
  rows: number;
  errors: ImportError[];
}

export interface SubjectSearchResult {
  subjectRef: string;
  matchedKinds: string[];
  files: Array<{
    id: string;
    name: string;
    unitName: string;
    matchedItems: string[];
    subjectCategories: string[];
  }>;
}
