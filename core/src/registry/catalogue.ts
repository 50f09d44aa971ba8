// Rule-pack catalogues: coded lists (purposes, data categories, legal bases, refusal grounds, checklists...)
// that the KR and TW rule packs ship as plain data. Everything here is pure: zod schemas, types, lookups,
// and the merge that lets an agency add its own local entries without a code change.
import { z } from "zod";

/** Languages a catalogue entry can be named in. `en` is always required so every screen has a fallback. */
export const CATALOGUE_LOCALES = ["ko", "zh-TW", "en"] as const;
export type CatalogueLocale = (typeof CATALOGUE_LOCALES)[number];

const text = z.string().trim().min(1);

export const localizedNamesSchema = z
  .object({
    ko: text.optional(),
    "zh-TW": text.optional(),
    en: text,
  })
  .strict();
export type LocalizedNames = z.infer<typeof localizedNamesSchema>;

/** Partial localized text (descriptions, notes) where English is not mandatory. */
export const localizedTextSchema = z
  .object({ ko: text.optional(), "zh-TW": text.optional(), en: text.optional() })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Deadline kinds known to the calendar engine that rights-request kinds map onto. */
export const DEADLINE_KINDS = [
  "pipa_access",
  "pipa_correction",
  "pipa_suspension",
  "tw_pdpa_access",
  "tw_pdpa_correction",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

// Codes are stable keys stored in the database and in xlsx exports: keep them ASCII and short.
const codeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "code must be ASCII letters, digits, '.', '_', ':' or '-'");

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const catalogueEntrySchema = z
  .object({
    /** Stable code, unique within its catalogue (e.g. "001", "C001", "art15-1-3"). */
    code: codeSchema,
    names: localizedNamesSchema,
    /** Citation of the legal provision or seed clause, e.g. "PIPA 제35조제4항제3호가목", "PDPA Art. 16(1)". */
    article: text.optional(),
    /** Where the entry was taken from (seed clause or official list), for reviewers. */
    source: text.optional(),
    /** Grouping key inside the catalogue (e.g. the data-category class "identification"). */
    group: text.optional(),
    description: localizedTextSchema.optional(),
    /** Special-category / sensitive data (PIPA 23, PDPA 6). */
    sensitive: z.boolean().optional(),
    /** Unique identifier class (PIPA 24, e.g. resident registration number). */
    uniqueIdentifier: z.boolean().optional(),
    /** Request kinds only: which statutory clock applies. */
    deadlineKind: z.enum(DEADLINE_KINDS).optional(),
    /** Display / numbering order when it differs from array order. */
    order: z.number().int().optional(),
    /** A provision deleted from the law but kept so that old numbering still resolves (ISO date of deletion). */
    deletedOn: z.iso.date().optional(),
    /** Set when the text could not be confirmed against an official source: the UI must say so. */
    verify: z.literal(true).optional(),
    /** Set by mergeCatalogue on entries the agency added itself. */
    local: z.literal(true).optional(),
    /**
     * A local entry that the agency says belongs to the official list but is missing from the rule pack
     * (e.g. an official TW data category the transcribed catalogue lacks): it keeps the official code.
     */
    official: z.literal(true).optional(),
    /** Small typed extras (fee unit, suggested weight...) that do not deserve their own schema field. */
    attributes: z.record(z.string(), attributeValue).optional(),
  })
  .strict();
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueEntriesSchema = z.array(catalogueEntrySchema);

/** Metadata that describes one catalogue; `requiredLocales` says which names every entry must carry. */
export interface CatalogueDefinition {
  id: string;
  jurisdiction: "KR" | "TW";
  title: LocalizedNames;
  /** Languages every entry (base or local) must be named in; `en` is always implied. */
  requiredLocales: readonly CatalogueLocale[];
  /** Requirement IDs (REQUIREMENTS.md) the catalogue serves. */
  requirements: readonly string[];
  entries: readonly CatalogueEntry[];
  /**
   * How many entries the official list has, when known and different from `entries.length` (the rest can
   * be added by an agency as local `official` entries). `verify` when the count is itself unconfirmed.
   */
  officialCount?: { count: number; verify?: true };
  /** Shape of official codes (regex source): a local entry flagged `official` must match it. */
  officialCodePattern?: string;
}

