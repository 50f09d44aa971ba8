// The citizen's status page in plain words (issue 11 item 6): one sentence per state saying what
// happens next and by when, with the due date written as the law counts it (shared formatter).
import { formatDue, type Translate } from "../../cases/due-format";

export interface ProgressForNext {
  state: string;
  outcome: string | null;
  dueAt: string;
  dueUnit?: "days" | "hours";
  requesterDeadline: string | null;
  requestedItem?: string | null;
  extended?: boolean;
  extensionReason?: string | null;
  transferredTo?: string | null;
}

/** Sentences for "what happens next", in the reader's language; no codes, no ISO timestamps. */
export function nextStepSentences(
  p: ProgressForNext,
  t: Translate,
  locale: string,
  timeZone: string,
  now?: number,
): string[] {
  const k = (key: string, o?: Record<string, unknown>) => t(`portalRequests.status.next.${key}`, o);
  const due = formatDue(p.dueAt, p.dueUnit ?? "days", t, locale, timeZone, { now });
  const outcome = p.outcome ? k(`outcome.${p.outcome}`) : "";
  switch (p.state) {
    case "received":
    case "identity_check":
    case "in_review":
      if (p.extended) return extended(p, k, due);
      return [k(p.state, { due })];
    case "extended":
      return extended(p, k, due);
    case "waiting_requester": {
      const out = [k("waiting_requester")];
      if (p.requestedItem) out.push(k("waiting_item", { item: p.requestedItem }));
      if (p.requesterDeadline)
        out.push(
          k("waiting_by", { deadline: formatDue(p.requesterDeadline, "days", t, locale, timeZone, { now }) }),
        );
      return out;
    }
    case "decided":
    case "notified":
      return [k(p.state, { outcome })];
    case "closed":
    case "withdrawn":
      return [k(p.state)];
    case "transferred":
      return [p.transferredTo ? k("transferred", { to: p.transferredTo }) : k("transferred_unknown")];
    default:
      return [];
  }
}

function extended(p: ProgressForNext, k: (key: string, o?: Record<string, unknown>) => string, due: string) {
  const out = [k("extended", { due })];
  if (p.extensionReason) out.push(k("extended_reason", { reason: p.extensionReason }));
  return out;
}
