import { parseInstant } from "@civicpims/core/calendar/index";
import {
  CHANGING_ACTIONS,
  type Channel,
  checkRequester,
  computeFees,
  type ItemDecision,
  maskIdentifier,
  overallOutcome,
  RightsRuleViolation,
  requestKind,
  resolveDecision,
} from "@civicpims/core/cases/index";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  caseAttachments,
  caseTasks,
  type RequestPersonalData,
  requestDestructionHandovers,
  requestDisputes,
  requestFees,
  requestIdentityChecks,
  requestItems,
  rightsRequests,
  staff,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { blindIndex, decryptField, encryptField } from "../../security/field-crypto";
import { subjectRef } from "../../security/subject-ref";
import type { LedgerInput } from "../audit/ledger.service";
import { attachmentView } from "../cases/attachments";
import {
  type Actor,
  type AgencyInfo,
  addEvent,
  caseView,
  createCase,
  loadCase,
  registerCaseKindHooks,
  transition,
} from "../cases/case.service";
import { caseDetail } from "../cases/cases.routes";
import { caseComms, type LetterInfo } from "../cases/comms";
import { agencyPublicUrl } from "../letters/agency-mail";
import { assertAssignable } from "./assign";
import { baseLetterData, completionLetterKind, decisionLetterKind, extensionLetterKind } from "./letter-data";
import { handlingUnitOf, recipientsOf, registerFiles } from "./registry-seam";
import type { StaffCreateBody } from "./requests.schemas";
import "./messages";

// The extension notice of a rights request (C7; TW 002 第14點: reason in writing before the period ends).
registerCaseKindHooks("rights_request", {
  async extensionNotice(tx, deps, agency, row, reason, actor) {
    const { r } = await loadRequest(tx, agency.id, row.id);
    const p = personalOf(deps, r);
    const letter = await caseComms().generateLetter(tx, deps, {
      agencyId: agency.id,
      caseId: row.id,
      kind: extensionLetterKind(agency.jurisdiction),
      locale: r.locale,
      officerId: row.assigneeId ?? actor?.id ?? null,
      data: {
        ...baseLetterData(p, row),
        dueAt: row.originalDueAt.toISOString(),
        newDueAt: row.dueAt.toISOString(),
        extensionReason: reason,
      },
    });
    if (letter) {
      await addEvent(tx, row, {
        type: "letter",
        actor,
        public: true,
        details: { letterId: letter.id, kind: letter.kind, number: letter.number },
      });
      if (p.requester.email)
        await caseComms().sendMail(tx, deps, {
          agencyId: agency.id,
          caseId: row.id,
          kind: "extension_notice",
          to: p.requester.email,
          locale: r.locale,
          subject: `${EXTENSION[r.locale]} ${row.number}`,
          text: `${EXTENSION[r.locale]} ${row.number}`,
          letterIds: [letter.id],
        });
    }
    return letter;
  },
});
const EXTENSION: Record<Locale, string> = {
  ko: "[처리기간 연장 통지]",
  "zh-TW": "[延長處理期間通知]",
  en: "[Extension of the time limit]",
};

export interface ServiceCtx {
  tx: Tx;
  deps: AppDeps;
  agency: AgencyInfo;
  actor: Actor;
  audit: (e: LedgerInput) => void;
}

/** Maps the pure rule errors onto API errors (400 requests.<code>). */
export function rule<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RightsRuleViolation) throw new AppError(400, `requests.${e.code}`, e.details);
    throw e;
  }
}

