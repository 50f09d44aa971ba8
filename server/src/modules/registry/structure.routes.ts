import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { registryFiles, registryFlows, registrySystems } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, conflict } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { getFileRow } from "./files.service";
import { regCtx } from "./registry-context";
import * as s from "./schemas";
import { deleteWithHistory, insertWithHistory, patchWithHistory } from "./simple-crud";
import { assertUnitWritable } from "./unit-scope";
import { loadOwned } from "./versioned";

const tag = "registry";
const noPersonalData = "register metadata: declarations about systems and flows, no data about any person";

/** Information systems and data flows (issue item 3). */
export function registerStructureRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/systems",
    access: "registry.read",
    tag,
    summary: "Information systems",
    handler: async ({ tx, agencyId }) =>
      tx
        .select()
        .from(registrySystems)
        .where(eq(registrySystems.agencyId, agencyId))
        .orderBy(registrySystems.name),
    audit: { skip: noPersonalData },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/systems",
    access: "registry.write",
    tag,
    summary: "Add an information system",
    body: s.systemFields,
    status: 201,
    handler: async (c) => {
      const [dup] = await c.tx
        .select({ id: registrySystems.id })
        .from(registrySystems)
        .where(and(eq(registrySystems.agencyId, c.agencyId), eq(registrySystems.name, c.body.name)));
      if (dup) throw conflict("registry.duplicate_name", { field: "name", value: c.body.name });
      return insertWithHistory(await regCtx(c), registrySystems, "system", c.body);
    },
    audit: { action: "registry.system.create", resourceType: "registry_system", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/systems/:id",
    access: "registry.write",
    tag,
    summary: "Change an information system",
    params: s.idParams,
    body: s.systemPatch,
    handler: async (c) => patchWithHistory(await regCtx(c), registrySystems, "system", c.params.id, c.body),
    audit: { action: "registry.system.update", resourceType: "registry_system", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/registry/systems/:id",
    access: "registry.delete",
    tag,
    summary: "Delete a system no file lists",
    params: s.idParams,
    body: s.deleteBody,
    handler: async (c) => {
      await loadOwned(c.tx, registrySystems, c.agencyId, c.params.id);
      const [used] = await c.tx
        .select({ id: registryFiles.id })
        .from(registryFiles)
        .where(
          and(
            eq(registryFiles.agencyId, c.agencyId),
            sql`${c.params.id}::uuid = ANY(${registryFiles.systemIds})`,
          ),
        )
        .limit(1);
      const [flow] = await c.tx
        .select({ id: registryFlows.id })
        .from(registryFlows)
        .where(and(eq(registryFlows.agencyId, c.agencyId), eq(registryFlows.systemId, c.params.id)))
        .limit(1);
      if (used || flow) throw conflict("registry.system_referenced");
      return deleteWithHistory(await regCtx(c), registrySystems, "system", c.params.id, c.body);
    },
    audit: { action: "registry.system.delete", resourceType: "registry_system", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/files/:id/flows",
    access: "registry.read",
    tag,
    summary: "Data flows of a file: sources (in), systems holding it (store), recipients (out)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      const file = await getFileRow(tx, agencyId, params.id);
      const flows = await tx
        .select()
        .from(registryFlows)
        .where(and(eq(registryFlows.agencyId, agencyId), eq(registryFlows.fileId, file.id)))
        .orderBy(registryFlows.createdAt);
      const systems = file.systemIds.length
        ? (await tx.select().from(registrySystems).where(eq(registrySystems.agencyId, agencyId))).filter(
            (x) => file.systemIds.includes(x.id),
          )
        : [];
      return {
        in: flows.filter((f) => f.direction === "in"),
        store: systems,
        out: flows.filter((f) => f.direction === "out"),
      };
    },
    audit: { skip: noPersonalData },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/files/:id/flows",
    access: "registry.write",
    tag,
    summary: "Add a data flow to a file",
    params: s.idParams,
    body: s.flowCreate,
    status: 201,
    handler: async (c) => {
      assertUnitWritable(c.auth, (await getFileRow(c.tx, c.agencyId, c.params.id)).unitId);
      if (c.body.systemId) {
        const [sys] = await c.tx
          .select({ id: registrySystems.id })
          .from(registrySystems)
          .where(and(eq(registrySystems.agencyId, c.agencyId), eq(registrySystems.id, c.body.systemId)));
        if (!sys) throw new AppError(404, "not_found");
      }
      return insertWithHistory(await regCtx(c), registryFlows, "flow", { ...c.body, fileId: c.params.id });
    },
    audit: { action: "registry.flow.create", resourceType: "registry_flow", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/registry/flows/:id",
    access: "registry.write",
    tag,
    summary: "Remove a data flow",
    params: s.idParams,
    body: s.deleteBody,
    handler: async (c) => {
      // A handler scoped to one unit may only remove flows of that unit's files.
      const flow = await loadOwned(c.tx, registryFlows, c.agencyId, c.params.id);
      assertUnitWritable(c.auth, (await getFileRow(c.tx, c.agencyId, flow.fileId)).unitId);
      return deleteWithHistory(await regCtx(c), registryFlows, "flow", c.params.id, c.body);
    },
    audit: { action: "registry.flow.delete", resourceType: "registry_flow", resourceId: (r) => r.id },
  });
}
