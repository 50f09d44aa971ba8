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
  // Monthly access-log review (E3, E11): read and signed off by those who check the logs.
  "accountability.logreview.read": ["privacy_officer", "auditor"],
  "accountability.logreview.signoff": ["privacy_officer", "auditor"],
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
  // petitions (issue 12 item 1): intake by the reception desk, handling by handlers, answers by officers.
  "petitions.read": ["privacy_officer", "privacy_manager", "handler", "auditor", "petition_clerk"],
  "petitions.create": ["privacy_officer", "privacy_manager", "handler", "petition_clerk"],
  "petitions.process": ["privacy_officer", "privacy_manager", "handler"],
  "petitions.decide": ["privacy_officer", "privacy_manager"],
  "petitions.guardian": ["privacy_officer", "privacy_manager"],
  "petitions.types": ["system_admin", "privacy_officer"],
  // end petitions
  // Information disclosure (J1, J4): clerks receive, handlers and the records manager prepare, managers decide.
  "disclosure.read": [
    "privacy_officer",
    "privacy_manager",
    "handler",
    "auditor",
    "petition_clerk",
    "records_manager",
  ],
  "disclosure.create": ["privacy_officer", "privacy_manager", "handler", "petition_clerk", "records_manager"],
  "disclosure.process": ["privacy_officer", "privacy_manager", "handler", "records_manager"],
  "disclosure.decide": ["privacy_officer", "privacy_manager"],
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
  // records (issue 12 item 4; J2, J3, J5, K5, A17): records schedule, transfers, expiry reviews, inventory
  "records.read": [
    "privacy_officer",
    "privacy_manager",
    "handler",
    "auditor",
    "petition_clerk",
    "records_manager",
  ],
  "records.write": ["handler", "records_manager"],
  "records.review.propose": ["handler", "records_manager"],
  "records.review.approve": ["records_manager"],
  "records.inventory": ["records_manager"],
  "records.settings": ["system_admin", "records_manager"],
  "records.stats": ["privacy_officer", "auditor", "records_manager"],
  // end records
  // retention and destruction (issue 13; D1-D8): rules, the sweep's plans, approval by the privacy officer (D4),
  // execution, holds and separate storage (D3)
  "retention.read": ["privacy_officer", "privacy_manager", "auditor", "records_manager"],
  "retention.rules": ["privacy_officer", "privacy_manager"],
  "retention.manage": ["privacy_officer", "privacy_manager", "records_manager"],
  "retention.approve": ["privacy_officer"],
  "retention.execute": ["privacy_officer", "privacy_manager", "records_manager"],
  "retention.holds": ["privacy_officer"],
  // end retention
  // civil (issue 12): administrative-error compensation (I4, K9), the civil-affairs roster (A17, I5) and
  // family-register filings (I7, K7)
  "civil.compensation.read": ["privacy_officer", "privacy_manager", "handler", "auditor", "petition_clerk"],
  "civil.compensation.record": ["privacy_officer", "privacy_manager", "handler", "petition_clerk"],
  "civil.compensation.approve": ["privacy_officer", "privacy_manager"],
  "civil.compensation.stats": ["privacy_officer", "privacy_manager", "auditor", "petition_clerk"],
  "civil.roster.read": ALL,
  "civil.roster.write": ["system_admin", "privacy_officer", "petition_clerk"],
  "civil.family_register.read": ["privacy_officer", "privacy_manager", "auditor", "petition_clerk"],
  "civil.family_register.write": ["petition_clerk"],
  // end civil
  // training (issue 14, E12, E13, K8): plans, sessions, attendance, acknowledgements of the directions
  "training.read": ["privacy_officer", "privacy_manager", "auditor"],
  "training.write": ["privacy_officer", "privacy_manager"],
  // end training
  // portal surveys (issue 12 item 1, I6): resident satisfaction results, scores only (no comment, no person)
  "petitions.surveys.read": ["privacy_officer", "privacy_manager", "auditor", "petition_clerk"],
  // end portal surveys
  // system (issue 10): operator work on the running installation (online backup and ledger check).
  // No session role: a backup holds every agency of the installation, so only the local operator
  // (the CLI's per-start token on the server's own machine, server/src/modules/system) may call these.
  "system.backup": [],
  "system.ledger.verify": [],
  // Scheduled jobs (issue 13): installation-wide, but their state holds no agency data (names, times,
  // counts, error classes), so the agency's system administrator, who runs mail delivery, sees them and
  // may bring a run forward; the local operator may too (/api/system/* answers its token).
  "jobs.read": ["system_admin"],
  "jobs.run": ["system_admin"],
  // end system
  // statistics (issue 12 item 5): the civil-affairs chapter's published tables (K2-K7, K9), aggregate counts only
  "statistics.read": ["privacy_officer", "privacy_manager", "auditor", "petition_clerk", "records_manager"],
  // end statistics
  // incidents (issue 13, F1-F6, A13, A14): anyone who learns of an incident must report it (F3, 4 hours);
  // the officer and the manager run the response; the ledger-based scope is for ledger readers.
  "incidents.read": ["privacy_officer", "privacy_manager", "auditor"],
  "incidents.report": ALL,
  "incidents.manage": ["privacy_officer", "privacy_manager"],
  "incidents.notify": ["privacy_officer", "privacy_manager"],
  "incidents.scope": ["privacy_officer", "auditor"],
  "incidents.contacts.write": ["system_admin", "privacy_officer"],
  // end incidents
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
