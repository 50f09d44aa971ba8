import type { ItemDecision } from "@civicpims/core/cases/index";
import type { RequestPersonalData } from "../../db/schema";
import type { LetterKind } from "../cases/comms";

type J = "KR" | "TW";
const TW_ACCESS = new Set(["query", "inspection", "copy", "transcription"]);

/** Which letter template a decision uses (letters module kinds, per rule pack). */
export function decisionLetterKind(j: J, requestKind: string, outcome: ItemDecision): LetterKind {
  if (j === "KR") {
    if (requestKind === "access")
      return outcome === "refused" || outcome === "deferred"
        ? "pipa_access_deferral_refusal"
        : "pipa_access_decision";
    if (requestKind === "suspension") return "pipa_suspension_result";
    return "pipa_correction_result";
  }
  if (outcome === "refused") return "tw_refusal";
  return TW_ACCESS.has(requestKind) ? "tw_access_decision" : "tw_correction_result";
}

export const extensionLetterKind = (j: J): LetterKind =>
  j === "KR" ? "extension_notice" : "tw_extension_notice";
/** The completion notice (C6): TW 限期補正, KR 보완 요청. */
export const completionLetterKind = (j: J): LetterKind =>
  j === "TW" ? "tw_supplement_notice" : "pipa_supplement_notice";

const clean = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")) as T;

/** The letter data common to every notice of a request (recipient, number, kind, content). */
export function baseLetterData(
  p: RequestPersonalData,
  c: { number: string; receivedAt: Date; subKind: string },
) {
  return clean({
    recipient: clean({
      name: p.requester.name,
      address: p.deliveryAddress ?? p.requester.address,
      email: p.requester.email,
    }),
    requestNumber: c.number,
    receivedAt: c.receivedAt.toISOString(),
    requestKind: c.subKind,
    requestContent: p.content.slice(0, 4000),
  });
}