const localDate = (ms: number, tz: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(ms);

/** The data subject's stable reference for the ledger: birth date + name, else the requester's e-mail. */
export function subjectKey(p: Pick<RequestPersonalData, "requester" | "subject">): string {
  const who = p.subject ?? p.requester;
  if (who.birthDate) return `person:${who.name.normalize("NFKC").replace(/\s+/g, "")}|${who.birthDate}`;
  if (!p.subject && p.requester.email) return `email:${p.requester.email.toLowerCase()}`;
  return `person:${who.name.normalize("NFKC").replace(/\s+/g, "")}`;
}

export interface CreateOptions {
  channel: Channel;
  receivedAt: Date;
  locale: Locale;
  emailVerifiedAt?: Date | null;
}

type CreateInput = Omit<StaffCreateBody, "channel" | "receivedAt" | "locale">;

/** Creates the case and the request (staff entry and portal confirmation share this). */
export async function createRequest(s: ServiceCtx, input: CreateInput, opts: CreateOptions) {
  const j = s.agency.jurisdiction;
  const kind = requestKind(j, input.kind);
  if (!kind) throw badRequest("requests.unknown_kind", { known: undefined });
  const hasSubject = !!input.subject && input.requesterType !== "self";
  rule(() =>
    checkRequester(j, {
      requesterType: input.requesterType,
      basis: input.representation?.basis ?? null,
      hasSubject,
      subjectBirthDate: (hasSubject ? input.subject?.birthDate : input.requester.birthDate) ?? null,
      onDate: localDate(opts.receivedAt.getTime(), s.agency.timeZone),
    }),
  );
  const actions = input.actions?.length ? input.actions : [kind.actions[0]];
  for (const a of actions)
    if (!kind.actions.includes(a)) throw badRequest("requests.unknown_action", { action: a });
  const delivery = input.delivery?.method ?? (input.requester.email ? "email" : "post");
  if (delivery === "email" && !input.requester.email) throw badRequest("requests.email_required");
  if (delivery === "post" && !(input.delivery?.address || input.requester.address))
    throw badRequest("requests.address_required");
  const files = await registerFiles(s.tx, s.agency.id, input.targetFileIds ?? []);
  if (input.unitId || input.assigneeId) {
    // Validated by the same rules as an assignment.
    await assertAssignable(s.tx, s.agency.id, input.unitId, input.assigneeId);
  }
  const personal: RequestPersonalData = {
    requester: input.requester,
    subject: hasSubject ? (input.subject ?? null) : null,
    relationship: input.representation?.relationship ?? null,
    content: input.content,
    targetDescription: input.targetDescription ?? null,
    deliveryAddress: input.delivery?.address ?? null,
  };
  const ref = subjectRef(s.deps.secrets, subjectKey(personal));
  // Issue 11: route the case to a unit (named > the target file's handling unit > the entering staff
  // member's unit); createCase then gives it to that unit's default handler.
  const unitId =
    input.unitId ??
    (await handlingUnitOf(s.tx, s.agency.id, [...files.keys()])) ??
    (await unitOfStaff(s.tx, s.agency.id, s.actor.id));
  const c = await createCase(
    s.tx,
    s.agency,
    {
      kind: "rights_request",
      subKind: kind.code,
      deadlineKind: kind.deadlineKind,
      channel: opts.channel,
      receivedAt: opts.receivedAt,
      unitId,
      assigneeId: input.assigneeId ?? null,
      subjectRef: ref,
    },
    s.actor,
    s.audit,
  );
  await s.tx.insert(rightsRequests).values({
    caseId: c.id,
    agencyId: s.agency.id,
    requestKind: kind.code,
    requesterType: input.requesterType,
    representationBasis: input.representation?.basis ?? null,
    personalEnc: encryptField(s.deps.secrets.fieldKey, JSON.stringify(personal)),
    emailIndex: input.requester.email
      ? blindIndex(s.deps.secrets.blindIndexKey, "email", input.requester.email.toLowerCase())
      : null,
    emailVerifiedAt: opts.emailVerifiedAt ?? null,
    locale: opts.locale,
    targetFileIds: [...files.keys()],
    deliveryMethod: delivery,
  });
  const targets: Array<{ fileId: string | null; fileLabel: string }> = files.size
    ? [...files].map(([id, name]) => ({ fileId: id, fileLabel: name }))
    : [{ fileId: null, fileLabel: (input.targetDescription ?? "").slice(0, 300) || "-" }];
  const items = targets.flatMap((t) =>
    actions.map((action) => ({ agencyId: s.agency.id, caseId: c.id, ...t, action })),
  );
  await s.tx.insert(requestItems).values(items);
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

export async function loadRequest(tx: Tx, agencyId: string, caseId: string) {
  const c = await loadCase(tx, agencyId, caseId);
  const [r] = await tx
    .select()
    .from(rightsRequests)
    .where(and(eq(rightsRequests.caseId, c.id), eq(rightsRequests.agencyId, agencyId)));
  if (!r) throw notFound();
  return { c, r };
}

export function personalOf(deps: AppDeps, r: typeof rightsRequests.$inferSelect): RequestPersonalData {
  return JSON.parse(decryptField(deps.secrets.fieldKey, r.personalEnc)) as RequestPersonalData;
}

/** Everything staff see on a request (personal data decrypted; the route writes the read to the ledger). */
export async function requestDetail(tx: Tx, deps: AppDeps, agencyId: string, caseId: string) {
  const { c, r } = await loadRequest(tx, agencyId, caseId);
  const [items, checks, fees, disputes, tasks, attachments, letters] = await Promise.all([
    tx
      .select()
      .from(requestItems)
      .where(eq(requestItems.caseId, c.id))
      .orderBy(asc(requestItems.createdAt), asc(requestItems.id)),
    tx
      .select()
      .from(requestIdentityChecks)
      .where(eq(requestIdentityChecks.caseId, c.id))
      .orderBy(asc(requestIdentityChecks.checkedAt)),
    tx.select().from(requestFees).where(eq(requestFees.caseId, c.id)),
    tx.select().from(requestDisputes).where(eq(requestDisputes.caseId, c.id)),
    tx.select().from(caseTasks).where(eq(caseTasks.caseId, c.id)).orderBy(asc(caseTasks.createdAt)),
    tx
      .select()
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, c.id))
      .orderBy(asc(caseAttachments.createdAt)),
    caseComms().listLetters(tx, deps, agencyId, c.id),
  ]);
  const p = personalOf(deps, r);
  return {
    case: await caseDetail(tx, agencyId, c),
    subjectRef: c.subjectRef,
    requestKind: r.requestKind,
    requesterType: r.requesterType,
    representationBasis: r.representationBasis,
    requester: p.requester,
    subject: p.subject ?? null,
    relationship: p.relationship ?? null,
    content: p.content,
    targetDescription: p.targetDescription ?? null,
    locale: r.locale,
    emailVerifiedAt: r.emailVerifiedAt?.toISOString() ?? null,
    identityVerifiedAt: r.identityVerifiedAt?.toISOString() ?? null,
    delivery: {
      method: r.deliveryMethod,
      address: p.deliveryAddress ?? p.requester.address ?? null,
      appointmentAt: r.appointmentAt?.toISOString() ?? null,
      companionStaffId: r.companionStaffId,
      location: r.appointmentLocation,
    },
    items: items.map((i) => ({
      id: i.id,
      fileId: i.fileId,
      fileLabel: i.fileLabel,
      action: i.action,
      details: i.detailsEnc ? decryptField(deps.secrets.fieldKey, i.detailsEnc) : null,
      decision: i.decision,
      groundCatalogue: i.groundCatalogue,
      groundCode: i.groundCode,
      groundArticle: i.groundArticle,
      note: i.decisionNote,
      deferUntil: i.deferUntil?.toISOString() ?? null,
      decidedAt: i.decidedAt?.toISOString() ?? null,
    })),
    identityChecks: checks.map((k) => ({
      id: k.id,
      personRole: k.personRole,
      method: k.method,
      documentType: k.documentType,
      identifierMasked: k.identifierMasked,
      result: k.result,
      notes: k.notes,
      checkedBy: k.checkedByLabel,
      checkedAt: k.checkedAt.toISOString(),
    })),
    fees: {
      currency: r.feeCurrency,
      total: r.feeTotal,
      waived: r.feeWaived,
      waiverReason: r.feeWaiverReason,
      items: fees.map((f) => ({
        code: f.code,
        quantity: f.quantity,
        unitAmount: f.unitAmount,
        amount: f.amount,
      })),
    },
    disputes: disputes.map(disputeView(deps)),
    tasks: tasks.map(taskView),
    attachments: attachments.map(attachmentView),
    letters,
    decisionSummary: r.decisionSummary,
  };
}

