import { createHmac, hkdfSync } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { piiPublicationChecks, registryEntrustments, registryFiles } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { runJob } from "../../workers/pool";
import { appendLedger, type LedgerInput } from "../audit/ledger.service";
import { agencyEngine, agencyEngineSpec } from "./agency-engine";
import { REGISTRY_PUBLIC_ENTRUSTMENT, REGISTRY_PUBLIC_FILE } from "./registry-hook";
import type { Actor } from "./review.service";

/**
 * The publication guard (issue 7 item 6): anything about to appear on the portal is scanned with the
 * agency's detector. It passes when nothing is found; otherwise it is blocked unless a reviewer has
 * overridden that exact content with a reason (a keyed hash of the content identifies it, so an edit
 * is checked again). A scan that could not finish blocks too: the guard fails closed.
 *
 * Kinds in use: "registry.public_file"; reserved for the modules to come: "disclosure.answer",
 * "petition.public_reply", "opendata.dataset".
 */
export type PublicationKind = string;

export type GuardContent = string | { buffer: Uint8Array; filename: string };

export interface GuardInput {
  agencyId: string;
  kind: PublicationKind;
  /** What is being published (a file id, a reply id), so overrides of different items stay apart. */
  resourceKey?: string;
  content: GuardContent;
  actor: Actor | null;
  /** A reviewer's explicit override; the caller checks the permission (pii.guard.override). */
  override?: { reason: string };
  /** Route context's audit(); without it, ledger entries are appended here in the same transaction. */
  audit?: (e: LedgerInput) => void;
}

export interface GuardFinding {
  type: string;
  preview: string;
}

export type GuardResult =
  | { status: "pass" }
  | { status: "blocked"; checkId: string; findings: GuardFinding[]; scanStatus: string }
  | { status: "overridden"; checkId: string; reason: string; findings: GuardFinding[] };

export const passes = (r: GuardResult) => r.status !== "blocked";

function contentHash(deps: AppDeps, agencyId: string, content: GuardContent): string {
  const key = Buffer.from(hkdfSync("sha256", deps.secrets.fieldKey, agencyId, "civicpims pii guard v1", 32));
  const h = createHmac("sha256", key);
  if (typeof content === "string") h.update("t\0").update(content, "utf8");
  else h.update("f\0").update(content.buffer);
  return h.digest("hex");
}

async function scanContent(q: Queryable, deps: AppDeps, agencyId: string, content: GuardContent) {
  if (typeof content === "string") {
    const engine = await agencyEngine(q, deps.secrets, agencyId);
    const r = engine.scan(content);
    return {
      status: r.status,
      findings: r.spans.map((s) => ({
        type: s.type,
        preview: engine.mask(s.type, content.slice(s.start, s.end)),
      })),
    };
  }
  // A file is unpacked and scanned in an upload worker (bounded memory and time).
  const r = await runJob("pii.scan", {
    data: content.buffer,
    filename: content.filename,
    engine: await agencyEngineSpec(q, deps.secrets, agencyId),
  });
  return { status: r.status, findings: r.findings.map((f) => ({ type: f.type, preview: f.preview })) };
}

async function record(q: Queryable, deps: AppDeps, input: GuardInput, entry: LedgerInput) {
  const e: LedgerInput = {
    agencyId: input.agencyId,
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor?.label ?? "system",
    ...entry,
  };
  if (input.audit) input.audit(e);
  else await appendLedger(q, [e], deps.ledger);
}

