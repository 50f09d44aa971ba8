/**
 * Navigation per module (module names as in core and server). An item shows only when the
 * session's permissions allow it; modules not built yet are listed as "coming".
 */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  permission?: string;
}
export interface NavGroup {
  module: string;
  label: string;
  items: NavItem[];
}

export const NAV: NavGroup[] = [
  { module: "shell", label: "nav.home", items: [{ to: "/", label: "nav.dashboard" }] },
  {
    module: "org",
    label: "nav.org",
    items: [
      { to: "/org/agency", label: "nav.agency", permission: "org.agency.read" },
      { to: "/org/units", label: "nav.units", permission: "org.units.read" },
      { to: "/org/staff", label: "nav.staff", permission: "org.staff.read" },
      { to: "/org/committees", label: "nav.committees", permission: "org.committees.read" },
      { to: "/org/role-history", label: "nav.roleHistory", permission: "org.roles.read" },
      { to: "/civil/roster", label: "civil.nav.roster", permission: "civil.roster.read" },
      { to: "/org/jobs", label: "jobs.nav.jobs", permission: "jobs.read" },
    ],
  },
  {
    module: "audit",
    label: "nav.audit",
    items: [{ to: "/audit/ledger", label: "nav.ledger", permission: "audit.ledger.read" }],
  },
  {
    module: "registry",
    label: "modules.registry",
    items: [
      { to: "/registry/files", label: "registry.nav.files", permission: "registry.read" },
      { to: "/registry/dashboard", label: "registry.nav.dashboard", permission: "registry.read" },
      { to: "/registry/entrustments", label: "registry.nav.entrustments", permission: "registry.read" },
      { to: "/registry/provisions", label: "registry.nav.provisions", permission: "registry.read" },
      { to: "/registry/systems", label: "registry.nav.systems", permission: "registry.read" },
      { to: "/registry/devices", label: "registry.nav.devices", permission: "registry.read" },
      { to: "/registry/campaigns", label: "registry.nav.campaigns", permission: "registry.read" },
      { to: "/registry/xlsx", label: "registry.nav.xlsx", permission: "registry.read" },
      {
        to: "/registry/subject-search",
        label: "registry.nav.subjectSearch",
        permission: "registry.subject_search",
      },
    ],
  },
  {
    module: "letters",
    label: "letters.nav.group",
    items: [
      { to: "/letters/templates", label: "letters.nav.preview", permission: "letters.preview" },
      { to: "/letters/outbox", label: "letters.nav.outbox", permission: "letters.outbox.read" },
    ],
  },
  {
    module: "pii",
    label: "pii.nav.group",
    items: [
      { to: "/pii/documents", label: "pii.nav.documents", permission: "pii.documents" },
      { to: "/pii/guard", label: "pii.nav.guard", permission: "pii.guard.read" },
      { to: "/pii/drift", label: "pii.nav.drift", permission: "pii.drift" },
    ],
  },
  {
    module: "requests",
    label: "requests.nav.group",
    items: [
      { to: "/requests/list", label: "requests.nav.list", permission: "requests.read" },
      { to: "/requests/new", label: "requests.nav.new", permission: "requests.create" },
      { to: "/requests/overdue", label: "requests.nav.overdue", permission: "cases.read" },
      { to: "/requests/stats", label: "requests.nav.stats", permission: "requests.stats" },
    ],
  },
  {
    module: "petitions",
    label: "petitions.nav.group",
    items: [
      { to: "/petitions/list", label: "petitions.nav.list", permission: "petitions.read" },
      { to: "/petitions/new", label: "petitions.nav.new", permission: "petitions.create" },
      { to: "/petitions/types", label: "petitions.nav.types", permission: "petitions.read" },
    ],
  },
  {
    module: "disclosure",
    label: "disclosure.nav.group",
    items: [
      { to: "/disclosure/list", label: "disclosure.nav.list", permission: "disclosure.read" },
      { to: "/disclosure/new", label: "disclosure.nav.new", permission: "disclosure.create" },
      { to: "/disclosure/archive", label: "disclosure.nav.archive", permission: "archive.manage" },
    ],
  },
  {
    module: "records",
    label: "records.nav.group",
    items: [
      { to: "/records/list", label: "records.nav.list", permission: "records.read" },
      { to: "/records/series", label: "records.nav.series", permission: "records.read" },
      { to: "/records/transfers", label: "records.nav.transfers", permission: "records.read" },
      { to: "/records/transfers/history", label: "records.nav.transferHistory", permission: "records.read" },
      { to: "/records/reviews", label: "records.nav.reviews", permission: "records.read" },
      { to: "/records/inventory", label: "records.nav.inventory", permission: "records.inventory" },
      { to: "/records/holdings", label: "records.nav.holdings", permission: "records.stats" },
      { to: "/records/settings", label: "records.nav.settings", permission: "records.read" },
    ],
  },
  {
    // Retention and destruction (issue 13; D1-D8): plans, rules, certificates, holds.
    module: "retention",
    label: "modules.retention",
    items: [{ to: "/retention", label: "retention.nav", permission: "retention.read" }],
  },
  {
    // Accountability (issue 14): access-log reviews and training; inspections join this group.
    module: "accountability",
    label: "training.nav.group",
    items: [
      {
        to: "/accountability/log-review",
        label: "logReview.nav",
        permission: "accountability.logreview.read",
      },
      { to: "/training", label: "training.nav.training", permission: "training.read" },
    ],
  },
  {
    // Civil affairs beside the petitions (issue 12): compensation and family-register filings.
    module: "civil",
    label: "civil.nav.group",
    items: [
      { to: "/civil/compensation", label: "civil.nav.compensation", permission: "civil.compensation.read" },
      {
        to: "/civil/compensation/analysis",
        label: "civil.nav.analysis",
        permission: "civil.compensation.stats",
      },
      {
        to: "/civil/family-register",
        label: "civil.nav.familyRegister",
        permission: "civil.family_register.read",
      },
      { to: "/petitions/surveys", label: "civil.nav.surveys", permission: "petitions.surveys.read" },
    ],
  },
  {
    module: "calendar",
    label: "calendar.nav.group",
    items: [
      { to: "/calendar/year", label: "calendar.nav.year", permission: "calendar.read" },
      { to: "/calendar/entries", label: "calendar.nav.entries", permission: "calendar.read" },
      { to: "/calendar/settings", label: "calendar.nav.settings", permission: "calendar.read" },
      { to: "/calendar/what-if", label: "calendar.nav.whatIf", permission: "calendar.read" },
    ],
  },
  {
    module: "incidents",
    label: "incidents.title",
    items: [
      { to: "/incidents", label: "incidents.title", permission: "incidents.read" },
      { to: "/incidents/new", label: "incidents.new", permission: "incidents.report" },
    ],
  },
  {
    module: "statistics",
    label: "statistics.nav.group",
    items: [{ to: "/statistics", label: "statistics.nav.tables", permission: "statistics.read" }],
  },
];

/** Later modules, shown disabled so staff see where the product is going. */
export const COMING_MODULES = ["policy"];

export function visibleNav(can: (p: string) => boolean): NavGroup[] {
  return NAV.map((g) => ({ ...g, items: g.items.filter((i) => !i.permission || can(i.permission)) })).filter(
    (g) => g.items.length > 0,
  );
}