export const disputeView = (deps: AppDeps) => (d: typeof requestDisputes.$inferSelect) => ({
  id: d.id,
  caseId: d.caseId,
  fileId: d.fileId,
  fileLabel: d.fileLabel,
  description: decryptField(deps.secrets.fieldKey, d.descriptionEnc),
  status: d.status,
  processingSuspended: d.processingSuspended,
  openedAt: d.openedAt.toISOString(),
  resolvedAt: d.resolvedAt?.toISOString() ?? null,
  outcome: d.outcome,
  resolution: d.resolution,
  subjectRef: d.subjectRef,
});

export const taskView = (t: typeof caseTasks.$inferSelect) => ({
  id: t.id,
  caseId: t.caseId,
  kind: t.kind,
  title: t.title,
  details: t.details,
  status: t.status,
  dueAt: t.dueAt?.toISOString() ?? null,
  doneAt: t.doneAt?.toISOString() ?? null,
  doneNote: t.doneNote,
});

/** Identity verification record (C5); a verified check moves the case into review. */
export async function recordIdentity(
  s: ServiceCtx,
  caseId: string,
  body: {
    personRole: "requester" | "subject" | "representative";
    method: string;
    documentType: string;
    identifier?: string;
    result: "verified" | "failed";
    notes?: string;
  },
) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  if (body.result === "verified" && r.requesterType === "proxy") {
    const [poa] = await s.tx
      .select({ id: caseAttachments.id })
      .from(caseAttachments)
      .where(and(eq(caseAttachments.caseId, c.id), eq(caseAttachments.kind, "power_of_attorney")));
    if (!poa) throw badRequest("requests.poa_required");
  }
  const [check] = await s.tx
    .insert(requestIdentityChecks)
    .values({
      agencyId: s.agency.id,
      caseId: c.id,
      personRole: body.personRole,
      method: body.method,
      documentType: body.documentType,
      identifierMasked: body.identifier ? maskIdentifier(body.identifier) : null,
      identifierIndex: body.identifier
        ? blindIndex(s.deps.secrets.blindIndexKey, "identity", body.identifier)
        : null,
      result: body.result,
      notes: body.notes ?? null,
      checkedBy: s.actor.id,
      checkedByLabel: s.actor.label,
    })
    .returning();
  await addEvent(s.tx, c, {
    type: "identity_check",
    actor: s.actor,
    details: {
      checkId: check.id,
      method: body.method,
      documentType: body.documentType,
      result: body.result,
      personRole: body.personRole,
    },
  });
  s.audit({
    action: "requests.identity.record",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: { checkId: check.id, method: body.method, result: body.result },
  });
  if (body.result === "verified") {
    await s.tx
      .update(rightsRequests)
      .set({ identityVerifiedAt: new Date(), updatedAt: new Date() })
      .where(eq(rightsRequests.caseId, c.id));
    if (c.state === "received" || c.state === "identity_check")
      await transition(s.tx, s.agency, c.id, { type: "verify_identity" }, { actor: s.actor, audit: s.audit });
  } else if (c.state === "received") {
    await transition(
      s.tx,
      s.agency,
      c.id,
      { type: "start_identity_check" },
      { actor: s.actor, audit: s.audit },
    );
  }
  return c.id;
}

