import { codeSet } from "@civicpims/core/registry/lists";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { registryOutOfPurposeLog, registryProvisions } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { conflict } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { getFileRow, invalid } from "./files.service";
import { recordHistory } from "./history";
import { type RegCtx, regCtx } from "./registry-context";
import * as s from "./schemas";
import { insertWithHistory, patchWithHistory } from "./simple-crud";
import { assertUnitWritable } from "./unit-scope";
import { assertVersion, loadOwned, updateVersioned } from "./versioned";

const tag = "registry";

function checkGround(ctx: RegCtx, code: string, outOfPurpose: boolean) {
  const list = outOfPurpose ? ctx.lists.outOfPurposeGrounds : ctx.lists.provisionGrounds;
  if (!codeSet(list).has(code))
    throw invalid(ctx, [{ field: "legalGroundCode", code: "unknown_code", params: { value: code } }]);
}

/** Third-party provisions (G1-G3): one-off and out-of-purpose ones need approval and land in the log. */
export function registerProvisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/provisions",
    access: "registry.read",
    tag,
    summary: "Third-party provisions",
    query: s.provisionQuery,
    handler: async ({ tx, agencyId, query }) => {
      const conds: SQL[] = [eq(registryProvisions.agencyId, agencyId)];
      if (query.fileId) conds.push(eq(registryProvisions.fileId, query.fileId));
      if (query.status) conds.push(eq(registryProvisions.status, query.status));
      return tx
        .select()
        .from(registryProvisions)
        .where(and(...conds))
        .orderBy(asc(registryProvisions.createdAt));
    },
    audit: { skip: "register metadata about provisions, no data about any person" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/provisions",
    access: "registry.write",
    tag,
    summary: "Record a provision; one-off or out-of-purpose ones start pending approval",
    body: s.provisionFields,
    status: 201,
    handler: async (c) => {
      const ctx = await regCtx(c);
      if (c.body.fileId)
        assertUnitWritable(c.auth, (await getFileRow(c.tx, c.agencyId, c.body.fileId)).unitId);
      checkGround(ctx, c.body.legalGroundCode, c.body.outOfPurpose);
      const needsApproval = c.body.kind === "one_off" || c.body.outOfPurpose;
      return insertWithHistory(ctx, registryProvisions, "provision", {
        ...c.body,
        status: needsApproval ? "pending" : "active",
        requestedBy: ctx.actor.actorId,
      });
    },
    audit: {
      action: "registry.provision.create",
      resourceType: "registry_provision",
      resourceId: (r) => r.id,
      details: (r) => ({ status: r.status }),
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/provisions/:id",
    access: "registry.write",
    tag,
    summary: "Change a provision that has not been decided",
    params: s.idParams,
    body: s.provisionPatch,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const cur = await loadOwned(c.tx, registryProvisions, c.agencyId, c.params.id);
      // A handler scoped to one unit may only change provisions of that unit's files.
      if (cur.fileId) assertUnitWritable(c.auth, (await getFileRow(c.tx, c.agencyId, cur.fileId)).unitId);
      if (cur.status === "approved" || cur.status === "rejected") throw conflict("registry.decided");
      if (c.body.legalGroundCode) checkGround(ctx, c.body.legalGroundCode, cur.outOfPurpose);
      return patchWithHistory(ctx, registryProvisions, "provision", c.params.id, c.body);
    },
    audit: {
      action: "registry.provision.update",
      resourceType: "registry_provision",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/provisions/:id/decision",
    access: "registry.approve",
    tag,
    summary: "Approve or reject a pending provision; approval writes the out-of-purpose log",
    params: s.idParams,
    body: s.provisionDecision,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const cur = await loadOwned(c.tx, registryProvisions, c.agencyId, c.params.id);
      assertVersion(cur.version, c.body.version);
      if (cur.status !== "pending") throw conflict("registry.not_pending");
      const approved = c.body.decision === "approve";
      const now = new Date();
      const after = await updateVersioned(c.tx, registryProvisions, c.agencyId, cur.id, cur.version, {
        status: approved ? "approved" : "rejected",
        decidedBy: ctx.actor.actorId,
        decidedAt: now,
        decisionNote: c.body.note ?? null,
        updatedAt: now,
      });
      await recordHistory(c.tx, ctx.actor, {
        entityType: "provision",
        entityId: cur.id,
        version: after.version,
        action: "update",
        reason: c.body.note ?? c.body.decision,
        before: cur,
        after,
      });
      if (approved) {
        const file = cur.fileId ? await getFileRow(c.tx, c.agencyId, cur.fileId) : null;
        await c.tx.insert(registryOutOfPurposeLog).values({
          agencyId: c.agencyId,
          provisionId: cur.id,
          fileId: cur.fileId,
          fileName: file?.name ?? null,
          recipient: cur.recipient,
          groundCode: cur.legalGroundCode,
          purpose: cur.purpose,
          items: cur.items,
          kind: cur.kind,
          outOfPurpose: cur.outOfPurpose,
          approvedBy: ctx.actor.actorId,
          approvedAt: now,
          providedOn: cur.providedOn,
        });
      }
      return after;
    },
    audit: {
      action: "registry.provision.decide",
      resourceType: "registry_provision",
      resourceId: (r) => r.id,
      details: (r) => ({ status: r.status }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/out-of-purpose-log",
    access: "registry.read",
    tag,
    summary: "목적 외 이용·제공 대장 / 特定目的外利用紀錄",
    handler: async ({ tx, agencyId }) =>
      tx
        .select()
        .from(registryOutOfPurposeLog)
        .where(eq(registryOutOfPurposeLog.agencyId, agencyId))
        .orderBy(asc(registryOutOfPurposeLog.seq)),
    audit: { skip: "log of provisions as declared, no data about any person" },
  });
}