/** Checks one piece of content before it is published. */
export async function guardPublication(q: Queryable, deps: AppDeps, input: GuardInput): Promise<GuardResult> {
  const scan = await scanContent(q, deps, input.agencyId, input.content);
  if (scan.status === "ok" && scan.findings.length === 0) return { status: "pass" };
  const hash = contentHash(deps, input.agencyId, input.content);
  const resourceKey = input.resourceKey ?? "";
  const key = and(
    eq(piiPublicationChecks.agencyId, input.agencyId),
    eq(piiPublicationChecks.kind, input.kind),
    eq(piiPublicationChecks.resourceKey, resourceKey),
    eq(piiPublicationChecks.contentHash, hash),
  );
  const [existing] = await q.select().from(piiPublicationChecks).where(key);
  if (existing?.status === "overridden")
    return {
      status: "overridden",
      checkId: existing.id,
      reason: existing.overrideReason ?? "",
      findings: scan.findings,
    };
  const types = [...new Set(scan.findings.map((f) => f.type))];
  if (input.override) {
    const reason = input.override.reason.trim();
    if (!reason) throw new Error("guardPublication: an override needs a reason");
    const values = {
      status: "overridden" as const,
      overrideReason: reason,
      overriddenBy: input.actor?.id ?? null,
      overriddenAt: new Date(),
    };
    const [row] = existing
      ? await q
          .update(piiPublicationChecks)
          .set(values)
          .where(eq(piiPublicationChecks.id, existing.id))
          .returning()
      : await q
          .insert(piiPublicationChecks)
          .values({
            agencyId: input.agencyId,
            kind: input.kind,
            resourceKey,
            contentHash: hash,
            findings: scan.findings,
            scanStatus: scan.status,
            ...values,
          })
          .returning();
    await record(q, deps, input, {
      action: "pii.guard.override",
      resourceType: "pii_publication_check",
      resourceId: row.id,
      details: { kind: input.kind, resourceKey, reason, types, findings: scan.findings.length },
    });
    return { status: "overridden", checkId: row.id, reason, findings: scan.findings };
  }
  if (existing)
    return { status: "blocked", checkId: existing.id, findings: scan.findings, scanStatus: scan.status };
  // An earlier version of the same item that was blocked is superseded by this one.
  if (resourceKey) await clearBlocked(q, input.agencyId, input.kind, resourceKey);
  const [row] = await q
    .insert(piiPublicationChecks)
    .values({
      agencyId: input.agencyId,
      kind: input.kind,
      resourceKey,
      contentHash: hash,
      status: "blocked",
      findings: scan.findings,
      scanStatus: scan.status,
    })
    .onConflictDoNothing()
    .returning();
  if (row) {
    // Recorded once per content: a public page that keeps asking does not flood the ledger.
    await record(q, deps, input, {
      action: "pii.guard.blocked",
      resourceType: "pii_publication_check",
      resourceId: row.id,
      details: {
        kind: input.kind,
        resourceKey,
        types,
        findings: scan.findings.length,
        scanStatus: scan.status,
      },
    });
  }
  const checkId =
    row?.id ?? (await q.select({ id: piiPublicationChecks.id }).from(piiPublicationChecks).where(key))[0]?.id;
  return { status: "blocked", checkId, findings: scan.findings, scanStatus: scan.status };
}

/**
 * Filters a list about to be published: entries whose text does not pass the guard are withheld (and
 * show up for privacy staff as blocked checks to fix or override). For public list endpoints.
 */
export async function publishableOnly<T>(
  q: Queryable,
  deps: AppDeps,
  agencyId: string,
  kind: PublicationKind,
  entries: T[],
  describe: (e: T) => { key: string; text: string },
): Promise<T[]> {
  const engine = await agencyEngine(q, deps.secrets, agencyId);
  const blocked = new Set(
    (
      await q
        .select({ key: piiPublicationChecks.resourceKey })
        .from(piiPublicationChecks)
        .where(
          and(
            eq(piiPublicationChecks.agencyId, agencyId),
            eq(piiPublicationChecks.kind, kind),
            eq(piiPublicationChecks.status, "blocked"),
          ),
        )
    ).map((r) => r.key),
  );
  const out: T[] = [];
  for (const e of entries) {
    const { key, text } = describe(e);
    const quick = engine.scan(text);
    if (quick.status === "ok" && quick.spans.length === 0) {
      // Fixed since it was blocked: the old block no longer describes anything published.
      if (blocked.has(key)) await clearBlocked(q, agencyId, kind, key);
      out.push(e);
      continue;
    }
    const r = await guardPublication(q, deps, {
      agencyId,
      kind,
      resourceKey: key,
      content: text,
      actor: null,
    });
    if (passes(r)) out.push(e);
  }
  return out;
}