/** Replaces the undecided items (target files x actions). */
export async function replaceItems(
  s: ServiceCtx,
  caseId: string,
  items: Array<{ fileId?: string; fileLabel?: string; action: string; details?: string }>,
) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  if (c.decidedAt) throw conflict("requests.already_decided");
  const kind = requestKind(s.agency.jurisdiction, r.requestKind);
  for (const i of items)
    if (!kind?.actions.includes(i.action)) throw badRequest("requests.unknown_action", { action: i.action });
  const fileIds = [...new Set(items.map((i) => i.fileId).filter((x): x is string => !!x))];
  const names = await registerFiles(s.tx, s.agency.id, fileIds);
  await s.tx
    .delete(requestItems)
    .where(and(eq(requestItems.caseId, c.id), eq(requestItems.decision, "pending")));
  await s.tx.insert(requestItems).values(
    items.map((i) => ({
      agencyId: s.agency.id,
      caseId: c.id,
      fileId: i.fileId ?? null,
      fileLabel: (i.fileId ? names.get(i.fileId) : i.fileLabel) || "-",
      action: i.action,
      detailsEnc: i.details ? encryptField(s.deps.secrets.fieldKey, i.details) : null,
    })),
  );
  await s.tx
    .update(rightsRequests)
    .set({ targetFileIds: fileIds, updatedAt: new Date() })
    .where(eq(rightsRequests.caseId, c.id));
  await addEvent(s.tx, c, { type: "items", actor: s.actor, details: { count: items.length, fileIds } });
  s.audit({
    action: "requests.items.update",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: { count: items.length },
  });
  return c.id;
}

/**
 * Per-item decision (granted, partly, refused, deferred) with grounds from the pack (C6, C8-C10); the
 * case moves to decided, the decision letter is asked for, and follow-up work is created: recipient
 * notices after changes (C14, C17), destruction handover after a granted deletion (C16).
 */
