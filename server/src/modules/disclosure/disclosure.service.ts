// Information disclosure requests, staff side (J1, J4; issue 12 item 3). The case engine keeps state, clock
// and timeline; this module keeps the form, the third parties heard, the decision with its grounds, fees,
// the released files and the remedy dates. The portal reuses `createDisclosure` with its own options.
import {
  assertNoPendingThirdParty,
  CASE_OUTCOME_OF,
  type CitizenInput,
  checkDecision,
  checkTransfer,
  computeDisclosureFees,
  type DecisionOutcome,
  DISCLOSURE_DEADLINE_KIND,
  DisclosureRuleViolation,
  dayPeriodEnd,
  remedyDues,
  THIRD_PARTY_PERIOD,
} from "@civicpims/core/disclosure/index";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  caseAttachments,
  caseRedactions,
  type DisclosurePersonalData,
  disclosureReleasedFiles,
  disclosureRequests,
  disclosureThirdParties,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { blindIndex, decryptField, encryptField } from "../../security/field-crypto";
import { subjectRef } from "../../security/subject-ref";
import type { LedgerInput } from "../audit/ledger.service";
import { loadCalendarOverrides } from "../calendar/overrides.repo";
import { attachmentView } from "../cases/attachments";
import {
  type Actor,
  type AgencyInfo,
  addEvent,
  type CaseRow,
  createCase,
  loadCase,
  registerCaseKindHooks,
  transition,
} from "../cases/case.service";
import { caseDetail } from "../cases/cases.routes";
import { caseComms, type LetterInfo, type LetterKind } from "../cases/comms";
import { agencyPublicUrl } from "../letters/agency-mail";
import "./messages";

export interface ServiceCtx {
  tx: Tx;
  deps: AppDeps;
  agency: AgencyInfo;
  actor: Actor;
  audit: (e: LedgerInput) => void;
}

export type Channel = CaseRow["channel"];
export interface CreateDisclosureOptions {
  channel: Channel;
  receivedAt: Date;
  locale: Locale;
  emailVerifiedAt?: Date | null;
  accessCodeHash?: string | null;
  unitId?: string | null;
  assigneeId?: string | null;
}

/** Pure rule errors -> 400/409 disclosure.<code>, in the caller's language. */
export function rule<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DisclosureRuleViolation)
      throw new AppError(e.code === "third_party_pending" ? 409 : 400, `disclosure.${e.code}`, e.details);
    throw e;
  }
}

const enc = (deps: AppDeps, v: unknown) => encryptField(deps.secrets.fieldKey, JSON.stringify(v));
const dec = <T>(deps: AppDeps, v: string): T => JSON.parse(decryptField(deps.secrets.fieldKey, v)) as T;
const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** The requester's stable key: name with birth date, business number or ID number (form fields). */
function requesterKey(r: DisclosurePersonalData["requester"]): string {
  const id = r.idNumber?.toUpperCase() ?? r.businessNumber?.replace(/-/g, "") ?? r.birthDate ?? "";
  return `person:${norm(r.name)}|${id}`;
}