export function defineCatalogue(def: CatalogueDefinition): CatalogueDefinition {
  return def;
}

export interface CatalogueIssue {
  /** Index in the list that was checked (the local list for mergeCatalogue). */
  index: number;
  code?: string;
  path: string;
  message: string;
}

export class CatalogueError extends Error {
  readonly issues: CatalogueIssue[];
  constructor(message: string, issues: CatalogueIssue[]) {
    const detail = issues
      .map((i) => `#${i.index}${i.code ? ` (${i.code})` : ""} ${i.path ? `${i.path}: ` : ""}${i.message}`)
      .join("; ");
    super(`${message}: ${detail}`);
    this.name = "CatalogueError";
    this.issues = issues;
  }
}

/**
 * Checks a whole list: schema, unique codes, required languages. Returns the issues instead of throwing so
 * tests and admin screens can show all of them at once.
 */
export function validateCatalogue(
  entries: readonly unknown[],
  opts: { requiredLocales?: readonly CatalogueLocale[] } = {},
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const seen = new Map<string, number>();
  entries.forEach((raw, index) => {
    const parsed = catalogueEntrySchema.safeParse(raw);
    const code =
      typeof (raw as { code?: unknown })?.code === "string" ? (raw as { code: string }).code : undefined;
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        issues.push({ index, code, path: zi.path.join("."), message: zi.message });
      }
      return;
    }
    const entry = parsed.data;
    const first = seen.get(entry.code);
    if (first !== undefined) {
      issues.push({ index, code: entry.code, path: "code", message: `duplicate code (first at #${first})` });
    } else {
      seen.set(entry.code, index);
    }
    for (const loc of opts.requiredLocales ?? []) {
      if (!entry.names[loc]) {
        issues.push({ index, code: entry.code, path: `names.${loc}`, message: `name in ${loc} is required` });
      }
    }
  });
  return issues;
}

/**
 * Adds an agency's own entries to a rule-pack catalogue. Every local entry is validated with the entry
 * schema, must carry the required languages, and may not reuse a code already in the base list or earlier
 * in the local list. Nothing is merged unless every local entry passes. Merged local entries get
 * `local: true` so screens and exports can tell them from the official list.
 */
export interface MergeOptions {
  requiredLocales?: readonly CatalogueLocale[];
  /** Regex source that the code of a local entry flagged `official` must match. */
  officialCodePattern?: string;
}

export function mergeCatalogue(
  base: readonly CatalogueEntry[],
  local: readonly unknown[],
  opts: MergeOptions = {},
): CatalogueEntry[] {
  const officialCode = opts.officialCodePattern ? new RegExp(opts.officialCodePattern) : null;
  const issues: CatalogueIssue[] = [];
  const baseCodes = new Set(base.map((e) => e.code));
  const localSeen = new Map<string, number>();
  const accepted: CatalogueEntry[] = [];
  local.forEach((raw, index) => {
    // An agency cannot claim an entry is official by sending `local: false` or omit it: we set it.
    const candidate =
      raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as object), local: true } : raw;
    const parsed = catalogueEntrySchema.safeParse(candidate);
    const code =
      typeof (raw as { code?: unknown })?.code === "string" ? (raw as { code: string }).code : undefined;
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        issues.push({ index, code, path: zi.path.join("."), message: zi.message });
      }
      return;
    }
    const entry = parsed.data;
    if (baseCodes.has(entry.code)) {
      issues.push({ index, code: entry.code, path: "code", message: "code already exists in the rule pack" });
      return;
    }
    const prior = localSeen.get(entry.code);
    if (prior !== undefined) {
      issues.push({
        index,
        code: entry.code,
        path: "code",
        message: `duplicate local code (also #${prior})`,
      });
      return;
    }
    localSeen.set(entry.code, index);
    if (entry.official && officialCode && !officialCode.test(entry.code)) {
      issues.push({
        index,
        code: entry.code,
        path: "code",
        message: `an official entry needs an official code (${opts.officialCodePattern})`,
      });
      return;
    }
    const missing = (opts.requiredLocales ?? []).filter((loc) => !entry.names[loc]);
    if (missing.length) {
      for (const loc of missing) {
        issues.push({ index, code: entry.code, path: `names.${loc}`, message: `name in ${loc} is required` });
      }
      return;
    }
    accepted.push(entry);
  });
  if (issues.length) throw new CatalogueError("local catalogue entries rejected", issues);
  return [...base, ...accepted];
}