export async function decide(
  s: ServiceCtx,
  caseId: string,
  body: {
    items: Array<{
      itemId: string;
      decision: ItemDecision;
      groundCode?: string;
      note?: string;
      deferUntil?: string;
    }>;
    summary?: string;
  },
) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  if (c.decidedAt) throw conflict("requests.already_decided");
  const items = await s.tx
    .select()
    .from(requestItems)
    .where(eq(requestItems.caseId, c.id))
    .orderBy(asc(requestItems.createdAt));
  if (!items.length) throw badRequest("requests.no_items");
  const actionOf = new Map(items.map((i) => [i.id, i.action]));
  const unknown = body.items.filter((d) => !actionOf.has(d.itemId));
  if (unknown.length) throw badRequest("requests.items_undecided", { unknown: unknown.map((u) => u.itemId) });
  const resolved = rule(() =>
    resolveDecision(
      s.agency.jurisdiction,
      r.requestKind,
      items.map((i) => i.id),
      body.items.map((d) => ({ ...d, action: actionOf.get(d.itemId) as string })),
    ),
  );
  const grants = resolved.some((d) => d.decision === "granted" || d.decision === "partly");
  if (grants && !r.identityVerifiedAt) throw badRequest("requests.identity_required");
  const outcome = overallOutcome(resolved.map((d) => d.decision));
  // A refusal may come before any identity check (e.g. identity cannot be verified): the review starts here.
  if (c.state === "received")
    await transition(
      s.tx,
      s.agency,
      c.id,
      { type: "start_identity_check" },
      { actor: s.actor, audit: s.audit },
    );
  const now = new Date();
  for (const d of resolved) {
    await s.tx
      .update(requestItems)
      .set({
        decision: d.decision,
        groundCatalogue: d.ground?.catalogue ?? null,
        groundCode: d.ground?.code ?? null,
        groundArticle: d.ground?.article ?? null,
        decisionNote: d.note ?? null,
        deferUntil: body.items.find((x) => x.itemId === d.itemId)?.deferUntil
          ? new Date(`${body.items.find((x) => x.itemId === d.itemId)?.deferUntil}T00:00:00Z`)
          : null,
        decidedBy: s.actor.id,
        decidedAt: now,
      })
      .where(eq(requestItems.id, d.itemId));
  }
  const row = await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "decide", outcome },
    {
      actor: s.actor,
      audit: s.audit,
      now,
      details: { outcome, grounds: resolved.filter((d) => d.ground).map((d) => d.ground?.code) },
    },
  );
  if (body.summary)
    await s.tx
      .update(rightsRequests)
      .set({ decisionSummary: body.summary })
      .where(eq(rightsRequests.caseId, c.id));

  // Follow-up work.
  const tasks: Array<typeof caseTasks.$inferInsert> = [];
  for (const d of resolved) {
    const item = items.find((i) => i.id === d.itemId) as (typeof items)[number];
    const granted = d.decision === "granted" || d.decision === "partly";
    if (!granted || !CHANGING_ACTIONS.has(item.action)) continue;
    if (item.fileId) {
      for (const rcp of await recipientsOf(s.tx, s.agency.id, item.fileId)) {
        tasks.push({
          agencyId: s.agency.id,
          caseId: c.id,
          kind: "notify_recipient",
          title: `${rcp.name}: ${item.action} (${item.fileLabel})`,
          details: {
            recipient: rcp.name,
            source: rcp.source,
            sourceId: rcp.sourceId,
            fileId: item.fileId,
            itemId: item.id,
            action: item.action,
          },
        });
      }
    }
    if (item.action === "deletion") {
      const [h] = await s.tx
        .insert(requestDestructionHandovers)
        .values({
          agencyId: s.agency.id,
          caseId: c.id,
          itemId: item.id,
          fileId: item.fileId,
          fileLabel: item.fileLabel,
          subjectRef: c.subjectRef,
          createdBy: s.actor.id,
        })
        .returning({ id: requestDestructionHandovers.id });
      tasks.push({
        agencyId: s.agency.id,
        caseId: c.id,
        kind: "destruction_handover",
        title: `${item.fileLabel}: deletion handed over`,
        details: { handoverId: h.id, fileId: item.fileId, itemId: item.id },
      });
    }
  }
  if (tasks.length) await s.tx.insert(caseTasks).values(tasks);
  const p = personalOf(s.deps, r);
  const fees = await s.tx.select().from(requestFees).where(eq(requestFees.caseId, c.id));
  const letter = await caseComms().generateLetter(s.tx, s.deps, {
    agencyId: s.agency.id,
    caseId: c.id,
    kind: decisionLetterKind(s.agency.jurisdiction, r.requestKind, outcome),
    locale: r.locale,
    officerId: c.assigneeId ?? s.actor.id,
    data: {
      ...baseLetterData(p, row),
      decidedAt: now.toISOString(),
      ...(body.summary ? { summary: body.summary } : {}),
      items: resolved.map((d) => {
        const item = items.find((i) => i.id === d.itemId) as (typeof items)[number];
        // Grounds outside the pack catalogues (KR correction) go into the note, by article.
        const packGround = d.ground && d.ground.catalogue !== "cases.krCorrectionGrounds";
        const note = [
          d.note,
          !packGround && d.ground ? `${d.ground.article ?? ""} ${d.ground.names.en}` : null,
        ]
          .filter(Boolean)
          .join(" — ");
        return {
          label: item.fileLabel,
          action: item.action,
          decision: d.decision,
          ...(packGround ? { groundCode: d.ground?.code } : {}),
          ...(note ? { note } : {}),
        };
      }),
      delivery: {
        method: r.deliveryMethod,
        ...(r.appointmentAt ? { appointmentAt: r.appointmentAt.toISOString() } : {}),
        ...(r.appointmentLocation ? { location: r.appointmentLocation } : {}),
        // The citizen downloads from the portal status page with the receipt number and access code.
        route: `${s.deps.config.publicUrl}/portal`,
      },
      ...(fees.length
        ? {
            fees: {
              items: fees.map((f) => ({ label: f.code, amount: f.amount })),
              total: r.feeTotal ?? 0,
              currency: r.feeCurrency ?? undefined,
              waived: r.feeWaived,
            },
          }
        : {}),
    },
  });
  if (letter)
    await addEvent(s.tx, row, {
      type: "letter",
      actor: s.actor,
      public: true,
      details: { letterId: letter.id, kind: letter.kind, number: letter.number },
    });
  s.audit({
    action: "requests.decision",
    resourceType: "case",
    resourceId: c.id,
    subjectRef: c.subjectRef,
    details: {
      outcome,
      items: resolved.map((d) => ({
        itemId: d.itemId,
        decision: d.decision,
        ground: d.ground?.code ?? null,
      })),
      tasks: tasks.length,
    },
  });
  return { caseId: c.id, letter, tasks: tasks.length };
}