/** Creates the case (calendar kind foi / tw_foi, receipt DS-YYYY-NNNNNN) and the disclosure request. */
export async function createDisclosure(s: ServiceCtx, input: CitizenInput, opts: CreateDisclosureOptions) {
  const j = s.agency.jurisdiction;
  const tw = "idNumber" in input.requester;
  if ((j === "TW") !== tw) throw badRequest("disclosure.wrong_form", { jurisdiction: j });
  if (input.methods.includes("other") && !input.methodOther?.trim())
    throw badRequest("disclosure.method_other_required");
  const personal: DisclosurePersonalData = {
    requester: { ...input.requester },
    representative: "representative" in input ? (input.representative ?? null) : null,
    content: input.content,
    purpose: "purpose" in input ? input.purpose : null,
    methodOther: input.methodOther ?? null,
    feeWaiverReason: input.feeWaiver?.requested ? (input.feeWaiver.reason ?? null) : null,
  };
  const key = requesterKey(personal.requester);
  const c = await createCase(
    s.tx,
    s.agency,
    {
      kind: "disclosure",
      subKind: "disclosure",
      deadlineKind: DISCLOSURE_DEADLINE_KIND[j],
      channel: opts.channel,
      receivedAt: opts.receivedAt,
      unitId: opts.unitId ?? null,
      assigneeId: opts.assigneeId ?? null,
      subjectRef: subjectRef(s.deps.secrets, key),
    },
    s.actor,
    s.audit,
  );
  await s.tx.insert(disclosureRequests).values({
    caseId: c.id,
    agencyId: s.agency.id,
    personalEnc: enc(s.deps, personal),
    requesterIndex: blindIndex(s.deps.secrets.blindIndexKey, "disclosure_requester", key),
    emailIndex: input.requester.email
      ? blindIndex(s.deps.secrets.blindIndexKey, "email", input.requester.email.toLowerCase())
      : null,
    emailVerifiedAt: opts.emailVerifiedAt ?? null,
    locale: opts.locale,
    methods: [...input.methods],
    receipt: input.receipt,
    itemCount: "itemCount" in input ? input.itemCount : null,
    accessCodeHash: opts.accessCodeHash ?? null,
    feeWaiverRequested: !!input.feeWaiver?.requested,
  });
  // No identity check for disclosure (anyone may ask, KR §5, TW §9): the review starts at intake, so the
  // case can be extended or decided at once.
  return transition(
    s.tx,
    s.agency,
    c.id,
    { type: "verify_identity" },
    { actor: s.actor, audit: s.audit, details: { review: "disclosure" } },
  );
}

export async function loadDisclosure(tx: Tx, agencyId: string, caseId: string) {
  const c = await loadCase(tx, agencyId, caseId);
  if (c.kind !== "disclosure") throw notFound();
  const [r] = await tx
    .select()
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.caseId, c.id), eq(disclosureRequests.agencyId, agencyId)));
  if (!r) throw notFound();
  return { c, r };
}

export const personalOf = (deps: AppDeps, r: typeof disclosureRequests.$inferSelect) =>
  dec<DisclosurePersonalData>(deps, r.personalEnc);

async function thirdPartiesOf(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(disclosureThirdParties)
    .where(eq(disclosureThirdParties.caseId, caseId))
    .orderBy(asc(disclosureThirdParties.notifiedAt));
}

/** Everything staff see on a request (personal data decrypted; the route writes the read to the ledger). */
export async function disclosureDetail(tx: Tx, deps: AppDeps, agencyId: string, caseId: string) {
  const { c, r } = await loadDisclosure(tx, agencyId, caseId);
  const [parties, released, letters, agency] = await Promise.all([
    thirdPartiesOf(tx, c.id),
    tx
      .select({
        a: caseAttachments,
        redactionId: disclosureReleasedFiles.redactionId,
        grounds: caseRedactions.groundsUsed,
      })
      .from(disclosureReleasedFiles)
      .innerJoin(caseAttachments, eq(caseAttachments.id, disclosureReleasedFiles.attachmentId))
      // The grounds of a redacted file are those its redaction was released with (case_redactions).
      .leftJoin(caseRedactions, eq(caseRedactions.id, disclosureReleasedFiles.redactionId))
      .where(eq(disclosureReleasedFiles.caseId, c.id))
      .orderBy(asc(disclosureReleasedFiles.releasedAt)),
    caseComms().listLetters(tx, deps, agencyId, c.id),
    import("../cases/case.service").then((m) => m.agencyInfo(tx, agencyId)),
  ]);
  const p = personalOf(deps, r);
  const j = agency.jurisdiction;
  const overrides = c.notifiedAt ? await loadCalendarOverrides(tx, agencyId) : undefined;
  return {
    case: await caseDetail(tx, agencyId, c),
    subjectRef: c.subjectRef,
    jurisdiction: j,
    requester: p.requester,
    representative: p.representative ?? null,
    content: p.content,
    purpose: p.purpose ?? null,
    itemCount: r.itemCount,
    methods: r.methods,
    methodOther: p.methodOther ?? null,
    receipt: r.receipt,
    locale: r.locale,
    feeWaiverRequested: r.feeWaiverRequested,
    feeWaiverReason: p.feeWaiverReason ?? null,
    outcome: r.outcome,
    grounds: r.grounds,
    decisionNote: r.decisionNoteEnc ? dec<string>(deps, r.decisionNoteEnc) : null,
    transferTarget: r.transferTarget,
    fees: {
      currency: r.feeCurrency,
      lines: r.feeLines ?? [],
      total: r.feeTotal,
      waived: r.feeWaived,
    },
    thirdParties: parties.map((t) => ({
      id: t.id,
      ...dec<{ name: string; contact?: string }>(deps, t.personalEnc),
      notifiedAt: t.notifiedAt.toISOString(),
      responseDueAt: t.responseDueAt.toISOString(),
      opinion: t.opinion,
      note: t.opinionNoteEnc ? dec<string>(deps, t.opinionNoteEnc) : null,
      recordedAt: t.recordedAt?.toISOString() ?? null,
    })),
    released: released.map((x) => ({
      ...attachmentView(x.a),
      redactionId: x.redactionId,
      grounds: x.grounds ?? [],
    })),
    remedies: c.notifiedAt
      ? remedyDues(j, c.notifiedAt.getTime(), agency.timeZone, overrides).map((d) => ({
          code: d.code,
          days: d.days,
          dueAt: new Date(d.dueMs).toISOString(),
          source: d.source,
          verify: !!d.verify,
        }))
      : [],
    objection: r.objectionAt
      ? { at: r.objectionAt.toISOString(), note: r.objectionEnc ? dec<string>(deps, r.objectionEnc) : null }
      : null,
    letters,
  };
}

