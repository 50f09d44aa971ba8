import { createHash } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  caseAttachments,
  cases,
  requestIdentityChecks,
  requestItems,
  requestReleases,
  rightsRequests,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { blindIndex } from "../../security/field-crypto";
import { sealFile } from "../../security/file-crypto";
import { attachmentBytes, attachmentView } from "../cases/attachments";
import { addEvent } from "../cases/case.service";
import { agencyEngine } from "../pii/agency-engine";
import { scanBuffer } from "../pii/documents/index";
import { assembleSubjectRecords } from "./delivery-assembler";
import { loadRequest, personalOf, type ServiceCtx } from "./requests.service";

/** Item actions whose grant means data goes to the requester (KR 열람; TW 查詢/閱覽/製給複製本/抄錄). */
const DELIVERING_ACTIONS = new Set(["access", "copy", "query", "inspection", "transcription"]);
/** The requester's own papers stay in the case file: they are never "released" back. */
const NOT_RELEASABLE = new Set(["identity_document", "power_of_attorney"]);
/** Case states in which the requester sees released files (after the decision). */
export const DELIVERED_STATES = new Set(["decided", "notified", "closed"]);

type Attachment = typeof caseAttachments.$inferSelect;

export interface PiiCheck {
  /** "ok": scanned, every finding is the requester's own or there is none; otherwise the handler confirms. */
  status: "ok" | "third_party" | "not_scanned";
  thirdParty: number;
  own: number;
  /** Masked previews only; the raw value never leaves the server. */
  findings: Array<{ type: string; preview: string; own: boolean; page?: number; line?: number }>;
}

/**
 * The requester's own identifiers, as blind indexes: identity checks (kind "identity") of every request of
 * the same subject in the agency, and the contact details they gave (kind "own"). A finding whose index is
 * in this set is theirs; anything else is a third party's until the handler says otherwise (C12).
 */
async function ownIndexes(tx: Tx, deps: AppDeps, agencyId: string, c: typeof cases.$inferSelect) {
  const key = deps.secrets.blindIndexKey;
  const reqs = await tx
    .select({ r: rightsRequests })
    .from(rightsRequests)
    .innerJoin(cases, eq(cases.id, rightsRequests.caseId))
    .where(
      and(
        eq(cases.agencyId, agencyId),
        c.subjectRef ? eq(cases.subjectRef, c.subjectRef) : eq(cases.id, c.id),
      ),
    );
  const identity = new Set<string>();
  const own = new Set<string>();
  const ids = reqs.map((x) => x.r.caseId);
  if (ids.length) {
    const checks = await tx
      .select({ idx: requestIdentityChecks.identifierIndex })
      .from(requestIdentityChecks)
      .where(inArray(requestIdentityChecks.caseId, ids));
    for (const k of checks) if (k.idx) identity.add(k.idx);
  }
  for (const { r } of reqs) {
    const p = personalOf(deps, r);
    for (const v of [p.requester.email, p.requester.phone, p.subject?.phone])
      if (v) own.add(blindIndex(key, "own", v.toLowerCase()));
  }
  return (value: string) =>
    identity.has(blindIndex(key, "identity", value)) || own.has(blindIndex(key, "own", value.toLowerCase()));
}

async function checkFile(
  tx: Tx,
  deps: AppDeps,
  agencyId: string,
  isOwn: (v: string) => boolean,
  a: Attachment,
): Promise<PiiCheck> {
  const base = await agencyEngine(tx, deps.secrets, agencyId);
  // The engine's fingerprint hook sees each raw value once: it answers only "is this the requester's own".
  const engine = { ...base, fingerprint: (_t: string, value: string) => (isOwn(value) ? "own" : "other") };
  const bytes = attachmentBytes(deps.secrets.fieldKey, a);
  const r = await scanBuffer(bytes, a.filename, { engine });
  const findings = r.findings.map((f) => ({
    type: f.type,
    preview: f.preview,
    own: f.fingerprint === "own",
    ...(f.location.page ? { page: f.location.page } : {}),
    ...(f.location.line ? { line: f.location.line } : {}),
  }));
  const thirdParty = findings.filter((f) => !f.own).length;
  const scanned = r.status === "ok" && r.format !== "unknown";
  return {
    status: !scanned ? "not_scanned" : thirdParty ? "third_party" : "ok",
    thirdParty,
    own: findings.length - thirdParty,
    findings,
  };
}

async function assertDeliverable(tx: Tx, caseId: string, state: string) {
  const items = await tx
    .select({ action: requestItems.action, decision: requestItems.decision })
    .from(requestItems)
    .where(eq(requestItems.caseId, caseId));
  const granted = items.some(
    (i) => (i.decision === "granted" || i.decision === "partly") && DELIVERING_ACTIONS.has(i.action),
  );
  if (!granted || !DELIVERED_STATES.has(state)) throw conflict("requests.release_not_granted");
}