/** Sends the decision (letter by e-mail or post) and moves the case to notified. */
export async function notifyRequester(s: ServiceCtx, caseId: string) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  const p = personalOf(s.deps, r);
  const letters = await caseComms().listLetters(s.tx, s.deps, s.agency.id, c.id);
  const channels: string[] = [];
  if (p.requester.email && (r.deliveryMethod === "email" || r.deliveryMethod === "download")) {
    await caseComms().sendMail(s.tx, s.deps, {
      agencyId: s.agency.id,
      caseId: c.id,
      kind: "decision_notice",
      to: p.requester.email,
      locale: r.locale,
      subject: noticeSubject(r.locale, c.number),
      text: noticeText(r.locale, c.number, await agencyPublicUrl(s.tx, s.deps.config, s.agency.id)),
      letterIds: r.deliveryMethod === "email" ? letters.map((l) => l.id) : [],
    });
    channels.push("email");
  }
  if (r.deliveryMethod === "post") channels.push("post");
  if (r.deliveryMethod === "download") channels.push("portal");
  if (r.deliveryMethod === "in_person") channels.push("in_person");
  const row = await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "notify" },
    { actor: s.actor, audit: s.audit, details: { channels, letters: letters.map((l) => l.number) } },
  );
  return caseView(row);
}

const NOTICE: Record<Locale, [string, string]> = {
  ko: [
    "[개인정보 요구 결과 통지]",
    "요구하신 건({{n}})의 처리 결과를 알려드립니다. 접수번호와 확인코드로 결과 통지서를 내려받을 수 있습니다: {{u}}/portal",
  ],
  "zh-TW": [
    "[個人資料請求處理結果通知]",
    "您的請求（{{n}}）已處理完畢。請以收件編號及查詢碼下載通知書：{{u}}/portal",
  ],
  en: [
    "[Decision on your request]",
    "Your request {{n}} has been decided. Download the decision letter with your receipt number and access code: {{u}}/portal",
  ],
};
const noticeSubject = (l: Locale, n: string) => `${NOTICE[l][0]} ${n}`;
const noticeText = (l: Locale, n: string, u: string) => NOTICE[l][1].replace("{{n}}", n).replace("{{u}}", u);

export async function setFees(
  s: ServiceCtx,
  caseId: string,
  body: {
    items: Array<{ code: string; quantity: number; unitAmount?: number }>;
    waived: boolean;
    waiverReason?: string;
  },
) {
  const { c } = await loadRequest(s.tx, s.agency.id, caseId);
  const f = rule(() => computeFees(s.agency.jurisdiction, body.items, body.waived));
  if (body.waived && !body.waiverReason?.trim()) throw badRequest("requests.reason_required");
  await s.tx.delete(requestFees).where(eq(requestFees.caseId, c.id));
  if (f.lines.length)
    await s.tx.insert(requestFees).values(
      f.lines.map((l) => ({
        agencyId: s.agency.id,
        caseId: c.id,
        code: l.code,
        quantity: l.quantity,
        unitAmount: l.unitAmount,
        amount: l.amount,
        currency: f.currency,
      })),
    );
  await s.tx
    .update(rightsRequests)
    .set({
      feeCurrency: f.currency,
      feeTotal: f.due,
      feeWaived: body.waived,
      feeWaiverReason: body.waiverReason ?? null,
      updatedAt: new Date(),
    })
    .where(eq(rightsRequests.caseId, c.id));
  await addEvent(s.tx, c, {
    type: "fees",
    actor: s.actor,
    details: { total: f.total, due: f.due, currency: f.currency, waived: body.waived },
  });
  return {
    caseId: c.id,
    subjectRef: c.subjectRef,
    currency: f.currency,
    lines: f.lines,
    total: f.total,
    due: f.due,
    waived: body.waived,
  };
}

