import { createHash } from "node:crypto";
import {
  composeLetter,
  LetterError,
  type LetterKind,
  type LetterLayout,
  type LetterLocale,
  zonedParts,
} from "@civicpims/core/letters/index";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { agencies, letterSequences, letters } from "../../db/schema";
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

/** Core's refusal as a client error "letters.<code>". */
function toAppError(e: unknown): unknown {
  if (e instanceof LetterError) return new AppError(400, `letters.${e.code}`, e.details);
  return e;
}

/** "한빛시-2026-0001": the agency's local name without spaces, the year, a 4-digit sequence. */
export function formatLetterNumber(agencyName: string, year: number, seq: number): string {
  return `${agencyName.replace(/\s+/g, "")}-${year}-${String(seq).padStart(4, "0")}`;
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
  const number = formatLetterNumber(agency.nameLocal, zonedParts(now, agency.timeZone).year, 0);
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
  // Validate kind and data before a number is taken.
  layoutFor(agency, input, formatLetterNumber(agency.nameLocal, year, 0), issuedAt);
  const seq = await nextLetterSeq(tx, agency.id, year);
  const number = formatLetterNumber(agency.nameLocal, year, seq);
  const layout = layoutFor(agency, input, number, issuedAt);
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