/** KR §11③ / TW §12②: notify a third party; their period to answer comes from the pack unless given. */
export async function addThirdParty(
  s: ServiceCtx,
  caseId: string,
  body: { name: string; contact?: string; notifiedAt?: string; responseDueAt?: string },
) {
  const { c } = await loadDisclosure(s.tx, s.agency.id, caseId);
  if (c.decidedAt || !["in_review", "extended", "received"].includes(c.state))
    throw conflict("disclosure.not_open");
  const notifiedAt = body.notifiedAt ? new Date(body.notifiedAt) : new Date();
  const j = s.agency.jurisdiction;
  const due = body.responseDueAt
    ? new Date(body.responseDueAt)
    : new Date(
        dayPeriodEnd(
          j,
          notifiedAt.getTime(),
          THIRD_PARTY_PERIOD[j].days,
          s.agency.timeZone,
          await loadCalendarOverrides(s.tx, s.agency.id),
        ),
      );
  if (due.getTime() < notifiedAt.getTime()) throw badRequest("disclosure.response_before_notice");
  const [row] = await s.tx
    .insert(disclosureThirdParties)
    .values({
      agencyId: s.agency.id,
      caseId: c.id,
      personalEnc: enc(s.deps, { name: body.name, contact: body.contact }),
      notifiedAt,
      responseDueAt: due,
    })
    .returning();
  await addEvent(s.tx, c, {
    type: "third_party_notice",
    actor: s.actor,
    details: { thirdPartyId: row.id, responseDueAt: due.toISOString() },
  });
  s.audit({
    action: "disclosure.third_party.notify",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: { thirdPartyId: row.id, responseDueAt: due.toISOString() },
  });
  return c.id;
}

export async function recordOpinion(
  s: ServiceCtx,
  caseId: string,
  thirdPartyId: string,
  body: { opinion: "agree" | "object" | "none"; note?: string },
) {
  const { c } = await loadDisclosure(s.tx, s.agency.id, caseId);
  const [row] = await s.tx
    .update(disclosureThirdParties)
    .set({
      opinion: body.opinion,
      opinionNoteEnc: body.note ? enc(s.deps, body.note) : null,
      recordedAt: new Date(),
    })
    .where(and(eq(disclosureThirdParties.id, thirdPartyId), eq(disclosureThirdParties.caseId, c.id)))
    .returning({ id: disclosureThirdParties.id });
  if (!row) throw notFound();
  await addEvent(s.tx, c, {
    type: "third_party_opinion",
    actor: s.actor,
    details: { thirdPartyId, opinion: body.opinion },
  });
  s.audit({
    action: "disclosure.third_party.opinion",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: { thirdPartyId, opinion: body.opinion },
  });
  return c.id;
}

const decisionKind = (j: "KR" | "TW"): LetterKind => (j === "KR" ? "foi_decision" : "tw_foi_decision");
const transferKind = (j: "KR" | "TW"): LetterKind => (j === "KR" ? "foi_transfer" : "tw_foi_transfer");