/** Delivery method; in-person viewing needs an appointment and (TW, C12) a staff companion. */
export async function setDelivery(
  s: ServiceCtx,
  caseId: string,
  body: {
    method: "download" | "email" | "post" | "in_person";
    address?: string;
    appointmentAt?: string;
    companionStaffId?: string;
    location?: string;
  },
) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  const p = personalOf(s.deps, r);
  if (body.method === "email" && !p.requester.email) throw badRequest("requests.email_required");
  if (body.method === "post" && !(body.address || p.deliveryAddress || p.requester.address))
    throw badRequest("requests.address_required");
  if (body.method === "in_person") {
    if (!body.appointmentAt) throw badRequest("requests.appointment_required");
    if (s.agency.jurisdiction === "TW" && !body.companionStaffId)
      throw badRequest("requests.companion_required");
  }
  if (body.companionStaffId) {
    const [m] = await s.tx
      .select({ id: staff.id, name: staff.displayName, unitId: staff.unitId })
      .from(staff)
      .where(
        and(eq(staff.id, body.companionStaffId), eq(staff.agencyId, s.agency.id), eq(staff.status, "active")),
      );
    if (!m) throw badRequest("requests.bad_companion");
  }
  if (body.address && body.address !== p.deliveryAddress) {
    p.deliveryAddress = body.address;
  }
  await s.tx
    .update(rightsRequests)
    .set({
      deliveryMethod: body.method,
      appointmentAt: body.appointmentAt ? new Date(body.appointmentAt) : null,
      companionStaffId: body.companionStaffId ?? null,
      appointmentLocation: body.location ?? null,
      personalEnc: encryptField(s.deps.secrets.fieldKey, JSON.stringify(p)),
      updatedAt: new Date(),
    })
    .where(eq(rightsRequests.caseId, c.id));
  await s.tx
    .delete(caseTasks)
    .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.kind, "appointment"), eq(caseTasks.status, "open")));
  if (body.method === "in_person" && body.appointmentAt) {
    await s.tx.insert(caseTasks).values({
      agencyId: s.agency.id,
      caseId: c.id,
      kind: "appointment",
      title: `${c.number}: in-person viewing`,
      dueAt: new Date(body.appointmentAt),
      details: {
        companionStaffId: body.companionStaffId ?? null,
        location: body.location ?? null,
        checkOthersData: true,
      },
    });
  }
  await addEvent(s.tx, c, {
    type: "delivery",
    actor: s.actor,
    details: {
      method: body.method,
      appointmentAt: body.appointmentAt ?? null,
      companionStaffId: body.companionStaffId ?? null,
    },
  });
  return c.id;
}

/** TW 限期補正 (C6) (KR 보완 likewise): the clock pauses until the requester remedies; a notice is sent. */
export async function completionNotice(
  s: ServiceCtx,
  caseId: string,
  body: { missing: string; fixBy: string },
) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  const fixBy = new Date(parseInstant(`${body.fixBy}T23:59:59`, s.agency.timeZone));
  if (fixBy.getTime() <= Date.now()) throw badRequest("validation", { path: "/fixBy" });
  // Incomplete documents are found while checking identity (004 二十九): the check starts here.
  if (c.state === "received")
    await transition(
      s.tx,
      s.agency,
      c.id,
      { type: "start_identity_check" },
      { actor: s.actor, audit: s.audit },
    );
  const row = await transition(
    s.tx,
    s.agency,
    c.id,
    { type: "pause", reason: body.missing, requesterDeadline: fixBy },
    { actor: s.actor, audit: s.audit, details: { completionNotice: true } },
  );
  // KR 보완 요청 and TW 限期補正 both go out as a numbered letter (and by e-mail when there is an address).
  const letter: LetterInfo | null = await caseComms().generateLetter(s.tx, s.deps, {
    agencyId: s.agency.id,
    caseId: c.id,
    kind: completionLetterKind(s.agency.jurisdiction),
    locale: r.locale,
    officerId: c.assigneeId ?? s.actor.id,
    data: {
      ...baseLetterData(personalOf(s.deps, r), c),
      missing: body.missing,
      fixBy: fixBy.toISOString(),
    },
  });
  if (letter)
    await addEvent(s.tx, row, {
      type: "letter",
      actor: s.actor,
      public: true,
      details: { letterId: letter.id, kind: letter.kind, number: letter.number },
    });
  const p = personalOf(s.deps, r);
  if (p.requester.email) {
    await caseComms().sendMail(s.tx, s.deps, {
      agencyId: s.agency.id,
      caseId: c.id,
      kind: "completion_notice",
      to: p.requester.email,
      locale: r.locale,
      subject: `${COMPLETION[r.locale]} ${c.number}`,
      text: `${COMPLETION[r.locale]} ${c.number}\n${body.missing}\n${body.fixBy}`,
      letterIds: letter ? [letter.id] : [],
    });
  }
  return { ...caseView(row), letter };
}
const COMPLETION: Record<Locale, string> = {
  ko: "[보완 요청]",
  "zh-TW": "[限期補正通知]",
  en: "[Please complete your request]",
};