async function clearBlocked(q: Queryable, agencyId: string, kind: string, resourceKey: string) {
  await q
    .delete(piiPublicationChecks)
    .where(
      and(
        eq(piiPublicationChecks.agencyId, agencyId),
        eq(piiPublicationChecks.kind, kind),
        eq(piiPublicationChecks.resourceKey, resourceKey),
        eq(piiPublicationChecks.status, "blocked"),
      ),
    );
}

/** A reviewer overrides a blocked check from the guard screen: that exact content may be published. */
export async function overrideCheck(
  q: Queryable,
  agencyId: string,
  id: string,
  actor: Actor,
  reason: string,
) {
  const [row] = await q
    .update(piiPublicationChecks)
    .set({ status: "overridden", overrideReason: reason, overriddenBy: actor.id, overriddenAt: new Date() })
    .where(and(eq(piiPublicationChecks.agencyId, agencyId), eq(piiPublicationChecks.id, id)))
    .returning();
  return row ?? null;
}

/** Blocked and overridden checks of an agency, newest first, with a label for known kinds (what the screen lists). */
export async function listChecks(q: Queryable, agencyId: string, status?: "blocked" | "overridden") {
  const conds = [eq(piiPublicationChecks.agencyId, agencyId)];
  if (status) conds.push(eq(piiPublicationChecks.status, status));
  const rows = await q
    .select({
      id: piiPublicationChecks.id,
      kind: piiPublicationChecks.kind,
      resourceKey: piiPublicationChecks.resourceKey,
      status: piiPublicationChecks.status,
      findings: piiPublicationChecks.findings,
      scanStatus: piiPublicationChecks.scanStatus,
      overrideReason: piiPublicationChecks.overrideReason,
      overriddenBy: piiPublicationChecks.overriddenBy,
      overriddenAt: piiPublicationChecks.overriddenAt,
      createdAt: piiPublicationChecks.createdAt,
    })
    .from(piiPublicationChecks)
    .where(and(...conds))
    .orderBy(desc(piiPublicationChecks.createdAt))
    .limit(500);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const fileIds = [
    ...new Set(
      rows
        .filter((r) => r.kind === REGISTRY_PUBLIC_FILE && uuid.test(r.resourceKey))
        .map((r) => r.resourceKey),
    ),
  ];
  const names = new Map(
    fileIds.length
      ? (
          await q
            .select({ id: registryFiles.id, name: registryFiles.name })
            .from(registryFiles)
            .where(and(eq(registryFiles.agencyId, agencyId), inArray(registryFiles.id, fileIds)))
        ).map((f) => [f.id, f.name])
      : [],
  );
  const entrustmentIds = [
    ...new Set(
      rows
        .filter((r) => r.kind === REGISTRY_PUBLIC_ENTRUSTMENT && uuid.test(r.resourceKey))
        .map((r) => r.resourceKey),
    ),
  ];
  if (entrustmentIds.length) {
    const ents = await q
      .select({
        id: registryEntrustments.id,
        seq: registryEntrustments.seq,
        vendor: registryEntrustments.vendor,
      })
      .from(registryEntrustments)
      .where(
        and(eq(registryEntrustments.agencyId, agencyId), inArray(registryEntrustments.id, entrustmentIds)),
      );
    for (const e of ents) names.set(e.id, `#${e.seq} ${e.vendor}`);
  }
  return rows.map((r) => ({ ...r, label: names.get(r.resourceKey) ?? null }));
}
