import { longText } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { actorOf } from "./documents.routes";
import {
  listDriftChecks,
  openDriftFindings,
  resolveDriftCheck,
  runDriftCheck,
  scanDriftSample,
} from "./drift.service";
import { reviewLimitBytes } from "./settings";
import { readUpload } from "./upload";

const tag = "pii";

/** Register drift check (issue 7 item 7, B8): a sample export against the file's declared items. */
export function registerDriftRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/pii/drift",
    access: "pii.drift",
    tag,
    summary:
      "Scan a sample export (multipart: field `fileId`, then file `file`, csv or xlsx) against a register file",
    status: 201,
    // Reading and scanning the sample (a worker job) happen before the transaction opens (issue 10 §4).
    prepare: async (c) => {
      const up = await readUpload(c.req, reviewLimitBytes(c.deps));
      const fileId = z.uuid().safeParse(up.fields.fileId);
      if (!fileId.success)
        throw badRequest("validation", [{ path: "/fileId", message: "fileId must be a uuid" }]);
      const input = { fileId: fileId.data, filename: up.filename, data: up.data };
      return { input, scanned: await scanDriftSample(c.db, c.deps, c.agencyId, input) };
    },
    handler: async (c) =>
      runDriftCheck(c.tx, c.deps, c.agencyId, actorOf(c), c.prepared.input, c.prepared.scanned),
    audit: {
      action: "pii.drift.check",
      resourceType: "registry_file",
      resourceId: (r) => r.fileId,
      details: (r) => ({
        checkId: r.id,
        status: r.status,
        found: r.found,
        undeclaredUnique: r.undeclaredUnique,
        undeclaredOther: r.undeclaredOther,
        undeclaredSensitive: r.undeclaredSensitive,
      }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/drift",
    access: "registry.read",
    tag,
    summary: "Drift checks (all, or of one register file), newest first",
    query: z.object({ fileId: z.uuid().optional() }),
    handler: async (c) => ({ items: await listDriftChecks(c.tx, c.agencyId, c.query.fileId) }),
    audit: { skip: "types, counts and column headers only" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/drift/open",
    access: "registry.read",
    tag,
    summary: "Open drift findings per register file (for the register dashboard)",
    handler: async (c) => ({ items: await openDriftFindings(c.tx, c.agencyId) }),
    audit: { skip: "types and file names only" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/pii/drift/:id/resolve",
    access: "pii.drift",
    tag,
    summary: "Close a drift finding with a note (e.g. the register entry was updated)",
    params: z.object({ id: z.uuid() }),
    body: z.object({ note: longText({ min: 1, max: 500 }) }),
    handler: async (c) => resolveDriftCheck(c.tx, c.agencyId, c.params.id, actorOf(c), c.body.note),
    audit: {
      action: "pii.drift.resolve",
      resourceType: "pii_drift_check",
      resourceId: (r) => r.id,
      details: (r) => ({ fileId: r.fileId }),
    },
  });
}
