import { type PetitionChannel, SIMILARITY, similarityBand } from "@civicpims/core/petitions/index";
import { redactText, scanText } from "@civicpims/core/pii/index";
import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { cases, type PetitionPersonalData, petitionLinks, petitions, staff, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { blindIndex, decryptField, encryptField } from "../../security/field-crypto";
import { subjectRef } from "../../security/subject-ref";
import type { LedgerInput } from "../audit/ledger.service";
import { defaultHandlerOf } from "../cases/assignees";
import {
  type Actor,
  type AgencyInfo,
  addEvent,
  createCase,
  loadCase,
  registerCaseKindHooks,
  transition,
} from "../cases/case.service";
import { caseDetail } from "../cases/cases.routes";
import { caseComms, type LetterInfo } from "../cases/comms";
import { assertAssignable } from "../requests/assign";
import "./messages";
import { periodOf } from "@civicpims/core/petitions/index";
import type { PetitionIntake } from "./petitions.schemas";
import { typeOf, typeRule, typeView } from "./types.service";

export interface ServiceCtx {
  tx: Tx;
  deps: AppDeps;
  agency: AgencyInfo;
  actor: Actor;
  audit: (e: LedgerInput) => void;
}

export interface CreatePetitionOptions {
  channel: PetitionChannel;
  receivedAt: Date;
  locale: Locale;
  emailVerifiedAt?: Date | null;
  unitId?: string | null;
  assigneeId?: string | null;
  /** Default true: the 접수증 is generated at intake (false where the caller issues its own or none). */
  receiptSlip?: boolean;
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** The blind index of a petitioner: name with the first contact given (e-mail, phone, birth date). */
export function petitionerKey(p: PetitionIntake["petitioner"]): string {
  const contact = p.email?.toLowerCase() ?? p.phone?.replace(/\D/g, "") ?? p.birthDate ?? "";
  return `${norm(p.name)}|${contact}`;
}

/**
 * The content as pg_trgm may see it: identifiers the PII engine finds become their label, the petitioner's
 * own name is replaced too; if the scan could not finish every digit is masked (fail closed).
 */
export function searchTextOf(content: string, petitionerName: string): string {
  const r = scanText(content);
  let out = redactText(content, r.spans, "label");
  if (r.status !== "ok") out = out.replace(/[0-9\uFF10-\uFF19]/g, "*");
  const name = petitionerName.trim();
  if (name.length >= 2) out = out.split(name).join("[이름]");
  return out.slice(0, 10000);
}

async function receiptLetter(
  s: ServiceCtx,
  row: typeof cases.$inferSelect,
  p: PetitionPersonalData,
  kindName: string,
  locale: Locale,
) {
  return caseComms().generateLetter(s.tx, s.deps, {
    agencyId: s.agency.id,
    caseId: row.id,
    kind: "petition_receipt",
    locale,
    officerId: row.assigneeId ?? s.actor.id,
    data: {
      recipient: { name: p.petitioner.name, address: p.petitioner.address, email: p.petitioner.email },
      requestNumber: row.number,
      receivedAt: row.receivedAt.toISOString(),
      requestKind: kindName,
      dueAt: row.dueAt.toISOString(),
    },
  });
}

/** Intake of a petition (staff entry; the portal calls the same with channel "online"). */
export async function createPetition(s: ServiceCtx, input: PetitionIntake, opts: CreatePetitionOptions) {
  if (s.agency.jurisdiction !== "KR") throw badRequest("petitions.not_in_rule_pack");
  const type = await typeOf(s.tx, s.agency.id, input.typeCode);
  const period = typeRule(() => periodOf(type));
  if (opts.unitId || opts.assigneeId)
    await assertAssignable(s.tx, s.agency.id, opts.unitId ?? undefined, opts.assigneeId ?? undefined);
  const personal: PetitionPersonalData = { petitioner: input.petitioner };
  const key = petitionerKey(input.petitioner);
  const unitId = opts.unitId ?? (await unitOfStaff(s.tx, s.agency.id, s.actor.id));
  const c = await createCase(
    s.tx,
    s.agency,
    {
      kind: "petition",
      subKind: type.code,
      deadlineKind: "minwon",
      period,
      channel: opts.channel,
      receivedAt: opts.receivedAt,
      unitId,
      assigneeId: opts.assigneeId ?? null,
      subjectRef: subjectRef(s.deps.secrets, `petitioner:${key}`),
    },
    s.actor,
    s.audit,
  );
  const fk = s.deps.secrets.fieldKey;
  await s.tx.insert(petitions).values({
    caseId: c.id,
    agencyId: s.agency.id,
    typeCode: type.code,
    titleEnc: encryptField(fk, input.title),
    personalEnc: encryptField(fk, JSON.stringify(personal)),
    contentEnc: encryptField(fk, input.content),
    searchText: searchTextOf(`${input.title}\n${input.content}`, input.petitioner.name),
    petitionerIndex: blindIndex(s.deps.secrets.blindIndexKey, "petitioner", key),
    emailIndex: input.petitioner.email
      ? blindIndex(s.deps.secrets.blindIndexKey, "email", input.petitioner.email.toLowerCase())
      : null,
    emailVerifiedAt: opts.emailVerifiedAt ?? null,
    locale: opts.locale,
  });
  const names = typeView(type).names;
  const letter =
    opts.receiptSlip === false
      ? null
      : await receiptLetter(s, c, personal, names[opts.locale] ?? names.ko, opts.locale);
  if (letter)
    await addEvent(s.tx, c, {
      type: "letter",
      actor: s.actor,
      public: true,
      details: { letterId: letter.id, kind: letter.kind, number: letter.number },
    });
  return c;
}

async function unitOfStaff(tx: Tx, agencyId: string, staffId: string | null): Promise<string | null> {
  if (!staffId) return null;
  const [m] = await tx
    .select({ unitId: staff.unitId })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.agencyId, agencyId)));
  return m?.unitId ?? null;
}

