import type { Role } from "@civicpims/core/auth/index";

/**
 * The independent expectation for core/src/auth/permissions.ts, written by hand from the seeds'
 * role descriptions (REQUIREMENTS.md section A / E), NOT derived from PERMISSIONS: a wrong entry in
 * the enforced table (say, the auditor gaining `registry.write`) must disagree with this grid.
 * Changing who may do what therefore takes two deliberate edits, and the reason goes here.
 *
 * Columns (one per role, in this order):
 *   SA system_admin     runs the installation: accounts, roles, units, calendar, mail delivery; not
 *                       cases or personal-data content (E2: access rights are granted by someone
 *                       who does not use them).
 *   PO privacy_officer  개인정보 보호책임자 (A3): accountable for all processing, complaints and relief;
 *                       the only one who approves register entries and overrides guards.
 *   PM privacy_manager  개인정보보호담당자 / 指定專人 (A4, A7): runs the daily privacy work; decides
 *                       requests, imports the register; no approvals reserved to the officer.
 *   HD handler          개인정보취급자 (A12): processes rights requests and keeps register entries
 *                       of the unit, kept to the minimum (no decisions, no exports, no settings).
 *   AU auditor          資安稽核小組 / 自行查核 (A14, E3, E7): reads and exports evidence and access
 *                       logs, verifies the ledger; never changes anything.
 *   PC petition_clerk   열람청구 접수 부서 / 민원 접수 (A6, A17): receives requests and finds which
 *                       files hold a subject's data to route them; does not process cases.
 *   RM records_manager  기록물관리 전담부서 (A17, J): reviews documents for disclosure (PII engine).
 *
 * "x" = allowed, "-" = refused.
 */
export const EXPECTED_COLUMNS: readonly Role[] = [
  "system_admin",
  "privacy_officer",
  "privacy_manager",
  "handler",
  "auditor",
  "petition_clerk",
  "records_manager",
];