/** Staff view of the delivery: files with release state and masked PII findings, and what the citizen sees. */
export async function deliveryOverview(tx: Tx, deps: AppDeps, agencyId: string, caseId: string) {
  const { c, r } = await loadRequest(tx, agencyId, caseId);
  const rows = await tx
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, c.id), eq(caseAttachments.agencyId, agencyId)))
    .orderBy(asc(caseAttachments.createdAt));
  const releases = await tx.select().from(requestReleases).where(eq(requestReleases.caseId, c.id));
  const isOwn = await ownIndexes(tx, deps, agencyId, c);
  const files = [];
  for (const a of rows) {
    if (NOT_RELEASABLE.has(a.kind)) continue;
    const rel = releases.find((x) => x.attachmentId === a.id);
    files.push({
      ...attachmentView(a),
      released: rel
        ? {
            by: rel.releasedByLabel,
            at: rel.releasedAt.toISOString(),
            thirdPartyFindings: rel.thirdPartyFindings,
            reason: rel.confirmReason,
          }
        : null,
      pii: await checkFile(tx, deps, agencyId, isOwn, a),
    });
  }
  let deliverable = true;
  try {
    await assertDeliverable(tx, c.id, c.state);
  } catch {
    deliverable = false;
  }
  return {
    caseId: c.id,
    subjectRef: c.subjectRef,
    deliverable,
    method: r.deliveryMethod,
    files,
    citizenSees: await citizenDelivery(tx, c),
  };
}

/** What the status page shows: the released files, or the viewing time and place, and the fee. */
export async function citizenDelivery(tx: Tx, c: typeof cases.$inferSelect) {
  const [r] = await tx.select().from(rightsRequests).where(eq(rightsRequests.caseId, c.id));
  if (!r || !DELIVERED_STATES.has(c.state)) return null;
  const files = await tx
    .select({
      id: caseAttachments.id,
      filename: caseAttachments.filename,
      size: caseAttachments.size,
      mimeType: caseAttachments.mimeType,
    })
    .from(requestReleases)
    .innerJoin(caseAttachments, eq(caseAttachments.id, requestReleases.attachmentId))
    .where(and(eq(requestReleases.caseId, c.id), eq(requestReleases.agencyId, c.agencyId)))
    .orderBy(asc(requestReleases.releasedAt));
  const inPerson = r.deliveryMethod === "in_person";
  return {
    method: r.deliveryMethod,
    files: inPerson ? [] : files,
    viewing: inPerson
      ? { at: r.appointmentAt?.toISOString() ?? null, location: r.appointmentLocation ?? null }
      : null,
    fee: r.feeTotal !== null ? { total: r.feeTotal, currency: r.feeCurrency, waived: r.feeWaived } : null,
  };
}

/** Releases one case file to the requester after the PII check (C12); refused without a confirmation. */
export async function releaseFile(
  s: ServiceCtx,
  caseId: string,
  body: { attachmentId: string; confirmThirdParty?: boolean; reason?: string },
) {
  const { c } = await loadRequest(s.tx, s.agency.id, caseId);
  const [a] = await s.tx
    .select()
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.id, body.attachmentId),
        eq(caseAttachments.caseId, c.id),
        eq(caseAttachments.agencyId, s.agency.id),
      ),
    );
  if (!a) throw notFound();
  if (NOT_RELEASABLE.has(a.kind)) throw badRequest("requests.release_kind");
  await assertDeliverable(s.tx, c.id, c.state);
  const [dup] = await s.tx
    .select({ id: requestReleases.id })
    .from(requestReleases)
    .where(eq(requestReleases.attachmentId, a.id));
  if (dup) throw conflict("requests.already_released");
  const isOwn = await ownIndexes(s.tx, s.deps, s.agency.id, c);
  const pii = await checkFile(s.tx, s.deps, s.agency.id, isOwn, a);
  const reason = body.reason?.trim() || null;
  if (pii.status !== "ok" && !(body.confirmThirdParty && reason))
    throw new AppError(
      409,
      "requests.release_third_party",
      {
        status: pii.status,
        thirdParty: pii.thirdParty,
        findings: pii.findings.filter((f) => !f.own),
      },
      { thirdParty: pii.thirdParty },
    );
  const [rel] = await s.tx
    .insert(requestReleases)
    .values({
      agencyId: s.agency.id,
      caseId: c.id,
      attachmentId: a.id,
      thirdPartyFindings: pii.thirdParty,
      confirmReason: pii.status === "ok" ? null : reason,
      releasedBy: s.actor.id,
      releasedByLabel: s.actor.label,
    })
    .returning();
  await addEvent(s.tx, c, {
    type: "release",
    actor: s.actor,
    details: { attachmentId: a.id, thirdPartyFindings: pii.thirdParty, confirmed: pii.status !== "ok" },
  });
  s.audit({
    action: "requests.delivery.release",
    resourceType: "case_attachment",
    resourceId: a.id,
    subjectRef: c.subjectRef,
    details: {
      caseId: c.id,
      piiStatus: pii.status,
      thirdPartyFindings: pii.thirdParty,
      ...(pii.status === "ok" ? {} : { confirmed: true, reason }),
    },
  });
  return { releaseId: rel.id, caseId: c.id, attachmentId: a.id, pii };
}