export async function loadPetition(tx: Tx, agencyId: string, caseId: string) {
  const c = await loadCase(tx, agencyId, caseId);
  const [p] = await tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.caseId, c.id), eq(petitions.agencyId, agencyId)));
  if (!p || c.kind !== "petition") throw notFound();
  return { c, p };
}

export function personalOf(deps: AppDeps, p: typeof petitions.$inferSelect): PetitionPersonalData {
  return JSON.parse(decryptField(deps.secrets.fieldKey, p.personalEnc)) as PetitionPersonalData;
}

/**
 * Earlier petitions of the same petitioner (blind index) and petitions with similar text (pg_trgm on the
 * masked text). Only candidates: the handler links or marks them.
 */
export async function candidates(
  tx: Tx,
  deps: AppDeps,
  agencyId: string,
  q: { petitionerIndex: string; searchText: string; exceptCaseId?: string },
) {
  const except = q.exceptCaseId ? ne(petitions.caseId, q.exceptCaseId) : undefined;
  const same = await tx
    .select({
      caseId: petitions.caseId,
      number: cases.number,
      state: cases.state,
      receivedAt: cases.receivedAt,
      typeCode: petitions.typeCode,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(and(eq(petitions.agencyId, agencyId), eq(petitions.petitionerIndex, q.petitionerIndex), except))
    .orderBy(desc(cases.receivedAt))
    .limit(20);
  // similarity() and % are called schema-qualified: on PostgreSQL the tests run in per-file schemas while
  // the extension lives in public.
  const score = sql<number>`public.similarity(${petitions.searchText}, ${q.searchText})`;
  // Only the % operator can use the trigram GIN index (similarity() >= x alone scans every petition of the
  // agency: ~1.5 s at 50,000, bench/similar-petitions.ts). % compares with pg_trgm.similarity_threshold, so
  // it is pinned to SIMILARITY.show for this transaction; the score filter below keeps the cut exact anyway.
  await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY.show)}, true)`);
  const similar = await tx
    .select({
      caseId: petitions.caseId,
      number: cases.number,
      state: cases.state,
      receivedAt: cases.receivedAt,
      typeCode: petitions.typeCode,
      score,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(
      and(
        eq(petitions.agencyId, agencyId),
        except,
        sql`${petitions.searchText} OPERATOR(public.%) ${q.searchText}`,
        sql`${score} >= ${SIMILARITY.show}`,
      ),
    )
    .orderBy(desc(score))
    .limit(SIMILARITY.limit);
  const view = (r: (typeof same)[number]) => ({
    caseId: r.caseId,
    number: r.number,
    state: r.state,
    typeCode: r.typeCode,
    receivedAt: r.receivedAt.toISOString(),
  });
  void deps;
  return {
    samePetitioner: same.map(view),
    similar: similar.map((r) => ({
      ...view(r),
      score: Math.round(Number(r.score) * 100) / 100,
      band: similarityBand(Number(r.score)),
    })),
  };
}

export function candidateKeys(
  deps: AppDeps,
  input: Pick<PetitionIntake, "content" | "petitioner"> & { title?: string },
) {
  return {
    petitionerIndex: blindIndex(deps.secrets.blindIndexKey, "petitioner", petitionerKey(input.petitioner)),
    searchText: searchTextOf(`${input.title ?? ""}\n${input.content}`, input.petitioner.name),
  };
}

/** Everything staff see on a petition (personal data decrypted; the route writes the read to the ledger). */
export async function petitionDetail(tx: Tx, deps: AppDeps, agencyId: string, caseId: string) {
  const { c, p } = await loadPetition(tx, agencyId, caseId);
  const fk = deps.secrets.fieldKey;
  const links = await tx
    .select({
      id: petitionLinks.id,
      caseId: petitionLinks.caseId,
      otherCaseId: petitionLinks.otherCaseId,
      kind: petitionLinks.kind,
      note: petitionLinks.note,
      createdAt: petitionLinks.createdAt,
    })
    .from(petitionLinks)
    .where(
      and(
        eq(petitionLinks.agencyId, agencyId),
        or(eq(petitionLinks.caseId, c.id), eq(petitionLinks.otherCaseId, c.id)),
      ),
    );
  const otherIds = links.map((l) => (l.caseId === c.id ? l.otherCaseId : l.caseId));
  const numbers = otherIds.length
    ? await tx
        .select({ id: cases.id, number: cases.number })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), inArray(cases.id, otherIds)))
    : [];
  const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
  const [guardian] = p.guardianId
    ? await tx.select({ id: staff.id, name: staff.displayName }).from(staff).where(eq(staff.id, p.guardianId))
    : [];
  const letters = await caseComms().listLetters(tx, deps, agencyId, c.id);
  return {
    case: await caseDetail(tx, agencyId, c),
    typeCode: p.typeCode,
    title: decryptField(fk, p.titleEnc),
    content: decryptField(fk, p.contentEnc),
    petitioner: personalOf(deps, p).petitioner,
    locale: p.locale,
    emailVerified: !!p.emailVerifiedAt,
    period: c.periodDays != null ? { days: c.periodDays } : { hours: c.periodHours },
    guardian: guardian
      ? { id: guardian.id, name: guardian.name, since: p.guardianSince?.toISOString() ?? null }
      : null,
    answerSummary: p.answerSummaryEnc ? decryptField(fk, p.answerSummaryEnc) : null,
    links: links.map((l) => {
      const other = l.caseId === c.id ? l.otherCaseId : l.caseId;
      return {
        id: l.id,
        otherCaseId: other,
        otherNumber: numberOf.get(other) ?? "",
        kind: l.kind,
        note: l.note,
        createdAt: l.createdAt.toISOString(),
      };
    }),
    letters,
    candidates: await candidates(tx, deps, agencyId, {
      petitionerIndex: p.petitionerIndex,
      searchText: p.searchText,
      exceptCaseId: c.id,
    }),
  };
}

/**
 * Transfer to another unit of the same agency: assignment changes, the clock goes on (due date untouched).
 * A unit of another agency is refused before anything is written.
 */
export async function transferToUnit(
  s: ServiceCtx,
  caseId: string,
  body: { unitId: string; assigneeId?: string; reason: string },
) {
  const { c } = await loadPetition(s.tx, s.agency.id, caseId);
  if (!["received", "identity_check", "in_review", "extended", "waiting_requester"].includes(c.state))
    throw conflict("petitions.not_open");
  const [u] = await s.tx
    .select({ id: units.id, agencyId: units.agencyId })
    .from(units)
    .where(eq(units.id, body.unitId));
  if (!u) throw badRequest("cases.bad_unit");
  if (u.agencyId !== s.agency.id) throw badRequest("petitions.unit_other_agency");
  if (body.assigneeId) await assertAssignable(s.tx, s.agency.id, body.unitId, body.assigneeId);
  const assigneeId = body.assigneeId ?? (await defaultHandlerOf(s.tx, s.agency.id, body.unitId));
  const [row] = await s.tx
    .update(cases)
    .set({ unitId: body.unitId, assigneeId, version: c.version + 1, updatedAt: new Date() })
    .where(and(eq(cases.id, c.id), eq(cases.version, c.version)))
    .returning();
  if (!row) throw conflict("cases.stale");
  await addEvent(s.tx, row, {
    type: "unit_transfer",
    actor: s.actor,
    public: true,
    details: { fromUnitId: c.unitId, toUnitId: body.unitId, assigneeId, reason: body.reason },
  });
  s.audit({
    action: "petitions.transfer_unit",
    resourceType: "case",
    resourceId: row.id,
    subjectRef: row.subjectRef,
    details: { number: row.number, fromUnitId: c.unitId, toUnitId: body.unitId },
  });
  return row;
}

async function letterToPetitioner(
  s: ServiceCtx,
  row: typeof cases.$inferSelect,
  p: typeof petitions.$inferSelect,
  kind: "petition_answer" | "petition_transfer" | "petition_extension_notice",
  data: Record<string, unknown>,
  mailSubject: Record<Locale, string>,
): Promise<LetterInfo | null> {
  const who = personalOf(s.deps, p).petitioner;
  const letter = await caseComms().generateLetter(s.tx, s.deps, {
    agencyId: s.agency.id,
    caseId: row.id,
    kind,
    locale: p.locale,
    officerId: row.assigneeId ?? s.actor.id,
    data: {
      recipient: { name: who.name, address: who.address, email: who.email },
      requestNumber: row.number,
      ...data,
    },
  });
  if (!letter) return null;
  await addEvent(s.tx, row, {
    type: "letter",
    actor: s.actor,
    public: true,
    details: { letterId: letter.id, kind: letter.kind, number: letter.number },
  });
  if (who.email)
    await caseComms().sendMail(s.tx, s.deps, {
      agencyId: s.agency.id,
      caseId: row.id,
      kind,
      to: who.email,
      locale: p.locale,
      subject: `${mailSubject[p.locale]} ${row.number}`,
      text: `${mailSubject[p.locale]} ${row.number}`,
      letterIds: [letter.id],
    });
  return letter;
}

const SUBJECT = {
  transfer: { ko: "[민원 이송 통지]", "zh-TW": "[陳情移送通知]", en: "[Your petition was transferred]" },
  answer: { ko: "[민원 처리 결과]", "zh-TW": "[陳情處理結果]", en: "[Answer to your petition]" },
  extension: {
    ko: "[민원 처리기간 연장 통지]",
    "zh-TW": "[陳情處理期限延長通知]",
    en: "[Extension of the period]",
  },
} satisfies Record<string, Record<Locale, string>>;

/** 이송: the petition leaves this agency (case closes as transferred) with the letter to the petitioner. */
export async function transferToAgency(
  s: ServiceCtx,
  caseId: string,
  body: { to: string; reason: string; version?: number },
) {
  const { p } = await loadPetition(s.tx, s.agency.id, caseId);
  const row = await transition(
    s.tx,
    s.agency,
    caseId,
    { type: "transfer", to: body.to, reason: body.reason },
    { actor: s.actor, audit: s.audit, expectedVersion: body.version },
  );
  const letter = await letterToPetitioner(
    s,
    row,
    p,
    "petition_transfer",
    { transferredTo: body.to, summary: body.reason },
    SUBJECT.transfer,
  );
  return { row, letter };
}

/** The answer: decide, letter in the petitioner's language, notify (the handler closes afterwards). */
export async function answer(
  s: ServiceCtx,
  caseId: string,
  body: { outcome: "granted" | "partly" | "refused"; summary: string; version?: number },
) {
  const { c, p } = await loadPetition(s.tx, s.agency.id, caseId);
  let row = c;
  // A petition never waits in identity_check: a received one goes to review first.
  if (row.state === "received")
    row = await transition(
      s.tx,
      s.agency,
      caseId,
      { type: "verify_identity" },
      { actor: s.actor, audit: s.audit, expectedVersion: body.version },
    );
  row = await transition(
    s.tx,
    s.agency,
    caseId,
    { type: "decide", outcome: body.outcome },
    { actor: s.actor, audit: s.audit, expectedVersion: body.version === undefined ? undefined : row.version },
  );
  await s.tx
    .update(petitions)
    .set({ answerSummaryEnc: encryptField(s.deps.secrets.fieldKey, body.summary), updatedAt: new Date() })
    .where(eq(petitions.caseId, c.id));
  const letter = await letterToPetitioner(
    s,
    row,
    p,
    "petition_answer",
    { summary: body.summary, decidedAt: row.decidedAt?.toISOString() },
    SUBJECT.answer,
  );
  row = await transition(s.tx, s.agency, caseId, { type: "notify" }, { actor: s.actor, audit: s.audit });
  return { row, letter };
}

// One extension with notice (Civil Petitions Act §21): the generic extend step calls this after the engine
// granted it; the engine refuses a second one (extension_limit).
registerCaseKindHooks("petition", {
  ownTransfer: true,
  async extensionNotice(tx, deps, agency, row, reason, actor) {
    const { p } = await loadPetition(tx, agency.id, row.id);
    const s: ServiceCtx = { tx, deps, agency, actor, audit: () => {} };
    return letterToPetitioner(
      s,
      row,
      p,
      "petition_extension_notice",
      { dueAt: row.originalDueAt.toISOString(), newDueAt: row.dueAt.toISOString(), extensionReason: reason },
      SUBJECT.extension,
    );
  },
});

const OPEN = new Set([
  "received",
  "identity_check",
  "in_review",
  "extended",
  "waiting_requester",
  "decided",
  "notified",
]);

/** I5: name a petition guardian (민원후견인) while the case is open. */
export async function assignGuardian(s: ServiceCtx, caseId: string, staffId: string | null) {
  const { c, p } = await loadPetition(s.tx, s.agency.id, caseId);
  if (!OPEN.has(c.state) || c.state === "closed") throw conflict("petitions.guardian_closed");
  if (staffId) {
    const [m] = await s.tx
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.id, staffId), eq(staff.agencyId, s.agency.id), eq(staff.status, "active")));
    if (!m) throw badRequest("cases.bad_assignee");
  } else if (!p.guardianId) throw conflict("petitions.no_guardian");
  await s.tx
    .update(petitions)
    .set({ guardianId: staffId, guardianSince: staffId ? new Date() : null, updatedAt: new Date() })
    .where(eq(petitions.caseId, c.id));
  await addEvent(s.tx, c, { type: "guardian", actor: s.actor, details: { from: p.guardianId, to: staffId } });
  s.audit({
    action: staffId ? "petitions.guardian.assign" : "petitions.guardian.release",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: { number: c.number, staffId: staffId ?? p.guardianId },
  });
}

/** A handler marks two petitions as repeat / similar / duplicate (the system never does). */
export async function addLink(
  s: ServiceCtx,
  caseId: string,
  body: { otherCaseId: string; kind: "repeat" | "similar" | "duplicate"; note?: string },
) {
  const { c } = await loadPetition(s.tx, s.agency.id, caseId);
  if (body.otherCaseId === c.id) throw badRequest("petitions.link_self");
  await loadPetition(s.tx, s.agency.id, body.otherCaseId).catch(() => {
    throw badRequest("petitions.link_unknown");
  });
  const [row] = await s.tx
    .insert(petitionLinks)
    .values({
      agencyId: s.agency.id,
      caseId: c.id,
      otherCaseId: body.otherCaseId,
      kind: body.kind,
      note: body.note ?? null,
      createdBy: s.actor.id,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict("petitions.link_exists");
  await addEvent(s.tx, c, {
    type: "link",
    actor: s.actor,
    details: { otherCaseId: body.otherCaseId, kind: body.kind },
  });
  s.audit({
    action: "petitions.link.create",
    resourceType: "case",
    resourceId: c.id,
    details: { otherCaseId: body.otherCaseId, kind: body.kind },
  });
  return row;
}

export async function removeLink(s: ServiceCtx, caseId: string, linkId: string) {
  const { c } = await loadPetition(s.tx, s.agency.id, caseId);
  const [row] = await s.tx
    .delete(petitionLinks)
    .where(
      and(
        eq(petitionLinks.id, linkId),
        eq(petitionLinks.agencyId, s.agency.id),
        or(eq(petitionLinks.caseId, c.id), eq(petitionLinks.otherCaseId, c.id)),
      ),
    )
    .returning();
  if (!row) throw notFound();
  s.audit({ action: "petitions.link.delete", resourceType: "case", resourceId: c.id, details: { linkId } });
}

export { AppError };