/** Accuracy dispute (C15): the data is marked disputed and its processing suspended until resolved. */
export async function openDispute(
  s: ServiceCtx,
  caseId: string,
  body: { fileId?: string; fileLabel: string; description: string },
) {
  const { c } = await loadRequest(s.tx, s.agency.id, caseId);
  if (body.fileId) await registerFiles(s.tx, s.agency.id, [body.fileId]);
  const [d] = await s.tx
    .insert(requestDisputes)
    .values({
      agencyId: s.agency.id,
      caseId: c.id,
      fileId: body.fileId ?? null,
      fileLabel: body.fileLabel,
      subjectRef: c.subjectRef,
      descriptionEnc: encryptField(s.deps.secrets.fieldKey, body.description),
      openedBy: s.actor.id,
    })
    .returning();
  await addEvent(s.tx, c, {
    type: "dispute",
    actor: s.actor,
    details: { disputeId: d.id, fileId: d.fileId, processingSuspended: true },
  });
  return disputeView(s.deps)(d);
}

export async function resolveDispute(
  s: ServiceCtx,
  disputeId: string,
  body: { resolution: string; outcome: "corrected" | "confirmed" | "withdrawn" },
) {
  const [d] = await s.tx
    .select()
    .from(requestDisputes)
    .where(and(eq(requestDisputes.id, disputeId), eq(requestDisputes.agencyId, s.agency.id)))
    .for("update");
  if (!d) throw notFound();
  if (d.status !== "open") throw conflict("requests.dispute_closed");
  const [u] = await s.tx
    .update(requestDisputes)
    .set({
      status: "resolved",
      processingSuspended: false,
      resolvedAt: new Date(),
      resolvedBy: s.actor.id,
      outcome: body.outcome,
      resolution: body.resolution,
    })
    .where(eq(requestDisputes.id, d.id))
    .returning();
  await addEvent(
    s.tx,
    { id: d.caseId, agencyId: d.agencyId },
    { type: "dispute_resolved", actor: s.actor, details: { disputeId: d.id, outcome: body.outcome } },
  );
  return disputeView(s.deps)(u);
}

/**
 * For other modules (processing, provision, exports): is this subject's data in this file under an open
 * accuracy dispute (C15) or a pending correction/deletion (C11)? Then its use and provision are blocked.
 */
export async function processingBlocked(
  tx: Tx,
  agencyId: string,
  fileId: string,
  subjectRefValue: string,
): Promise<{ blocked: boolean; reasons: string[] }> {
  const reasons: string[] = [];
  const [d] = await tx
    .select({ id: requestDisputes.id })
    .from(requestDisputes)
    .where(
      and(
        eq(requestDisputes.agencyId, agencyId),
        eq(requestDisputes.fileId, fileId),
        eq(requestDisputes.subjectRef, subjectRefValue),
        eq(requestDisputes.processingSuspended, true),
      ),
    );
  if (d) reasons.push("accuracy_dispute");
  const pending = (await tx.execute(sql`
    SELECT 1 FROM request_items i JOIN cases c ON c.id = i.case_id
    WHERE i.agency_id = ${agencyId} AND i.file_id = ${fileId} AND c.subject_ref = ${subjectRefValue}
      AND i.decision = 'pending' AND i.action IN ('correction', 'deletion', 'supplement')
      AND c.state IN ('received', 'identity_check', 'in_review', 'waiting_requester', 'extended') LIMIT 1`)) as unknown as {
    rows: unknown[];
  };
  if (pending.rows.length) reasons.push("pending_correction_or_deletion");
  return { blocked: reasons.length > 0, reasons };
}

export async function listTasks(tx: Tx, agencyId: string, status: "open" | "done") {
  const rows = await tx
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.agencyId, agencyId), eq(caseTasks.status, status)))
    .orderBy(asc(caseTasks.createdAt))
    .limit(500);
  return rows.map(taskView);
}

export async function completeTask(s: ServiceCtx, taskId: string, note?: string) {
  const [t] = await s.tx
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.agencyId, s.agency.id)))
    .for("update");
  if (!t) throw notFound();
  if (t.status !== "open") throw conflict("requests.task_closed");
  const [u] = await s.tx
    .update(caseTasks)
    .set({ status: "done", doneAt: new Date(), doneBy: s.actor.id, doneNote: note ?? null })
    .where(eq(caseTasks.id, t.id))
    .returning();
  if (t.kind === "destruction_handover" && typeof t.details?.handoverId === "string") {
    await s.tx
      .update(requestDestructionHandovers)
      .set({ status: "destroyed", completedAt: new Date() })
      .where(eq(requestDestructionHandovers.id, t.details.handoverId));
  }
  await addEvent(
    s.tx,
    { id: t.caseId, agencyId: t.agencyId },
    { type: "task_done", actor: s.actor, details: { taskId: t.id, kind: t.kind } },
  );
  return taskView(u);
}

export async function listDisputes(tx: Tx, deps: AppDeps, agencyId: string, status: "open" | "resolved") {
  const rows = await tx
    .select()
    .from(requestDisputes)
    .where(and(eq(requestDisputes.agencyId, agencyId), eq(requestDisputes.status, status)))
    .orderBy(asc(requestDisputes.openedAt))
    .limit(500);
  return rows.map(disputeView(deps));
}
