/** Shapes of the foundation API (docs/api.md). Kept here so every screen reads the same contract. */

export type Locale = "ko" | "zh-TW" | "en";
export const LOCALES: readonly Locale[] = ["ko", "zh-TW", "en"];

export type Role =
  | "system_admin"
  | "privacy_officer"
  | "privacy_manager"
  | "handler"
  | "auditor"
  | "petition_clerk"
  | "records_manager";
export const ROLES: readonly Role[] = [
  "system_admin",
  "privacy_officer",
  "privacy_manager",
  "handler",
  "auditor",
  "petition_clerk",
  "records_manager",
];

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  locale: Locale | null;
  mfaEnabled: boolean;
  roles: Array<{ role: Role; unitId: string | null }>;
}

export interface Agency {
  id: string;
  code: string;
  nameLocal: string;
  nameEn: string;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  defaultLocale: Locale;
  homepage?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  address?: string | null;
  mailFrom?: string | null;
  replyTo?: string | null;
  publicUrl?: string | null;
  /** Letters (issue 11 item 4): head of agency, appeal body, TW 發文字號 prefix word. */
  headTitle?: string | null;
  headName?: string | null;
  appealBody?: string | null;
  docNumberPrefix?: string | null;
}

export interface Session {
  user: SessionUser;
  agency: Agency;
  permissions: string[];
  csrfToken: string;
  mfaPassed: boolean;
  /** After an administrator's reset: the password must be changed before anything else. */
  mustChangePassword?: boolean;
}

export interface PublicAgency {
  code: string;
  nameLocal: string;
  nameEn: string;
  jurisdiction: "KR" | "TW";
}

export interface LoginResult {
  status: "ok" | "mfa_required" | "mfa_enrolment_required";
  csrfToken: string;
  mustChangePassword?: boolean;
}

export interface Unit {
  id: string;
  parentId: string | null;
  code: string;
  nameLocal: string;
  nameEn: string | null;
  headName: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  active: boolean;
  /** Issue 11: new cases of the unit go to this staff member. */
  defaultHandlerId?: string | null;
}

export interface RoleAssignment {
  id: string;
  role: Role;
  unitId: string | null;
}

export interface Staff {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  email: string | null;
  phone: string | null;
  position: string | null;
  status: "active" | "disabled";
  mfaEnabled: boolean;
  roles: RoleAssignment[];
}

export type CommitteeKind = "execution_group" | "security_audit_team" | "officers" | "other";
export const COMMITTEE_KINDS: readonly CommitteeKind[] = [
  "execution_group",
  "security_audit_team",
  "officers",
  "other",
];
export type MemberPosition = "convener" | "secretary" | "member" | "guest";
export const MEMBER_POSITIONS: readonly MemberPosition[] = ["convener", "secretary", "member", "guest"];

export interface CommitteeMember {
  id: string;
  staffId: string | null;
  externalName: string | null;
  unitId: string | null;
  position: MemberPosition;
  since: string | null;
  until: string | null;
  staffName?: string | null;
}

export interface Committee {
  id: string;
  kind: CommitteeKind;
  nameLocal: string;
  nameEn: string | null;
  mandate: string | null;
  members?: CommitteeMember[];
}

export interface RoleHistoryItem {
  id: string;
  staffId: string;
  username: string;
  role: Role;
  unitId: string | null;
  grantedBy: string | null;
  grantedAt: string;
  reason: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface LedgerItem {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string | null;
  clientIp: string | null;
  userAgent: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  subjectRef: string | null;
  purpose: string | null;
  result: "ok" | "denied" | "failed";
  details: Record<string, unknown> | null;
}

export interface LedgerPage {
  items: LedgerItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  checkpoints: number;
  firstBadSeq?: number | null;
  reason?: string | null;
}
