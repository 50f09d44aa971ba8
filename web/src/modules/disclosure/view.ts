// Pure helpers of the disclosure screens (no React), tested under node:test.
import { krIdentityMissing } from "@civicpims/core/disclosure/identity";

export const DECISION_OUTCOMES = ["full", "partial", "non_disclosure", "not_held"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Outcomes that must cite a non-disclosure ground (KR §13④, TW §18①); the server holds the same rule. */
export const needsGround = (o: string) => o === "partial" || o === "non_disclosure";

/**
 * A name as the list shows it: first and last character kept, the middle starred ("홍길동" -> "홍*동",
 * "王小明" -> "王*明", "Jane Doe" -> "J******e"); two characters keep the first only.
 */
export function maskName(name: string | null | undefined): string {
  if (!name) return "";
  const ch = [...name.trim()];
  if (ch.length <= 1) return "*";
  if (ch.length === 2) return `${ch[0]}*`;
  return `${ch[0]}${"*".repeat(ch.length - 2)}${ch[ch.length - 1]}`;
}

export interface Ground {
  code: string;
  names: { ko?: string; "zh-TW"?: string; en: string };
  article?: string | null;
  short?: string | null;
}

/** "§9①5 (b)(5) — Decision-making in progress": article, short citation and the name in the locale. */
export function groundLabel(g: Ground, locale: string): string {
  const name = g.names[locale as keyof Ground["names"]] ?? g.names.en;
  const head = [g.article, g.short && g.short !== g.article ? g.short : null].filter(Boolean).join(" ");
  return head ? `${head} — ${name}` : name;
}

/** The short citation printed on a redaction box and beside a released file (falls back to the article). */
export const groundShort = (g: Ground) => g.short ?? g.article ?? g.code;

/**
 * The KR form's "one of the two" rule before sending (the server refuses the same with a field error):
 * with neither 생년월일 nor 사업자등록번호 both inputs get `message`, so the requester sees which two
 * fields are meant. TW asks the ID number instead (a plain required field).
 */
export function identityErrors(
  jurisdiction: "KR" | "TW",
  values: Readonly<Record<string, string | undefined>>,
  message: string,
  names: { birthDate: string; businessNumber: string } = {
    birthDate: "birthDate",
    businessNumber: "businessNumber",
  },
): Record<string, string> {
  if (jurisdiction !== "KR") return {};
  if (
    !krIdentityMissing({ birthDate: values[names.birthDate], businessNumber: values[names.businessNumber] })
  )
    return {};
  return { [names.birthDate]: message, [names.businessNumber]: message };
}

/**
 * The attachments a decision releases: the ticked ones for full disclosure and for partial disclosure (there
 * the server accepts only the outputs of released redactions and says so), none for other outcomes.
 */
export function releaseIdsFor(
  outcome: string,
  attachments: Array<{ id: string }>,
  ticked: (id: string) => boolean,
): string[] | undefined {
  if (outcome !== "full" && outcome !== "partial") return undefined;
  return attachments.filter((a) => ticked(a.id)).map((a) => a.id);
}