const OUTCOME_TEXT: Record<Locale, Record<DecisionOutcome, string>> = {
  ko: { full: "공개", partial: "부분 공개", non_disclosure: "비공개", not_held: "정보 부존재" },
  "zh-TW": { full: "公開", partial: "部分公開", non_disclosure: "不予公開", not_held: "資訊不存在" },
  en: {
    full: "Disclosed",
    partial: "Partly disclosed",
    non_disclosure: "Not disclosed",
    not_held: "Not held",
  },
};

function letterBase(p: DisclosurePersonalData, c: CaseRow) {
  return {
    recipient: {
      name: p.requester.name,
      address: p.requester.address,
      ...(p.requester.email ? { email: p.requester.email } : {}),
    },
    requestNumber: c.number,
    receivedAt: c.receivedAt.toISOString(),
    requestContent: p.content.slice(0, 4000),
  };
}

async function letterEvent(s: ServiceCtx, c: CaseRow, letter: LetterInfo | null) {
  if (letter)
    await addEvent(s.tx, c, {
      type: "letter",
      actor: s.actor,
      public: true,
      details: { letterId: letter.id, kind: letter.kind, number: letter.number },
    });
}

export interface DecideBody {
  outcome: DecisionOutcome;
  groundCodes: string[];
  note?: string;
  fees?: { lines: Array<{ code: string; quantity: number; unitAmount?: number }>; waived: boolean };
  releaseAttachmentIds?: string[];
  decidedAt?: string;
}

/**
 * Decides the request: the grounds rule and the third-party hearing are checked before anything is written,
 * so a refused decision leaves the case as it was. Writes outcome, grounds, fees, released files, the case
 * transition and the decision letter (every ground printed with its article).
 */
export async function decide(s: ServiceCtx, caseId: string, body: DecideBody) {
  const { c, r } = await loadDisclosure(s.tx, s.agency.id, caseId);
  if (c.decidedAt || r.outcome) throw conflict("disclosure.already_decided");
  const j = s.agency.jurisdiction;
  const grounds = rule(() =>
    checkDecision(j, { outcome: body.outcome, groundCodes: body.groundCodes, note: body.note }),
  );
  const parties = await thirdPartiesOf(s.tx, c.id);
  const now = body.decidedAt ? new Date(body.decidedAt) : new Date();
  if (now.getTime() < c.receivedAt.getTime() || now.getTime() > Date.now() + 60_000)
    throw badRequest("disclosure.decided_out_of_range");
  rule(() =>
    assertNoPendingThirdParty(
      parties.map((t) => ({
        id: t.id,
        notifiedAt: t.notifiedAt.getTime(),
        responseDueAt: t.responseDueAt.getTime(),
        opinion: t.opinion,
      })),
      now.getTime(),
    ),
  );
  const fees = body.fees
    ? rule(() => computeDisclosureFees(j, body.fees?.lines ?? [], !!body.fees?.waived))
    : null;
  const release = [...new Set(body.releaseAttachmentIds ?? [])];
  if (release.length && body.outcome !== "full" && body.outcome !== "partial")
    throw badRequest("disclosure.release_full_only");
  // Partial disclosure releases only what a released redaction of this case produced (its labelled file).
  const redactedFrom = new Map<string, string>();
  if (release.length) {
    const found = await s.tx
      .select({ id: caseAttachments.id })
      .from(caseAttachments)
      .where(and(eq(caseAttachments.caseId, c.id), eq(caseAttachments.agencyId, s.agency.id)));
    const ids = new Set(found.map((f) => f.id));
    const unknown = release.filter((x) => !ids.has(x));
    if (unknown.length) throw badRequest("disclosure.unknown_attachment", { unknown });
    const outputs = await s.tx
      .select({ id: caseRedactions.id, output: caseRedactions.outputAttachmentId })
      .from(caseRedactions)
      .where(
        and(
          eq(caseRedactions.caseId, c.id),
          eq(caseRedactions.agencyId, s.agency.id),
          eq(caseRedactions.status, "released"),
        ),
      );
    for (const o of outputs) if (o.output) redactedFrom.set(o.output, o.id);
    if (body.outcome === "partial" && release.some((x) => !redactedFrom.has(x)))
      throw badRequest("disclosure.release_full_only");
  }
  const row = await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "decide", outcome: CASE_OUTCOME_OF[body.outcome] as NonNullable<CaseRow["outcome"]> },
    {
      actor: s.actor,
      audit: s.audit,
      now,
      details: { outcome: body.outcome, grounds: grounds.map((g) => g.code) },
    },
  );
  await s.tx
    .update(disclosureRequests)
    .set({
      outcome: body.outcome,
      grounds: grounds.map((g) => g.code),
      decisionNoteEnc: body.note ? enc(s.deps, body.note) : null,
      feeCurrency: fees?.currency ?? null,
      feeLines: fees?.lines ?? null,
      feeTotal: fees?.total ?? null,
      feeWaived: !!body.fees?.waived,
      updatedAt: now,
    })
    .where(eq(disclosureRequests.caseId, c.id));
  if (release.length)
    await s.tx
      .insert(disclosureReleasedFiles)
      .values(
        release.map((attachmentId) => ({
          agencyId: s.agency.id,
          caseId: c.id,
          attachmentId,
          redactionId: redactedFrom.get(attachmentId) ?? null,
          releasedBy: s.actor.id,
          releasedAt: now,
        })),
      )
      // A redaction's release already recorded its file; naming it again in the decision is no error.
      .onConflictDoNothing();
  const p = personalOf(s.deps, r);
  const letter = await caseComms().generateLetter(s.tx, s.deps, {
    agencyId: s.agency.id,
    caseId: c.id,
    kind: decisionKind(j),
    locale: r.locale,
    officerId: c.assigneeId ?? s.actor.id,
    data: {
      ...letterBase(p, row),
      decidedAt: now.toISOString(),
      summary: [OUTCOME_TEXT[r.locale][body.outcome], body.note].filter(Boolean).join(" — "),
      ...(grounds.length ? { groundCodes: grounds.map((g) => g.code) } : {}),
      fees: {
        items: (fees?.lines ?? []).map((l) => ({ label: l.code, amount: l.amount })),
        total: fees?.total ?? 0,
        currency: fees?.currency ?? (j === "KR" ? "KRW" : "TWD"),
        waived: !!body.fees?.waived,
      },
    },
  });
  await letterEvent(s, row, letter);
  s.audit({
    action: "disclosure.decision",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: {
      outcome: body.outcome,
      grounds: grounds.map((g) => g.code),
      feeTotal: fees?.total ?? null,
      released: release.length,
    },
  });
  return { caseId: c.id, letter };
}