/** Same as mergeCatalogue but returns a result object instead of throwing. */
export function tryMergeCatalogue(
  base: readonly CatalogueEntry[],
  local: readonly unknown[],
  opts: MergeOptions = {},
): { ok: true; entries: CatalogueEntry[] } | { ok: false; issues: CatalogueIssue[] } {
  try {
    return { ok: true, entries: mergeCatalogue(base, local, opts) };
  } catch (err) {
    if (err instanceof CatalogueError) return { ok: false, issues: err.issues };
    throw err;
  }
}

/** The merge rules a catalogue definition sets for local entries. */
export function mergeOptionsOf(def: CatalogueDefinition): MergeOptions {
  return { requiredLocales: def.requiredLocales, officialCodePattern: def.officialCodePattern };
}

/** Merges local entries into a catalogue definition, using its own required languages. */
export function mergeCatalogueDefinition(
  def: CatalogueDefinition,
  local: readonly unknown[],
): CatalogueDefinition {
  return { ...def, entries: mergeCatalogue(def.entries, local, mergeOptionsOf(def)) };
}

// ---- lookups ---------------------------------------------------------------------------------------------

export function findEntry(entries: readonly CatalogueEntry[], code: string): CatalogueEntry | undefined {
  return entries.find((e) => e.code === code);
}

/** Like findEntry but throws a clear error: use where an unknown code is a programming or import error. */
export function requireEntry(entries: readonly CatalogueEntry[], code: string): CatalogueEntry {
  const e = findEntry(entries, code);
  if (!e)
    throw new CatalogueError("unknown catalogue code", [
      { index: -1, code, path: "code", message: "not found" },
    ]);
  return e;
}

/** Codes that can still be chosen for new records (deleted provisions excluded). */
export function selectableEntries(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  return entries.filter((e) => !e.deletedOn);
}

export function entriesInGroup(entries: readonly CatalogueEntry[], group: string): CatalogueEntry[] {
  return entries.filter((e) => e.group === group);
}

export function groupEntries(entries: readonly CatalogueEntry[]): Map<string, CatalogueEntry[]> {
  const out = new Map<string, CatalogueEntry[]>();
  for (const e of entries) {
    const key = e.group ?? "";
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return out;
}

/** Name in the wanted language, falling back to the given order and finally English. */
export function entryName(
  entry: CatalogueEntry,
  locale: CatalogueLocale,
  fallbacks: readonly CatalogueLocale[] = [],
): string {
  for (const loc of [locale, ...fallbacks]) {
    const n = entry.names[loc];
    if (n) return n;
  }
  return entry.names.en;
}

/** "001 人身保險" style label used in TW notices and inventory sheets. */
export function entryLabel(entry: CatalogueEntry, locale: CatalogueLocale): string {
  return `${entry.code} ${entryName(entry, locale)}`;
}

export function codesOf(entries: readonly CatalogueEntry[]): string[] {
  return entries.map((e) => e.code);
}

/** Entries still marked `verify`, for the admin screen that lists what awaits confirmation. */
export function entriesToVerify(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  return entries.filter((e) => e.verify);
}
