import { createHash } from "node:crypto";
import {
  composeLetter,
  formatKrDocNumber,
  formatTwDocNumber,
  LetterError,
  type LetterKind,
  type LetterLayout,
  type LetterLocale,
  type MissingLetterField,
  zonedParts,
} from "@civicpims/core/letters/index";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { agencies, letterSequences, letters, staff, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import type { Secrets } from "../../security/keys";
import { decryptBytes, encryptBytes } from "./blob-crypto";
import { renderLetterPdf } from "./pdf-render";

export type { LetterKind, LetterLocale };

export interface GenerateLetterInput {
  agencyId: string;
  caseId?: string | null;
  kind: LetterKind;
  locale: LetterLocale;
  data: Record<string, unknown>;
  createdBy?: string | null;
  /** Date of issue (default now); the number's year is this date's year in the agency's time zone. */
  issuedAt?: Date;
  /** The officer in charge (the case's assignee): fills the contact block when `data.contact` has no officer. */
  officerId?: string | null;
}

export interface GeneratedLetter {
  letterId: string;
  number: string;
  pdf: Buffer;
  sha256: string;
}

export interface LetterMeta {
  id: string;
  agencyId: string;
  caseId: string | null;
  kind: string;
  locale: string;
  number: string;
  title: string;
  templateVersion: string;
  sha256: string;
  size: number;
  createdBy: string | null;
  createdAt: Date;
}

type AgencyRow = typeof agencies.$inferSelect;

async function loadAgency(q: Queryable, agencyId: string): Promise<AgencyRow> {
  const [a] = await q.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!a) throw notFound();
  return a;
}

/**
 * Core's refusal as a client error "letters.<code>". A missing required field names the agency profile field
 * to fill (letters.profile_incomplete, 422) or the letter data the caller must give (letters.missing_field).
 */
function toAppError(e: unknown): unknown {
  if (!(e instanceof LetterError)) return e;
  if (e.code === "missing_field") {
    const missing = e.details as MissingLetterField[];
    const profile = missing.find((m) => m.profileField);
    if (profile)
      return new AppError(422, "letters.profile_incomplete", missing, { field: profile.profileField });
    return new AppError(422, "letters.missing_field", missing, { field: missing[0]?.field });
  }
  return new AppError(400, `letters.${e.code}`, e.details);
}

/**
 * The letter number: TW 「<字>字第<ROC year><7 digits>號」 (公文程式條例 §6) from the profile's prefix word;
 * KR "<agency>-<year>-<0001>". A TW agency without a prefix word cannot issue letters (profile_incomplete).
 */
export function formatLetterNumber(
  agency: Pick<AgencyRow, "jurisdiction" | "nameLocal" | "docNumberPrefix">,
  year: number,
  seq: number,
): string {
  if (agency.jurisdiction === "TW") {
    if (!agency.docNumberPrefix)
      throw new AppError(
        422,
        "letters.profile_incomplete",
        [{ field: "documentNumber", profileField: "docNumberPrefix" }],
        { field: "docNumberPrefix" },
      );
    return formatTwDocNumber(agency.docNumberPrefix, year, seq);
  }
  return formatKrDocNumber(agency.nameLocal, year, seq);
}

