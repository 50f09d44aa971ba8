// Letters (issue 6 item 4): the kinds of notice, the data a caller passes, the template shape and the
// layout model. Everything here is pure data; the server turns a layout into a PDF.
import { longText, text } from "@civicpims/core/validation/index";
import { z } from "zod";
import type { LetterFieldId } from "./required-fields";

export const LETTER_LOCALES = ["ko", "zh-TW", "en"] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];

export const KR_LETTER_KINDS = [
  "pipa_access_decision",
  "pipa_access_deferral_refusal",
  "pipa_correction_result",
  "pipa_suspension_result",
  "extension_notice",
  "pipa_supplement_notice",
  "petition_receipt",
  "petition_answer",
  "petition_transfer",
  "petition_extension_notice",
  "foi_decision",
  "foi_transfer",
] as const;
export const TW_LETTER_KINDS = [
  "tw_access_decision",
  "tw_correction_result",
  "tw_refusal",
  "tw_extension_notice",
  "tw_supplement_notice",
  "tw_foi_decision",
  "tw_foi_transfer",
] as const;
// receipt_notice and incident_notice (F5, by post) exist in both countries with each country's wording.
export const LETTER_KINDS = [
  ...KR_LETTER_KINDS,
  ...TW_LETTER_KINDS,
  "receipt_notice",
  "incident_notice",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const DECISIONS = ["granted", "partly", "refused", "deferred"] as const;
export type Decision = (typeof DECISIONS)[number];

const str = longText({ min: 1, max: 4000 });
const isoish = text({ min: 4, max: 40 });

/**
 * What a caller (requests, later petitions, disclosure, incidents) passes to fill a letter. All optional
 * except the recipient: each template only shows the sections whose data is present. Unknown keys are kept
 * (a later module may use them in its own templates) but ignored here.
 */
export const letterDataSchema = z
  .object({
    recipient: z.object({ name: str, address: str.optional(), email: str.optional() }).loose(),
    /** The case's receipt number (e.g. RQ-2026-000012). */
    requestNumber: str.optional(),
    receivedAt: isoish.optional(),
    /** Request-kind code of the rule pack (requestKinds catalogue). */
    requestKind: str.optional(),
    requestContent: str.optional(),
    items: z
      .array(
        z
          .object({
            label: str,
            action: str.optional(),
            decision: z.enum(DECISIONS).optional(),
            groundCode: str.optional(),
            note: str.optional(),
            deferUntil: isoish.optional(),
          })
          .loose(),
      )
      .max(200)
      .optional(),
    /** Grounds for the letter as a whole (when not given per item). */
    groundCodes: z.array(str).max(20).optional(),
    summary: str.optional(),
    decidedAt: isoish.optional(),
    dueAt: isoish.optional(),
    newDueAt: isoish.optional(),
    extensionReason: str.optional(),
    /** Disclosure transfer (민원이첩 / 移送): the agency the request went to. */
    transferTo: str.optional(),
    /** TW 限期補正: what is missing and the date by which to supply it. */
    missing: str.optional(),
    fixBy: isoish.optional(),
    delivery: z
      .object({
        method: z.enum(["download", "email", "post", "in_person"]).optional(),
        appointmentAt: isoish.optional(),
        location: str.optional(),
        companion: str.optional(),
        /** Where the copies can be downloaded (the portal address); the letter states it for "download". */
        route: str.optional(),
      })
      .loose()
      .optional(),
    fees: z
      .object({
        items: z
          .array(z.object({ label: str, amount: z.number().nonnegative() }))
          .max(50)
          .optional(),
        total: z.number().nonnegative().optional(),
        currency: text({ max: 8, trim: false }).optional(),
        waived: z.boolean().optional(),
        /** Postage for copies sent by post (PIPA §38③); 0 is printed as 0. */
        postage: z.number().nonnegative().optional(),
      })
      .optional(),
    contact: z
      .object({ unit: str.optional(), officer: str.optional(), phone: str.optional(), email: str.optional() })
      .optional(),
    /** F5: the five parts of a notice to data subjects after an incident (each required). */
    notice: z
      .object({
        facts: str.optional(),
        measures: str.optional(),
        advice: str.optional(),
        contact: str.optional(),
        compensation: str.optional(),
      })
      .optional(),
    /** Who signs (e.g. "한빛시장"); defaults to the agency profile's head of agency. */
    signerTitle: str.optional(),
    /** TW 函: 副本 recipients (default: the officer's unit), 速別, 密等, 附件. */
    copyTo: z.array(str).max(20).optional(),
    speed: str.optional(),
    secrecy: str.optional(),
    attachments: z.array(str).max(20).optional(),
  })
  .loose();
export type LetterData = z.infer<typeof letterDataSchema>;

/** Data keys a paragraph can depend on: the paragraph shows only when the key has a value. */
export type Placeholder = string;

export interface TemplateParagraph {
  text: string;
  /** Show only when this variable is non-empty (e.g. "appointmentAt"). */
  when?: Placeholder;
  /** The required letter field this paragraph carries (required-fields.ts); compose checks it is printed. */
  field?: LetterFieldId;
}

/** One letter kind in one language: the words only. Layout is the same for every kind. */
export interface LetterTemplateText {
  title: string;
  /** Subject line (제목 / 主旨 / Subject). */
  subject: string;
  paragraphs: (string | TemplateParagraph)[];
  /** TW official letters number the 說明 paragraphs 一、二、三、 */
  numbering?: "cjk";
  /** Heading above the per-item decisions table; the table shows only when items are given. */
  itemsHeading?: string;
  /** Heading above the refusal / limitation grounds list; shows only when grounds are cited. */
  groundsHeading?: string;
  /** Paragraphs after the items and grounds. */
  after?: (string | TemplateParagraph)[];
  /** The legal basis of the notice. */
  citation: string;
  /** Remedy / appeal section (C18, H4; TW 教示). */
  remedy?: { heading: string; paragraphs: (string | TemplateParagraph)[]; listBodies?: boolean };
}

export interface LetterTemplateSet {
  jurisdiction: "KR" | "TW";
  /** Version stored with each letter so a reprint says which wording was used. */
  version: string;
  kinds: Partial<Record<LetterKind, Record<LetterLocale, LetterTemplateText>>>;
}

// ---- layout model -------------------------------------------------------------------------------

/** Every block may say which required letter fields it prints (see required-fields.ts). */
export type LayoutBlock = (
  | { type: "letterhead"; agencyName: string; lines: string[] }
  | { type: "title"; text: string }
  | { type: "fields"; rows: { label: string; value: string }[] }
  | { type: "rule" }
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string; indent?: number; size?: "small" | "normal" }
  | { type: "list"; items: string[]; marker: "bullet" | "number" }
  | { type: "table"; columns: string[]; widths: number[]; rows: string[][] }
  | { type: "citation"; text: string }
  | { type: "signature"; signer: string; note?: string; date: string }
  | { type: "contact"; lines: string[] }
) & { fields?: LetterFieldId[] };

export interface LetterLayout {
  kind: LetterKind;
  locale: LetterLocale;
  jurisdiction: "KR" | "TW";
  number: string;
  title: string;
  issuedDate: string;
  templateVersion: string;
  /** PDF metadata. */
  meta: { title: string; subject: string; author: string; language: string };
  blocks: LayoutBlock[];
  /** Footer on every page: "{number} · {page}/{pages}" is added by the renderer. */
  footer: string;
}
