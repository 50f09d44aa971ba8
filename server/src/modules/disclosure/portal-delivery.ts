// The requester's released files on the portal status page (J1; issue 12 item 3): only attachments listed in
// disclosure_released_files, only once the request is decided, each download ledgered by the portal route.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { caseAttachments, type cases, disclosureReleasedFiles, disclosureRequests } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { attachmentBytes } from "../cases/attachments";
import { registerPortalDelivery } from "../portal/delivery-providers";

/** States in which the decision has been taken (a withdrawn or transferred request releases nothing). */
const DELIVERED_STATES = new Set(["decided", "notified", "closed"]);
const RELEASING = new Set(["full", "partial"]);

type CaseRecord = typeof cases.$inferSelect;

async function releasing(tx: Tx, c: CaseRecord) {
  if (c.kind !== "disclosure" || !DELIVERED_STATES.has(c.state)) return null;
  const [r] = await tx
    .select()
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.caseId, c.id), eq(disclosureRequests.agencyId, c.agencyId)));
  return r ?? null;
}

export async function disclosureCitizenDelivery(tx: Tx, c: CaseRecord) {
  const r = await releasing(tx, c);
  if (!r) return null;
  const files = RELEASING.has(r.outcome ?? "")
    ? await tx
        .select({
          id: caseAttachments.id,
          filename: caseAttachments.filename,
          size: caseAttachments.size,
          mimeType: caseAttachments.mimeType,
          redacted: disclosureReleasedFiles.redactionId,
        })
        .from(disclosureReleasedFiles)
        .innerJoin(caseAttachments, eq(caseAttachments.id, disclosureReleasedFiles.attachmentId))
        .where(
          and(eq(disclosureReleasedFiles.caseId, c.id), eq(disclosureReleasedFiles.agencyId, c.agencyId)),
        )
        .orderBy(asc(disclosureReleasedFiles.releasedAt), asc(caseAttachments.filename))
    : [];
  return {
    method: r.receipt,
    outcome: r.outcome,
    files: files.map(({ redacted, ...f }) => ({ ...f, redacted: redacted !== null })),
    viewing: null,
    fee: r.feeTotal !== null ? { total: r.feeTotal, currency: r.feeCurrency, waived: r.feeWaived } : null,
  };
}

export async function disclosureReleasedFile(tx: Tx, deps: AppDeps, c: CaseRecord, attachmentId: string) {
  const r = await releasing(tx, c);
  if (!r || !RELEASING.has(r.outcome ?? "")) return null;
  const [row] = await tx
    .select({ a: caseAttachments })
    .from(disclosureReleasedFiles)
    .innerJoin(caseAttachments, eq(caseAttachments.id, disclosureReleasedFiles.attachmentId))
    .where(
      and(
        eq(disclosureReleasedFiles.caseId, c.id),
        eq(disclosureReleasedFiles.agencyId, c.agencyId),
        eq(disclosureReleasedFiles.attachmentId, attachmentId),
        eq(caseAttachments.caseId, c.id),
      ),
    );
  if (!row) return null;
  return {
    filename: row.a.filename,
    mimeType: row.a.mimeType,
    data: attachmentBytes(deps.secrets.fieldKey, row.a),
  };
}

registerPortalDelivery("disclosure", { overview: disclosureCitizenDelivery, file: disclosureReleasedFile });