/** 민원이첩 (KR §11④) / 移送 (TW §17): the case closes here as transferred, with the letter. */
export async function transferRequest(
  s: ServiceCtx,
  caseId: string,
  body: { targetAgency: string; reason: string },
) {
  const { c, r } = await loadDisclosure(s.tx, s.agency.id, caseId);
  rule(() => checkTransfer(body.targetAgency));
  const row = await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "transfer", reason: body.reason, to: body.targetAgency },
    { actor: s.actor, audit: s.audit },
  );
  await s.tx
    .update(disclosureRequests)
    .set({ outcome: "transferred", transferTarget: body.targetAgency, updatedAt: new Date() })
    .where(eq(disclosureRequests.caseId, c.id));
  const p = personalOf(s.deps, r);
  const letter = await caseComms().generateLetter(s.tx, s.deps, {
    agencyId: s.agency.id,
    caseId: c.id,
    kind: transferKind(s.agency.jurisdiction),
    locale: r.locale,
    officerId: c.assigneeId ?? s.actor.id,
    data: { ...letterBase(p, row), transferTo: body.targetAgency, summary: body.reason },
  });
  await letterEvent(s, row, letter);
  return { caseId: c.id, letter };
}

export async function withdrawRequest(s: ServiceCtx, caseId: string, body: { reason: string }) {
  const { c } = await loadDisclosure(s.tx, s.agency.id, caseId);
  await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "withdraw", reason: body.reason },
    { actor: s.actor, audit: s.audit },
  );
  await s.tx
    .update(disclosureRequests)
    .set({ outcome: "withdrawn", updatedAt: new Date() })
    .where(eq(disclosureRequests.caseId, c.id));
  return c.id;
}

/**
 * The decision reaches the requester: decided -> notified; the remedy periods start here. A requester who gave
 * an e-mail address gets the notice through the case comms outbox (the letters attached when they asked to
 * receive by e-mail); it is queued in the same transaction, so a refused transition sends nothing.
 */
