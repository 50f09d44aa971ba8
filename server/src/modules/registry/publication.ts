import { can, type Role } from "@civicpims/core/auth/permissions";
import type { FileFields } from "@civicpims/core/registry/validate";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registryFiles } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import type { LedgerInput } from "../audit/ledger.service";
import { agencyEngine } from "../pii/agency-engine";
import { guardPublication } from "../pii/guard.service";
import { publicFileGuardText, REGISTRY_PUBLIC_FILE } from "../pii/registry-hook";

interface GuardedFields {
  id: string;
  name: string;
  legalBasisText?: string | null;
  purposeText?: string | null;
  items: ReadonlyArray<{ name: string }>;
  subjectCategories: string[];
  retentionPeriod?: string | null;
  routineRecipients: string[];
  isPublic: boolean;
  status: string;
}

/**
 * The text of a file that the citizen portal publishes, exactly as the public list's guard reads it
 * (publicFileEntry -> publicFileGuardText): an override given here is then honoured there.
 */
export function fileGuardText(f: GuardedFields): string {
  return publicFileGuardText({
    id: f.id,
    name: f.name,
    legalBasis: { text: f.legalBasisText ?? null },
    purpose: f.purposeText ?? null,
    items: f.items.map((i) => i.name),
    subjectCategories: f.subjectCategories,
    retentionPeriod: f.retentionPeriod ?? null,
    recipients: f.routineRecipients,
  }).text;
}

const published = (f: GuardedFields) => f.isPublic && f.status === "active";

/** A write needs the guard when it makes the file public or changes what a public file publishes. */
export function needsGuard(before: GuardedFields | null, after: GuardedFields): boolean {
  if (!published(after)) return false;
  if (!before || !published(before)) return true;
  return fileGuardText(before) !== fileGuardText(after);
}

export interface PublicationOverride {
  reason: string;
}

/** Only a holder of pii.guard.override (the privacy officer) may publish over the guard's findings. */
export function assertMayOverride(roles: readonly Role[], override: PublicationOverride | undefined) {
  if (override && !can(roles, "pii.guard.override")) throw new AppError(403, "registry.override_forbidden");
}

/**
 * Runs the publication guard (issue 7 item 6) on a file about to be published. Findings refuse the
 * write with 409 registry.publication_blocked (masked findings listed; the caller's transaction rolls
 * back, so nothing is saved) unless an override with a reason is given: that is recorded in the ledger
 * (pii.guard.override) and keyed to this exact text, so the public list shows the file.
 */
export async function guardFileWrite(
  c: {
    tx: Parameters<typeof guardPublication>[0];
    deps: AppDeps;
    agencyId: string;
    actor: { id: string | null; label: string | null };
    audit: (e: LedgerInput) => void;
    /** Whether the caller could override (the form then offers it). */
    canOverride: boolean;
  },
  before: GuardedFields | null,
  after: GuardedFields,
  override: PublicationOverride | undefined,
): Promise<{ status: "pass" | "overridden"; checkId?: string } | null> {
  if (!needsGuard(before, after)) return null;
  const r = await guardPublication(c.tx, c.deps, {
    agencyId: c.agencyId,
    kind: REGISTRY_PUBLIC_FILE,
    resourceKey: after.id,
    content: fileGuardText(after),
    actor: c.actor,
    override,
    audit: c.audit,
  });
  if (r.status === "blocked") {
    throw new AppError(
      409,
      "registry.publication_blocked",
      { findings: r.findings, scanStatus: r.scanStatus, canOverride: c.canOverride },
      {
        findings:
          r.findings.map((f) => `${f.type} ${f.preview}`).join(", ") ||
          (r.scanStatus === "ok" ? "-" : r.scanStatus),
      },
    );
  }
  return r.status === "pass" ? { status: "pass" } : { status: "overridden", checkId: r.checkId };
}

/**
 * The same guard for an xlsx import (which sets isPublic too). Rows that would publish personal data
 * become per-row issues (no override from a workbook: the form offers that); an updated row whose public
 * text is unchanged, or whose exact text a privacy officer already let through, passes.
 */
export async function importPublicationIssues(
  q: Queryable,
  deps: AppDeps,
  agencyId: string,
  rows: readonly { row: number; id: string | null; fields: FileFields }[],
): Promise<Array<{ row: number; findings: string }>> {
  const engine = await agencyEngine(q, deps.secrets, agencyId);
  const flagged: Array<{ row: number; id: string | null; text: string; findings: string }> = [];
  for (const r of rows) {
    if (!r.fields.isPublic || r.fields.status !== "active") continue;
    const text = fileGuardText({ id: r.id ?? "", ...r.fields });
    const scan = engine.scan(text);
    if (scan.status === "ok" && scan.spans.length === 0) continue;
    const findings =
      scan.spans.map((s) => `${s.type} ${engine.mask(s.type, text.slice(s.start, s.end))}`).join(", ") ||
      scan.status;
    flagged.push({ row: r.row, id: r.id, text, findings });
  }
  if (!flagged.length) return [];
  const ids = flagged.map((f) => f.id).filter((x): x is string => !!x);
  const before = new Map(
    ids.length
      ? (
          await q
            .select()
            .from(registryFiles)
            .where(and(eq(registryFiles.agencyId, agencyId), inArray(registryFiles.id, ids)))
        ).map((f) => [f.id, f])
      : [],
  );
  const out: Array<{ row: number; findings: string }> = [];
  for (const f of flagged) {
    const prev = f.id ? before.get(f.id) : undefined;
    if (prev && published(prev) && fileGuardText(prev) === f.text) continue;
    if (prev) {
      const r = await guardPublication(q, deps, {
        agencyId,
        kind: REGISTRY_PUBLIC_FILE,
        resourceKey: prev.id,
        content: f.text,
        actor: null,
      });
      if (r.status === "overridden") continue;
    }
    out.push({ row: f.row, findings: f.findings });
  }
  return out;
}
