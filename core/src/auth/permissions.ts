/**
 * The one declarative permission table (role x action x resource). Every server route names one
 * of these keys (or "public" / "authenticated"); a test walks every route and every role and
 * compares the HTTP outcome with this table. The web app reads it to hide what a role cannot use.
 */
export const ROLES = [
  "system_admin",
  "privacy_officer",
  "privacy_manager",
  "handler",
  "auditor",
  "petition_clerk",
  "records_manager",
] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const OFFICERS: readonly Role[] = ["system_admin", "privacy_officer", "privacy_manager"];

export const PERMISSIONS = {
  "org.agency.read": ALL,
  "org.agency.update": ["system_admin", "privacy_officer"],
  "org.agencies.create": ["system_admin"],
  "org.units.read": ALL,
  "org.units.write": ["system_admin", "privacy_officer"],
  "org.staff.read": [...OFFICERS, "auditor"],
  "org.staff.write": ["system_admin"],
  "org.staff.reset_credentials": ["system_admin"],
  "org.roles.read": ["system_admin", "privacy_officer", "auditor"],
  "org.roles.grant": ["system_admin"],
  "org.committees.read": ALL,
  "org.committees.write": ["system_admin", "privacy_officer"],
  "audit.ledger.read": ["system_admin", "privacy_officer", "auditor"],
  "audit.ledger.export": ["privacy_officer", "auditor"],
  "audit.ledger.verify": ["system_admin", "privacy_officer", "auditor"],
  // Case engine and rights requests (issue 6). System administrators run the installation, not cases.
  "cases.read": ["privacy_officer", "privacy_manager", "handler", "auditor"],
  "cases.process": ["privacy_officer", "privacy_manager", "handler"],
  "cases.assign": ["privacy_officer", "privacy_manager"],
  "cases.decide": ["privacy_officer", "privacy_manager"],
  "cases.settings": ["system_admin", "privacy_officer"],
  // Partial disclosure by redaction and the public archive (issue 12 item 3).
  "cases.redact": ["privacy_officer", "privacy_manager", "handler"],
  "archive.manage": ["privacy_officer", "privacy_manager", "records_manager"],
  "archive.settings": ["system_admin", "privacy_officer"],
  "requests.read": ["privacy_officer", "privacy_manager", "handler", "auditor"],
  "requests.create": ["privacy_officer", "privacy_manager", "handler", "petition_clerk"],
  "requests.process": ["privacy_officer", "privacy_manager", "handler"],
  "requests.decide": ["privacy_officer", "privacy_manager"],
  "requests.stats": ["privacy_officer", "privacy_manager", "auditor"],
  // registry (module B, issue 5)
  "registry.read": ALL,
  "registry.write": ["privacy_officer", "privacy_manager", "handler"],
  "registry.delete": ["privacy_officer", "privacy_manager"],
  "registry.approve": ["privacy_officer"],
  "registry.import": ["privacy_officer", "privacy_manager"],
  "registry.export": ["privacy_officer", "privacy_manager", "auditor"],
  "registry.subject_search": ["privacy_officer", "privacy_manager", "handler", "petition_clerk"],
  "registry.campaign.manage": ["privacy_officer"],
  "registry.vendor_staff.read": ["privacy_officer", "privacy_manager", "auditor"],
  // end registry
  // letters (issue 6 item 4): case letters, template previews, the mail outbox
  "letters.read": ["privacy_officer", "privacy_manager", "handler", "auditor"],
  "letters.generate": ["privacy_officer", "privacy_manager", "handler"],
  "letters.preview": ["privacy_officer", "privacy_manager", "handler"],
  "letters.outbox.read": ["system_admin", "privacy_officer", "auditor"],
  "letters.outbox.resend": ["system_admin", "privacy_officer"],
  // end letters
  // pii (issue 7 items 5-7): document review, agency false positives, publication guard, register drift
  "pii.documents": ["privacy_officer", "privacy_manager", "handler", "records_manager"],
  "pii.false_positive": ["privacy_officer", "privacy_manager"],
  "pii.purge": ["system_admin", "privacy_officer"],
  "pii.guard.read": ["privacy_officer", "privacy_manager", "auditor"],
  "pii.guard.override": ["privacy_officer"],
  "pii.drift": ["privacy_officer", "privacy_manager"],
  // end pii
  // calendar (issue 6 items 1, 6): agency calendar overrides, office hours, counting-rule overrides
  "calendar.read": ALL,
  "calendar.write": ["system_admin", "privacy_officer"],
  // end calendar
  // system (issue 10): operator work on the running installation (online backup and ledger check).
  // No session role: a backup holds every agency of the installation, so only the local operator
  // (the CLI's per-start token on the server's own machine, server/src/modules/system) may call these.
  "system.backup": [],
  "system.ledger.verify": [],
  // end system
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
/** Who may call a route: a permission, any signed-in staff member, or anyone. */
export type Access = Permission | "authenticated" | "public";

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function can(roles: Iterable<Role>, permission: Permission): boolean {
  const allowed = PERMISSIONS[permission] as readonly Role[];
  for (const r of roles) if (allowed.includes(r)) return true;
  return false;
}

export function permissionsOf(roles: Iterable<Role>): Permission[] {
  const set = new Set(roles);
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).some((r) => set.has(r)),
  );
}

/** Roles that must use a second factor (issue 4: system_admin, privacy_officer, privacy_manager). */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["system_admin", "privacy_officer", "privacy_manager"];
