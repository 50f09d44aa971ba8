import { and, count, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  registryEntrustmentFiles,
  registryFlows,
  registryOutOfPurposeLog,
  registryProvisions,
  registryRiskAssessments,
} from "../../db/schema";

/**
 * Who points at a personal-data file. Other modules (rights requests, retention records) register a
 * counter here at load time; deleting a file asks every counter and refuses when any is non-zero.
 */
export interface FileReferenceCounter {
  /** Stable kind shown to the user ("rights_request", "retention_record"...). */
  kind: string;
  count(q: Queryable, agencyId: string, fileId: string): Promise<number>;
}

const counters = new Map<string, FileReferenceCounter>();

export function registerFileReference(counter: FileReferenceCounter): () => void {
  counters.set(counter.kind, counter);
  return () => {
    if (counters.get(counter.kind) === counter) counters.delete(counter.kind);
  };
}

const n = (r: Array<{ n: number }>) => Number(r[0]?.n ?? 0);

// The register's own links.
registerFileReference({
  kind: "provision",
  count: async (q, agencyId, fileId) =>
    n(
      await q
        .select({ n: count() })
        .from(registryProvisions)
        .where(and(eq(registryProvisions.agencyId, agencyId), eq(registryProvisions.fileId, fileId))),
    ),
});
registerFileReference({
  kind: "out_of_purpose_log",
  count: async (q, agencyId, fileId) =>
    n(
      await q
        .select({ n: count() })
        .from(registryOutOfPurposeLog)
        .where(
          and(eq(registryOutOfPurposeLog.agencyId, agencyId), eq(registryOutOfPurposeLog.fileId, fileId)),
        ),
    ),
});
registerFileReference({
  kind: "entrustment",
  count: async (q, agencyId, fileId) =>
    n(
      await q
        .select({ n: count() })
        .from(registryEntrustmentFiles)
        .where(
          and(eq(registryEntrustmentFiles.agencyId, agencyId), eq(registryEntrustmentFiles.fileId, fileId)),
        ),
    ),
});
registerFileReference({
  kind: "flow",
  count: async (q, agencyId, fileId) =>
    n(
      await q
        .select({ n: count() })
        .from(registryFlows)
        .where(and(eq(registryFlows.agencyId, agencyId), eq(registryFlows.fileId, fileId))),
    ),
});
registerFileReference({
  kind: "risk_assessment",
  count: async (q, agencyId, fileId) =>
    n(
      await q
        .select({ n: count() })
        .from(registryRiskAssessments)
        .where(
          and(eq(registryRiskAssessments.agencyId, agencyId), eq(registryRiskAssessments.fileId, fileId)),
        ),
    ),
});

export async function fileReferences(q: Queryable, agencyId: string, fileId: string) {
  const out: Array<{ kind: string; count: number }> = [];
  for (const c of counters.values()) {
    const k = await c.count(q, agencyId, fileId);
    if (k > 0) out.push({ kind: c.kind, count: k });
  }
  return out;
}