export async function notifyRequester(s: ServiceCtx, caseId: string, body: { notifiedAt?: string }) {
  const { c, r } = await loadDisclosure(s.tx, s.agency.id, caseId);
  const at = body.notifiedAt ? new Date(body.notifiedAt) : new Date();
  if (at.getTime() > Date.now() + 60_000) throw badRequest("disclosure.notified_in_future");
  const p = personalOf(s.deps, r);
  const channels: string[] = [];
  if (p.requester.email) {
    const letters = await caseComms().listLetters(s.tx, s.deps, s.agency.id, c.id);
    await caseComms().sendMail(s.tx, s.deps, {
      agencyId: s.agency.id,
      caseId: c.id,
      kind: "decision_notice",
      to: p.requester.email,
      locale: r.locale,
      ...noticeMail(r.locale, c.number, await agencyPublicUrl(s.tx, s.deps.config, s.agency.id)),
      letterIds: r.receipt === "email" ? letters.map((l) => l.id) : [],
    });
    channels.push("email");
  }
  if (r.receipt !== "email" && r.receipt !== "online") channels.push(r.receipt);
  await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "notify" },
    { actor: s.actor, audit: s.audit, now: at, details: { channels } },
  );
  return c.id;
}

const NOTICE: Record<Locale, [string, string]> = {
  ko: [
    "[정보공개 결정 통지]",
    "청구하신 정보공개({{n}})의 결정 내용을 알려드립니다. 접수번호와 확인코드로 결정 통지서와 공개된 파일을 내려받을 수 있습니다: {{u}}/portal",
  ],
  "zh-TW": [
    "[政府資訊公開決定通知]",
    "您申請的政府資訊（{{n}}）已作成決定。請以收件編號及查詢碼下載通知書及公開的檔案：{{u}}/portal",
  ],
  en: [
    "[Information disclosure decision]",
    "The decision on your disclosure request ({{n}}) has been made. Download the decision letter and the released files with your receipt number and access code: {{u}}/portal",
  ],
};
function noticeMail(l: Locale, n: string, u: string) {
  return { subject: `${NOTICE[l][0]} ${n}`, text: NOTICE[l][1].replace("{{n}}", n).replace("{{u}}", u) };
}

/** 이의신청 (KR §18) / 訴願 (TW) recorded on the case once filed. */
export async function recordObjection(
  s: ServiceCtx,
  caseId: string,
  body: { filedAt: string; note?: string },
) {
  const { c } = await loadDisclosure(s.tx, s.agency.id, caseId);
  if (!c.decidedAt) throw conflict("disclosure.not_decided");
  await s.tx
    .update(disclosureRequests)
    .set({
      objectionAt: new Date(body.filedAt),
      objectionEnc: body.note ? enc(s.deps, body.note) : null,
      updatedAt: new Date(),
    })
    .where(eq(disclosureRequests.caseId, c.id));
  await addEvent(s.tx, c, {
    type: "objection",
    actor: s.actor,
    public: true,
    details: { filedAt: body.filedAt },
  });
  s.audit({
    action: "disclosure.objection.record",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: { filedAt: body.filedAt },
  });
  return c.id;
}

// Extension once with notice (KR §11②, TW §12②): the generic transition route calls this after extending.
registerCaseKindHooks("disclosure", {
  async extensionNotice(tx, deps, agency, row, reason, actor) {
    const { r } = await loadDisclosure(tx, agency.id, row.id);
    const p = personalOf(deps, r);
    const letter = await caseComms().generateLetter(tx, deps, {
      agencyId: agency.id,
      caseId: row.id,
      kind: agency.jurisdiction === "KR" ? "extension_notice" : "tw_extension_notice",
      locale: r.locale,
      officerId: row.assigneeId ?? actor?.id ?? null,
      data: {
        ...letterBase(p, row),
        dueAt: row.originalDueAt.toISOString(),
        newDueAt: row.dueAt.toISOString(),
        extensionReason: reason,
      },
    });
    if (letter)
      await addEvent(tx, row, {
        type: "letter",
        actor,
        public: true,
        details: { letterId: letter.id, kind: letter.kind, number: letter.number },
      });
    return letter;
  },
});
