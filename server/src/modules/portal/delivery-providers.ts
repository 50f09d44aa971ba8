import type { Tx } from "../../db/client";
import type { cases } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import type { CaseKind } from "../cases/case.service";
import { citizenDelivery, releasedFile } from "../requests/delivery";

type CaseRecord = typeof cases.$inferSelect;

/** One released file as the status page lists it. */
export interface PortalReleasedFile {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
}

/**
 * What a case kind hands the requester after its decision (issue 11 item 4, issue 12 item 3): the status
 * page's delivery block and the bytes of one released file. Each kind keeps its own release table (requests:
 * request_releases, disclosure: disclosure_released_files), so the portal asks the kind; only files the kind
 * released are ever listed or served.
 */
export interface PortalDelivery {
  overview(tx: Tx, c: CaseRecord): Promise<{ files: PortalReleasedFile[] } | Record<string, unknown> | null>;
  file(
    tx: Tx,
    deps: AppDeps,
    c: CaseRecord,
    attachmentId: string,
  ): Promise<{ filename: string; mimeType: string; data: Buffer } | null>;
}

const providers = new Map<CaseKind, PortalDelivery>();
/** Rights requests are the kind the portal delivered first; other kinds register their own. */
const fallback: PortalDelivery = { overview: citizenDelivery, file: releasedFile };

export function registerPortalDelivery(kind: CaseKind, def: PortalDelivery): void {
  providers.set(kind, def);
}

export function portalDelivery(kind: CaseKind): PortalDelivery {
  return providers.get(kind) ?? fallback;
}