/** Takes a file back before (or after) the requester downloaded it; downloads already made stay ledgered. */
export async function withdrawRelease(s: ServiceCtx, caseId: string, attachmentId: string) {
  const { c } = await loadRequest(s.tx, s.agency.id, caseId);
  const gone = await s.tx
    .delete(requestReleases)
    .where(
      and(
        eq(requestReleases.caseId, c.id),
        eq(requestReleases.agencyId, s.agency.id),
        eq(requestReleases.attachmentId, attachmentId),
      ),
    )
    .returning({ id: requestReleases.id });
  if (!gone.length) throw notFound();
  await addEvent(s.tx, c, { type: "release_withdrawn", actor: s.actor, details: { attachmentId } });
  s.audit({
    action: "requests.delivery.withdraw",
    resourceType: "case_attachment",
    resourceId: attachmentId,
    subjectRef: c.subjectRef,
    details: { caseId: c.id },
  });
  return c.id;
}

/**
 * Builds the workbook of what this agency holds about the subject (by blind index), stores it encrypted as a
 * case attachment and releases it when the PII check finds nothing but the requester's own identifiers;
 * otherwise it waits for the handler's confirmation like any other file.
 */
export async function assembleRecords(s: ServiceCtx, caseId: string) {
  const { c, r } = await loadRequest(s.tx, s.agency.id, caseId);
  await assertDeliverable(s.tx, c.id, c.state);
  // Every rights request gets a subject reference on intake; without one there is nothing to match on.
  if (!c.subjectRef) throw conflict("requests.release_not_granted");
  const doc = await assembleSubjectRecords(s.tx, s.deps, s.agency.id, c.subjectRef, r.locale as Locale);
  const [a] = await s.tx
    .insert(caseAttachments)
    .values({
      agencyId: s.agency.id,
      caseId: c.id,
      kind: "assembled_record",
      filename: doc.filename,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      size: doc.data.length,
      sha256: createHash("sha256").update(doc.data).digest("hex"),
      // Its own data key (envelope), like every stored file: destroying the key shreds it.
      ...sealFile(s.deps.secrets.fieldKey, doc.data),
      piiStatus: "not_scanned",
      uploadedBy: s.actor.id,
      uploadedByLabel: s.actor.label,
    })
    .returning();
  const isOwn = await ownIndexes(s.tx, s.deps, s.agency.id, c);
  const pii = await checkFile(s.tx, s.deps, s.agency.id, isOwn, a);
  await s.tx
    .update(caseAttachments)
    .set({
      piiFindings: pii.findings.length,
      piiStatus: pii.status === "not_scanned" ? "not_scanned" : pii.thirdParty ? "needs_review" : "ok",
    })
    .where(eq(caseAttachments.id, a.id));
  s.audit({
    action: "requests.delivery.assemble",
    resourceType: "case_attachment",
    resourceId: a.id,
    subjectRef: c.subjectRef,
    details: { caseId: c.id, counts: doc.counts, thirdPartyFindings: pii.thirdParty },
  });
  const released = pii.status === "ok" ? await releaseFile(s, c.id, { attachmentId: a.id }) : null;
  return { caseId: c.id, attachmentId: a.id, counts: doc.counts, released: !!released, pii };
}

/** The released file's bytes for the portal (null when it is not released on this case). */
export async function releasedFile(
  tx: Tx,
  deps: AppDeps,
  c: typeof cases.$inferSelect,
  attachmentId: string,
) {
  if (!DELIVERED_STATES.has(c.state)) return null;
  const [row] = await tx
    .select({ a: caseAttachments })
    .from(requestReleases)
    .innerJoin(caseAttachments, eq(caseAttachments.id, requestReleases.attachmentId))
    .where(
      and(
        eq(requestReleases.caseId, c.id),
        eq(requestReleases.agencyId, c.agencyId),
        eq(requestReleases.attachmentId, attachmentId),
      ),
    );
  if (!row) return null;
  return {
    filename: row.a.filename,
    mimeType: row.a.mimeType,
    data: attachmentBytes(deps.secrets.fieldKey, row.a),
  };
}
