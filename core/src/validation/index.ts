// One set of zod validators for every text and date a caller can send (API bodies, query strings,
// multipart fields, xlsx cells). Raw `z.string()` lets through characters that either break the
// database (PostgreSQL refuses U+0000 in text: a 500) or are stored and then printed into letters
// and exports (other control characters, lone UTF-16 surrogates that cannot be encoded as UTF-8).
// Dates are checked for plausibility (year 0000, a request received in 1900).
//
// Every refusal is a zod issue with code "custom" and a stable code in `params.code` (see ISSUE),
// which the server's error mapper turns into a field-level message in the caller's language.
import { z } from "zod";

/** Stable issue codes (clients and tests match on them; messages live in the server's i18n files). */
export const ISSUE = {
  controlChar: "text.control_char",
  loneSurrogate: "text.lone_surrogate",
  dateOutOfRange: "date.out_of_range",
} as const;
export type IssueCode = (typeof ISSUE)[keyof typeof ISSUE];

// C0 controls, DEL and C1 controls. Single-line text refuses all of them; long (multi-line) text
// keeps tab, line feed and carriage return, which people type in free text.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first problem of a string, or null when it is clean. */
export function textProblem(value: string, multiline = false): IssueCode | null {
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return ISSUE.controlChar;
  if (LONE_SURROGATE.test(value)) return ISSUE.loneSurrogate;
  return null;
}

type Ctx = z.core.$RefinementCtx<string>;
const issue = (ctx: Ctx, code: IssueCode, params: Record<string, unknown> = {}) =>
  ctx.addIssue({ code: "custom", message: code, params: { code, ...params }, input: ctx.value });

const cleanText = (multiline: boolean) => (value: string, ctx: Ctx) => {
  const p = textProblem(value, multiline);
  if (p) issue(ctx, p);
};

export interface TextOptions {
  /** Minimum length after trimming (default 0; use 1 for required fields). */
  min?: number;
  max: number;
  /** Trim surrounding white space first (default true, as the schemas did before). */
  trim?: boolean;
}

/** Single-line text: names, titles, codes, short labels, search terms. No control characters. */
export function text({ min = 0, max, trim = true }: TextOptions) {
  const base = trim ? z.string().trim() : z.string();
  return (min > 0 ? base.min(min) : base).max(max).superRefine(cleanText(false));
}

/** Free text (notes, descriptions, addresses): tab, line feed and carriage return are allowed. */
export function longText({ min = 0, max, trim = true }: TextOptions) {
  const base = trim ? z.string().trim() : z.string();
  return (min > 0 ? base.min(min) : base).max(max).superRefine(cleanText(true));
}

/**
 * Fields up to this length are single-line (names, phone numbers, labels); longer ones are free text
 * where people type line breaks (addresses, notes, descriptions).
 */
export const MULTI_LINE_FROM = 500;

/** Text of the kind its length suggests: `text` below MULTI_LINE_FROM characters, `longText` from it. */
export const textField = (o: TextOptions) => (o.max >= MULTI_LINE_FROM ? longText(o) : text(o));

/** A person's or thing's name: required single-line text (1..max, default 200). */
export const name = (max = 200) => text({ min: 1, max });

/**
 * Secrets (passwords, one-time codes, tokens): never trimmed, any printable character allowed, but no
 * control characters or lone surrogates (which UTF-8 encoding would silently turn into U+FFFD, so two
 * different passwords would hash alike).
 */
export function secret({ min = 1, max }: { min?: number; max: number }) {
  return z.string().min(min).max(max).superRefine(cleanText(false));
}

/**
 * JSON of any shape that is checked further down (letter data, calendar rules, code lists): every
 * string in it, keys included, must be clean multi-line text. The issue's path points at the string.
 */
export function cleanJson<T extends z.ZodType>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const walk = (v: unknown, path: (string | number)[]) => {
      if (typeof v === "string") {
        const p = textProblem(v, true);
        if (p) ctx.addIssue({ code: "custom", message: p, params: { code: p }, path, input: v });
      } else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, [...path, i]);
      } else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          const p = textProblem(k, false);
          if (p)
            ctx.addIssue({ code: "custom", message: p, params: { code: p }, path: [...path, k], input: k });
          walk(x, [...path, k]);
        }
    };
    walk(value, []);
  });
}

// ---- dates ----------------------------------------------------------------------------------------

/**
 * Plausible bounds for any calendar date the system handles (statutory deadlines, contracts,
 * inspections, filters). The holiday calendars cover 1900..2200 (calendar routes accept those years),
 * so a date outside cannot be computed with anyway.
 */
export const DATE_MIN = "1900-01-01";
export const DATE_MAX = "2200-12-31";
/** Nobody alive was born before this; also the oldest date of birth the identity rules consider. */
export const BIRTH_DATE_MIN = "1900-01-01";
/**
 * A request cannot have been received before the PIPA/PDPA era (both laws date from 2010-2011; 2000
 * leaves room for back-filled paper records) nor more than a day ahead of the server clock (time
 * zones and a client clock that runs slightly fast).
 */
export const RECEIVED_AT_MIN = "2000-01-01T00:00:00Z";
export const RECEIVED_AT_MAX_AHEAD_MS = 24 * 3_600_000;
/** Date-times in general (appointments, locks, filters): the same range as dates. */
export const DATE_TIME_MIN = `${DATE_MIN}T00:00:00Z`;
export const DATE_TIME_MAX = `${DATE_MAX}T23:59:59Z`;

/** Today's date in the time zone furthest ahead (UTC+14): a date "not in the future" anywhere. */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

type Bound = string | (() => string);
const resolve = (b: Bound) => (typeof b === "function" ? b() : b);

/** A calendar date YYYY-MM-DD (a real day) between min and max inclusive. */
export function date({ min = DATE_MIN, max = DATE_MAX }: { min?: Bound; max?: Bound } = {}) {
  return z.iso.date().superRefine((value, ctx) => {
    const lo = resolve(min);
    const hi = resolve(max);
    // ISO dates of the same length compare correctly as strings.
    if (value < lo || value > hi) issue(ctx, ISSUE.dateOutOfRange, { min: lo, max: hi });
  });
}

/** A date of birth: from 1900-01-01 up to today (in any time zone). */
export const birthDate = () => date({ min: BIRTH_DATE_MIN, max: () => latestToday() });

/** An ISO 8601 date-time with an offset, between min and max inclusive. */
export function dateTime({ min = DATE_TIME_MIN, max = DATE_TIME_MAX }: { min?: Bound; max?: Bound } = {}) {
  return z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
    const lo = resolve(min);
    const hi = resolve(max);
    const t = Date.parse(value);
    if (!(t >= Date.parse(lo) && t <= Date.parse(hi))) issue(ctx, ISSUE.dateOutOfRange, { min: lo, max: hi });
  });
}

/** When a request reached the agency: not before 2000, not more than a day ahead of now. */
export const receivedAt = () =>
  dateTime({
    min: RECEIVED_AT_MIN,
    max: () => new Date(Date.now() + RECEIVED_AT_MAX_AHEAD_MS).toISOString(),
  });