/** Contact block of a letter from the officer in charge: name, unit, and the officer's or unit's phone. */
export async function officerContact(
  q: Queryable,
  agency: Pick<AgencyRow, "id" | "phone" | "email">,
  staffId: string,
): Promise<{ officer: string; unit?: string; phone?: string; email?: string } | null> {
  const [m] = await q
    .select({
      name: staff.displayName,
      phone: staff.phone,
      email: staff.email,
      unit: units.nameLocal,
      unitPhone: units.phone,
      unitEmail: units.email,
    })
    .from(staff)
    .leftJoin(units, eq(units.id, staff.unitId))
    .where(and(eq(staff.id, staffId), eq(staff.agencyId, agency.id)));
  if (!m) return null;
  const phone = m.phone ?? m.unitPhone ?? agency.phone ?? undefined;
  const email = m.email ?? m.unitEmail ?? agency.email ?? undefined;
  return {
    officer: m.name,
    ...(m.unit ? { unit: m.unit } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

/** Fills `data.contact` from the officer when the caller gave none (the case assignee or the author). */
async function withContact(
  q: Queryable,
  agency: AgencyRow,
  input: Pick<GenerateLetterInput, "data" | "officerId" | "createdBy">,
): Promise<Record<string, unknown>> {
  const given = input.data.contact as { officer?: string } | undefined;
  const who = input.officerId ?? input.createdBy;
  if (given?.officer || !who) return input.data;
  const c = await officerContact(q, agency, who);
  return c ? { ...input.data, contact: { ...c, ...(given ?? {}) } } : input.data;
}

/**
 * Next number of the agency's year. The upsert takes a row lock that concurrent transactions (in any
 * instance) wait on until this one commits or rolls back, so numbers are unique and gap-free: a rolled
 * back letter gives its number back.
 */
export async function nextLetterSeq(tx: Tx, agencyId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(letterSequences)
    .values({ agencyId, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [letterSequences.agencyId, letterSequences.year],
      set: { lastValue: sql`${letterSequences.lastValue} + 1` },
    })
    .returning({ value: letterSequences.lastValue });
  return row.value;
}

export function layoutFor(
  agency: AgencyRow,
  input: Pick<GenerateLetterInput, "kind" | "locale" | "data">,
  number: string,
  issuedAt: Date,
): LetterLayout {
  try {
    return composeLetter({
      jurisdiction: agency.jurisdiction,
      kind: input.kind,
      locale: input.locale,
      number,
      issuedAt,
      timeZone: agency.timeZone,
      agency: {
        name: agency.nameLocal,
        nameEn: agency.nameEn,
        address: agency.address,
        phone: agency.phone,
        fax: agency.fax,
        email: agency.email,
        homepage: agency.homepage,
        headTitle: agency.headTitle,
        headName: agency.headName,
        appealBody: agency.appealBody,
      },
      data: input.data,
    });
  } catch (e) {
    throw toAppError(e);
  }
}

/** Renders a letter without storing or numbering it (template previews). */
export async function previewLetter(
  q: Queryable,
  agencyId: string,
  input: Pick<GenerateLetterInput, "kind" | "locale" | "data">,
): Promise<{ pdf: Buffer; layout: LetterLayout }> {
  const agency = await loadAgency(q, agencyId);
  const now = new Date();
  const number = formatLetterNumber(agency, zonedParts(now, agency.timeZone).year, 0);
  const layout = layoutFor(agency, input, number, now);
  return { pdf: await renderLetterPdf(layout, { createdAt: now }), layout };
}

/**
 * Makes a numbered letter and stores it with the case, in the caller's transaction (the number, the row and
 * the caller's own changes commit together). The PDF is stored encrypted; its SHA-256 is of the plaintext.
 * The caller writes the ledger entry for the action that produced the letter.
 */
export async function generateLetter(
  tx: Tx,
  deps: AppDeps,
  input: GenerateLetterInput,
): Promise<GeneratedLetter> {
  const agency = await loadAgency(tx, input.agencyId);
  const issuedAt = input.issuedAt ?? new Date();
  const year = zonedParts(issuedAt, agency.timeZone).year;
  const full = { ...input, data: await withContact(tx, agency, input) };
  // Validate kind, data and the agency profile before a number is taken.
  layoutFor(agency, full, formatLetterNumber(agency, year, 0), issuedAt);
  const seq = await nextLetterSeq(tx, agency.id, year);
  const number = formatLetterNumber(agency, year, seq);
  const layout = layoutFor(agency, full, number, issuedAt);
  const pdf = await renderLetterPdf(layout, { createdAt: issuedAt });
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const [row] = await tx
    .insert(letters)
    .values({
      agencyId: agency.id,
      caseId: input.caseId ?? null,
      kind: input.kind,
      locale: input.locale,
      number,
      year,
      seq,
      title: layout.title,
      templateVersion: layout.templateVersion,
      sha256,
      size: pdf.length,
      pdfEnc: encryptBytes(deps.secrets.fieldKey, pdf),
      createdBy: input.createdBy ?? null,
      createdAt: issuedAt,
    })
    .returning({ id: letters.id });
  return { letterId: row.id, number, pdf, sha256 };
}

const metaColumns = {
  id: letters.id,
  agencyId: letters.agencyId,
  caseId: letters.caseId,
  kind: letters.kind,
  locale: letters.locale,
  number: letters.number,
  title: letters.title,
  templateVersion: letters.templateVersion,
  sha256: letters.sha256,
  size: letters.size,
  createdBy: letters.createdBy,
  createdAt: letters.createdAt,
};

// getLetter's documented signature has no deps; routes and callers that have them pass them, otherwise the
// key of the running server (installed when the module's routes are registered) decrypts.
let installedSecrets: Pick<Secrets, "fieldKey"> | null = null;
export function installLetterSecrets(secrets: Pick<Secrets, "fieldKey">): void {
  installedSecrets = secrets;
}

/** One letter of the agency (another agency's id behaves as unknown: 404). */
export async function getLetter(
  tx: Queryable,
  agencyId: string,
  letterId: string,
  deps?: Pick<AppDeps, "secrets">,
): Promise<{ meta: LetterMeta; pdf: Buffer }> {
  if (!/^[0-9a-f-]{36}$/i.test(letterId)) throw notFound("letters.not_found");
  const [row] = await tx
    .select({ ...metaColumns, pdfEnc: letters.pdfEnc })
    .from(letters)
    .where(and(eq(letters.agencyId, agencyId), eq(letters.id, letterId)));
  if (!row) throw notFound("letters.not_found");
  const secrets = deps?.secrets ?? installedSecrets;
  if (!secrets) throw new Error("letters: no key to decrypt the stored PDF");
  const { pdfEnc, ...meta } = row;
  const pdf = decryptBytes(secrets.fieldKey, pdfEnc);
  return { meta, pdf };
}

/** Letters of one case (metadata only), newest first. */
export async function listLetters(q: Queryable, agencyId: string, caseId: string): Promise<LetterMeta[]> {
  return q
    .select(metaColumns)
    .from(letters)
    .where(and(eq(letters.agencyId, agencyId), eq(letters.caseId, caseId)))
    .orderBy(desc(letters.createdAt), desc(letters.seq));
}

/** File name for downloads: the number, ASCII-safe for old mail clients via RFC 5987 in the route. */
export function letterFilename(meta: Pick<LetterMeta, "number">): string {
  return `${meta.number}.pdf`;
}
