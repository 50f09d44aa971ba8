// Every ledger action the server writes, with its phrase in ko / zh-TW / en (issue 11 item 5): auditors
// read "개인정보파일 등록", not "registry.file.create". Route actions come from the route table (each
// route's `audit` declaration); the others are listed here. action-catalogue.test.ts fails when any
// action has no phrase in one of the three languages, or when a new literal action is neither a
// route's nor in NON_ROUTE_ACTIONS.
import { CASE_EVENTS } from "@civicpims/core/cases/index";
import { CASE_KINDS } from "../../db/schema";
import { routeTable } from "../../http/route";
import type { Locale } from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";
import "./messages";

/** Actions appended outside a route's `audit` declaration: in handlers, sign-in, jobs, the CLI, the seed. */
export const NON_ROUTE_ACTIONS: readonly string[] = [
  // Written by the petitions service inside the route's transaction.
  "petitions.guardian.assign",
  "petitions.guardian.release",
  "petitions.link.create",
  "petitions.link.delete",
  "petitions.transfer_unit",
  "audit.ledger.export",
  "incidents.escalation.sent",
  "incidents.evidence.download",
  "incidents.report.download",
  "incidents.letter.download",
  "incidents.scope.export",
  // Page images of a document under redaction (raw route, written in its handler).
  "cases.redaction.view",
  "auth.csrf_rejected",
  "auth.locked",
  "auth.login",
  "auth.login_failed",
  "auth.logout_all",
  "auth.mfa_enrol_started",
  "auth.mfa_enrolled",
  "auth.mfa_failed",
  "auth.mfa_reset",
  "auth.mfa_verified",
  "auth.oidc_linked",
  "auth.oidc_unlinked",
  "auth.password_change_failed",
  "auth.password_changed",
  "auth.password_reset",
  "auth.permission_denied",
  "auth.rate_limited",
  "cases.attachment.read",
  "cases.due_moved_by_calendar",
  "cases.reminder.queue",
  "letters.letter.download",
  "org.staff.disable",
  "pii.document.download",
  "pii.document.purge",
  "pii.guard.blocked",
  "portal.access.failed",
  "portal.attachment.create",
  "portal.code.failed",
  "portal.code.resend",
  "portal.file.download",
  "portal.letter.download",
  "portal.request.submit",
  "portal.status.read",
  "portal.survey.submit",
  "portal.submission.create",
  "registry.evidence.download",
  "registry.export",
  "requests.decision",
  "disclosure.third_party.notify",
  "disclosure.third_party.opinion",
  "disclosure.decision",
  "disclosure.objection.record",
  "retention.destroy",
  "retention.plan.draft",
  "requests.delivery.assemble",
  "requests.delivery.release",
  "requests.delivery.withdraw",
  "requests.identity.record",
  "requests.items.update",
  "system.demo_seed",
  // Built from data in case.service.ts: one per case kind and per state-machine event.
  ...CASE_KINDS.map((k) => `cases.${k}.create`),
  ...CASE_EVENTS.map((e) => `cases.transition.${e}`),
];

/** Every action: declared by a route (once the app is built) or listed above; sorted, unique. */
export function knownActions(): string[] {
  const fromRoutes = routeTable.map((r) => r.auditAction).filter((a): a is string => !!a);
  return [...new Set([...fromRoutes, ...NON_ROUTE_ACTIONS])].sort();
}

const PHRASES: Record<Locale, Record<string, string>> = {
  ko: ko.auditActions,
  "zh-TW": zhTW.auditActions,
  en: en.auditActions,
};

export const phraseKey = (action: string) => action.replaceAll(".", "_");

/** The action's phrase in the locale, or null when it has none (the list then shows the code). */
export function actionPhrase(locale: Locale, action: string): string | null {
  return PHRASES[locale][phraseKey(action)] ?? null;
}

/** The actions for the filter select, by phrase in the reader's language. */
export function actionOptions(locale: Locale): Array<{ action: string; label: string }> {
  return knownActions()
    .map((action) => ({ action, label: actionPhrase(locale, action) ?? action }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