// biome-ignore format: the grid is read column by column
export const EXPECTED_GRID: Record<string, string> = {
  //                             SA PO PM HD AU PC RM
  // A1: the agency profile is shown to every staff member; A3: the officer keeps it current.
  "org.agency.read":            "x  x  x  x  x  x  x",
  "org.agency.update":          "x  x  -  -  -  -  -",
  // Creating another agency is an installation task.
  "org.agencies.create":        "x  -  -  -  -  -  -",
  // A2: the unit tree is everybody's reference; the administrator and the officer maintain it.
  "org.units.read":             "x  x  x  x  x  x  x",
  "org.units.write":            "x  x  -  -  -  -  -",
  // A4/A8/A12: staff list with contacts is for the officers and the auditors (roster check), not
  // for every handler (minimum access, A12).
  "org.staff.read":             "x  x  x  -  x  -  -",
  // E2: granting, changing and revoking access is the administrator's job alone.
  "org.staff.write":            "x  -  -  -  -  -  -",
  "org.staff.reset_credentials":"x  -  -  -  -  -  -",
  // E2/E3: who holds which role (and its history) is read by the officer and the auditors.
  // Note: privacy_manager is refused although A8 (roster of designated staff) is kept by the
  // contact window; left as is (defensible: the staff list already names them), flagged in review.
  "org.roles.read":             "x  x  -  -  x  -  -",
  "org.roles.grant":            "x  -  -  -  -  -  -",
  // A10/A11: the execution group and its members are public inside the agency.
  "org.committees.read":        "x  x  x  x  x  x  x",
  "org.committees.write":       "x  x  -  -  -  -  -",
  // E3: access logs are read by those who check them (officer, auditors) and the operator who
  // keeps them from loss; export leaves the system, so only the officer and the auditors.
  "audit.ledger.read":          "x  x  -  -  x  -  -",
  "audit.ledger.export":        "-  x  -  -  x  -  -",
  "audit.ledger.verify":        "x  x  -  -  x  -  -",
  // E3/E11: the monthly access-log review is the officer's and the auditors' check on everyone,
  // the system administrator included, whose own accounts it reviews; so not theirs to read or sign.
  "accountability.logreview.read":    "-  x  -  -  x  -  -",
  "accountability.logreview.signoff": "-  x  -  -  x  -  -",
  // E4/E14: a backup or check of the running installation spans every agency on it: it is the
  // local operator's job (CLI token on the server's own machine), never a session role's, not even
  // one agency's system administrator (A1: agencies never see each other's data).
  "system.backup":              "-  -  -  -  -  -  -",
  "system.ledger.verify":       "-  -  -  -  -  -  -",
  // Issue 13: the scheduler's run history is names, times, counts and error classes of installation
  // work, no agency's data: the system administrator (who runs mail delivery) watches it and may run a
  // job now (it only brings forward what the schedule does anyway). Officers and auditors see the
  // results in the ledger and the outbox; nobody else needs the machinery.
  "jobs.read":                  "x  -  -  -  -  -  -",
  "jobs.run":                   "x  -  -  -  -  -  -",
  // C: rights requests run on the case engine: officers and handlers process, officers decide
  // and assign (A3 accountability), auditors read (E7, E9 evidence). The administrator runs
  // the installation, not cases; the petition clerk only receives (A6).
  "cases.read":                 "-  x  x  x  x  -  -",
  "cases.process":              "-  x  x  x  -  -  -",
  "cases.assign":               "-  x  x  -  -  -  -",
  "cases.decide":               "-  x  x  -  -  -  -",
  // Reminder settings are an installation setting the officer also owns.
  "cases.settings":             "x  x  -  -  -  -  -",
  // J1: the staff who handle a disclosure mark and release its redactions; auditors read, never release.
  "cases.redact":               "-  x  x  x  -  -  -",
  // J1: publishing to the public archive: disclosure staff and the records manager who keeps the archive;
  // handlers release files but publishing is a second pair of eyes.
  "archive.manage":             "-  x  x  -  -  -  x",
  // The agency's opt-in to a public archive is an officer's (or the installation's) decision.
  "archive.settings":           "x  x  -  -  -  -  -",
  "requests.read":              "-  x  x  x  x  -  -",
  // A6/A17: the reception desk (petition clerk) registers requests it receives.
  "requests.create":            "-  x  x  x  -  x  -",
  "requests.process":           "-  x  x  x  -  -  -",
  "requests.decide":            "-  x  x  -  -  -  -",
  // K6-style statistics: the officers and the auditors.
  "requests.stats":             "-  x  x  -  x  -  -",
  // K2-K7, K9: the civil-affairs chapter's tables are compiled by the petition desk (민원실, seed 003 I) and
  // the records unit (기록물관리 전담부서, seed 003 II: K5), read by the officers and checked by the auditors.
  // Counts of codes only (no personal data), yet not for every handler (A12: what the job needs).
  "statistics.read":            "-  x  x  -  x  x  x",
  // I6 resident surveys: scores only; the petition desk that receives petitions reads how it is rated,
  // the officers and auditors too; the system administrator and handlers do not need them.
  "petitions.surveys.read":     "-  x  x  -  x  x  -",
  // I1-I5: the reception desk (petition clerk) takes petitions in and reads them; handlers work them;
  // officers answer, transfer to another agency and name a guardian (I5); auditors read.
  "petitions.read":             "-  x  x  x  x  x  -",
  "petitions.create":           "-  x  x  x  -  x  -",
  "petitions.process":          "-  x  x  x  -  -  -",
  "petitions.decide":           "-  x  x  -  -  -  -",
  "petitions.guardian":         "-  x  x  -  -  -  -",
  // The catalogue of petition types and periods is agency configuration.
  "petitions.types":            "x  x  -  -  -  -  -",
  // J1/J4: a disclosure request is read by everyone who handles or audits it; the petition desk and the records
  // manager receive it; handlers and the records manager prepare it (third parties, files); the decision with
  // its grounds is the privacy officer's or manager's (it is a disposition with remedies).
  "disclosure.read":            "-  x  x  x  x  x  x",
  "disclosure.create":          "-  x  x  x  -  x  x",
  "disclosure.process":         "-  x  x  x  -  -  x",
  "disclosure.decide":          "-  x  x  -  -  -  -",
  // B: the register describes files, not people; every staff member may read it (B is published).
  "registry.read":              "x  x  x  x  x  x  x",
  // B/A12: the people who process the files keep their entries; NEVER the auditor (E7 read-only).
  "registry.write":             "-  x  x  x  -  -  -",
  "registry.delete":            "-  x  x  -  -  -  -",
  // A3/A16: approval of a file is the accountable officer's.
  "registry.approve":           "-  x  -  -  -  -  -",
  "registry.import":            "-  x  x  -  -  -  -",
  // K1: the register leaves the system for inspections: officers and auditors.
  "registry.export":            "-  x  x  -  x  -  -",
  // C: to route a request, staff who receive or process it find the files holding the subject.
  "registry.subject_search":    "-  x  x  x  -  x  -",
  // A8/K1: the yearly inventory campaign is run by the officer.
  "registry.campaign.manage":   "-  x  -  -  -  -  -",
  // A15/E12: vendor staff lists are personal data of the vendor's people: officers and auditors.
  "registry.vendor_staff.read": "-  x  x  -  x  -  -",
  // C: letters belong to cases: read by who reads cases, made by who processes them.
  "letters.read":               "-  x  x  x  x  -  -",
  "letters.generate":           "-  x  x  x  -  -  -",
  "letters.preview":            "-  x  x  x  -  -  -",
  // Mail delivery is operated by the administrator; the officer and auditors check what was sent.
  "letters.outbox.read":        "x  x  -  -  x  -  -",
  "letters.outbox.resend":      "x  x  -  -  -  -  -",
  // J/A17: documents reviewed before disclosure: the records unit and the privacy staff.
  // records (J2, J3, J5, K5, A17). The register of records is office data every case role reads
  // (J3: records searchable for disclosure requests, so the petition clerk too); the administrator runs
  // the installation, not its records.
  "records.read":               "-  x  x  x  x  x  x",
  // Units register their own records (handler); the records unit keeps the register (A17).
  "records.write":              "-  -  -  x  -  -  x",
  // J5: expiry review is drafted by the unit or the records unit, approved by the records unit only,
  // and never by the one who proposed it (checked per case).
  "records.review.propose":     "-  -  -  x  -  -  x",
  "records.review.approve":     "-  -  -  -  -  -  x",
  // J3: the full survey of holdings (전수조사) is the records unit's work.
  "records.inventory":          "-  -  -  -  -  -  x",
  // A17: naming the records unit and the transfer policy: the administrator (organisation) or the unit.
  "records.settings":           "x  -  -  -  -  -  x",
  // K5: holdings statistics for the records unit, the officer (reports) and the auditors.
  "records.stats":              "-  x  -  -  x  -  x",
  // D1-D8 (issue 13). Retention plans, certificates and holds: the officer, the manager, the records unit
  // (records destruction) and the auditors read; no case content is shown.
  "retention.read":             "-  x  x  -  x  -  x",
  // D1: the retention schedule of the files is the privacy office's work.
  "retention.rules":            "-  x  x  -  -  -  -",
  // D2/D4: plans are put forward and executed by the privacy office or the records unit ...
  "retention.manage":           "-  x  x  -  -  -  x",
  "retention.execute":          "-  x  x  -  -  -  x",
  // D4: ... under the privacy officer's responsibility: only the officer approves (never the requester).
  "retention.approve":          "-  x  -  -  -  -  -",
  // D3: legal holds and separate storage are the officer's decision.
  "retention.holds":            "-  x  -  -  -  -  -",
  "pii.documents":              "-  x  x  x  -  -  x",
  "pii.false_positive":         "-  x  x  -  -  -  -",
  // D: purging review documents is retention housekeeping (operator) under the officer.
  "pii.purge":                  "x  x  -  -  -  -  -",
  "pii.guard.read":             "-  x  x  -  x  -  -",
  "pii.guard.override":         "-  x  -  -  -  -  -",
  "pii.drift":                  "-  x  x  -  -  -  -",
  // I4: compensation claims are recorded where the error is found (counter, handlers, officers); the
  // auditors read them; I4 four eyes: only the officer and the manager approve and record payment (and
  // the recorder can never approve their own claim, checked in the route). K9: the analysis is
  // de-identified, so the counter may read it too; the administrator runs the system, not claims.
  // Recording also lets the recorder find a case by receipt number (the form's picker: numbers, kinds
  // and states only), which is why the counter, who has no cases.read, can link a claim to its case.
  "civil.compensation.read":    "-  x  x  x  x  x  -",
  "civil.compensation.record":  "-  x  x  x  -  x  -",
  "civil.compensation.approve": "-  x  x  -  -  -  -",
  "civil.compensation.stats":   "-  x  x  -  x  x  -",
  // A17/I5: who is guardian, monitor, guide helper or the records unit is everybody's reference (the
  // guardian picker of petitions reads it); the civil-affairs office (petition clerk) keeps its roster,
  // the administrator and the officer as for the unit tree. Residents' names are masked on reads.
  "civil.roster.read":          "x  x  x  x  x  x  x",
  "civil.roster.write":         "x  x  -  -  -  x  -",
  // I7/K7: family-register filings are a counter task (호적 제신고 at the civil-affairs office); the
  // officers and auditors read the log and the report; handlers of privacy cases have no business here.
  "civil.family_register.read": "-  x  x  -  x  x  -",
  "civil.family_register.write":"-  -  -  -  -  x  -",
  // E12/E13/K8: the privacy officer and manager plan and record training (seed 000 제7조2: the officer
  // trains the handlers; 004 九(四): designated staff keep the lists); the audit team (A14, E7) checks the
  // records; attendance names vendor staff, so handlers, clerks and the administrator do not read it.
  "training.read":              "-  x  x  -  x  -  -",
  "training.write":             "-  x  x  -  -  -  -",
  // F3/A13: every staff member who learns of an incident reports it within 4 hours and must see whom
  // to call (the contact roster); the officer and manager run the response, notices and the regulator
  // report (A3, A4); the security audit team (A14, auditor) reads incidents and, like the officer, the
  // ledger-based scope (who read the files: E3 ledger readers); the administrator keeps the roster.
  "incidents.read":             "-  x  x  -  x  -  -",
  "incidents.report":           "x  x  x  x  x  x  x",
  "incidents.manage":           "-  x  x  -  -  -  -",
  "incidents.notify":           "-  x  x  -  -  -  -",
  "incidents.scope":            "-  x  -  -  x  -  -",
  "incidents.contacts.write":   "x  x  -  -  -  -  -",
  // C7: the calendar drives every deadline, so everyone reads it; the operator and officer set it.
  "calendar.read":              "x  x  x  x  x  x  x",
  "calendar.write":             "x  x  -  -  -  -  -",
};

/** Roles the grid allows for a permission, or undefined when the grid has no row for it. */
export function expectedRoles(permission: string): Role[] | undefined {
  const row = EXPECTED_GRID[permission];
  if (row === undefined) return undefined;
  const cells = row.trim().split(/\s+/);
  if (cells.length !== EXPECTED_COLUMNS.length || cells.some((c) => c !== "x" && c !== "-"))
    throw new Error(`malformed expected row for ${permission}: "${row}"`);
  return EXPECTED_COLUMNS.filter((_, i) => cells[i] === "x");
}
