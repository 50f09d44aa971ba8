import { catalogueOf, type Jurisdiction } from "@civicpims/core/jurisdictions/index";
import { mergeOptionsOf, tryMergeCatalogue } from "@civicpims/core/registry/catalogue";
import { catalogueIdOf, REGISTRY_LISTS } from "@civicpims/core/registry/lists";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Queryable } from "../../db/client";
import { registryLocalCodes } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { defineRoute } from "../../http/route";
import type { Locale } from "../../i18n";
import { recordHistory } from "./history";
import { regCtx } from "./registry-context";
import * as s from "./schemas";

const tag = "registry";
type ListId = keyof typeof REGISTRY_LISTS;

/** The register lists of a jurisdiction that an agency may extend: list id -> catalogue definition. */
function extendable(jurisdiction: Jurisdiction) {
  return (Object.keys(REGISTRY_LISTS) as ListId[]).flatMap((listId) => {
    const id = catalogueIdOf(jurisdiction, listId);
    const def = id ? catalogueOf(jurisdiction, id) : undefined;
    return def ? [{ listId, def }] : [];
  });
}

function resolve(jurisdiction: Jurisdiction, catalogueId: string) {
  const hit = extendable(jurisdiction).filter((x) => x.def.id === catalogueId);
  if (!hit.length) throw new AppError(404, "registry.unknown_catalogue");
  return { def: hit[0].def, listIds: hit.map((x) => x.listId) };
}

async function stored(q: Queryable, agencyId: string, catalogueId: string) {
  const [row] = await q
    .select()
    .from(registryLocalCodes)
    .where(and(eq(registryLocalCodes.agencyId, agencyId), eq(registryLocalCodes.catalogueId, catalogueId)));
  return row ?? null;
}

function view(
  def: NonNullable<ReturnType<typeof catalogueOf>>,
  listIds: ListId[],
  row: typeof registryLocalCodes.$inferSelect | null,
  locale: Locale,
) {
  return {
    catalogueId: def.id,
    listIds,
    title: def.title[locale] ?? def.title.en,
    requiredLocales: def.requiredLocales,
    baseCodes: def.entries.length,
    /** Entries the official list is known to have (null: unknown or all in the pack); `verify`: count unconfirmed. */
    officialCount: def.officialCount ?? null,
    /** Base entries not yet confirmed against the official list. */
    unconfirmedCodes: def.entries.filter((e) => e.verify).length,
    /** The agency's own entries as stored (what PUT replaces); version 0 = none yet. */
    entries: row?.entries ?? [],
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The agency's own entries of the rule-pack code lists (item 2): list, read one, replace. */
export function registerLocalCodeRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/local-codes",
    access: "registry.read",
    tag,
    summary: "Code lists the agency may extend, each with its local entries",
    handler: async (c) => {
      const ctx = await regCtx(c);
      const rows = await c.tx
        .select()
        .from(registryLocalCodes)
        .where(eq(registryLocalCodes.agencyId, c.agencyId));
      const byId = new Map(rows.map((r) => [r.catalogueId, r]));
      const seen = new Map<string, { def: (typeof list)[number]["def"]; listIds: ListId[] }>();
      const list = extendable(ctx.agency.jurisdiction);
      for (const { listId, def } of list) {
        const e = seen.get(def.id);
        if (e) e.listIds.push(listId);
        else seen.set(def.id, { def, listIds: [listId] });
      }
      return {
        items: [...seen.values()].map(({ def, listIds }) =>
          view(def, listIds, byId.get(def.id) ?? null, c.locale),
        ),
      };
    },
    audit: { skip: "code lists, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/local-codes/:catalogueId",
    access: "registry.read",
    tag,
    summary: "One code list's local entries (404 for a list the agency's rule pack does not have)",
    params: s.localCodesParams,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const { def, listIds } = resolve(ctx.agency.jurisdiction, c.params.catalogueId);
      return view(def, listIds, await stored(c.tx, c.agencyId, def.id), c.locale);
    },
    audit: { skip: "code lists, no personal data" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/registry/local-codes/:catalogueId",
    access: "registry.campaign.manage",
    tag,
    summary:
      "Replace the agency's own entries of a code list (item 2); merged after the rule-pack entries; version optional (stale -> 409)",
    params: s.localCodesParams,
    body: s.localCodesBody,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const { def } = resolve(ctx.agency.jurisdiction, c.params.catalogueId);
      const merged = tryMergeCatalogue(def.entries, c.body.entries, mergeOptionsOf(def));
      if (!merged.ok) throw new AppError(400, "registry.local_codes", merged.issues);
      const prev = await stored(c.tx, c.agencyId, def.id);
      // An editor that read the list sends its version: a change made meanwhile is not overwritten.
      if (c.body.version !== undefined && c.body.version !== (prev?.version ?? 0))
        throw new AppError(409, "registry.stale_version", { current: prev?.version ?? 0 });
      let row: typeof registryLocalCodes.$inferSelect;
      if (prev) {
        [row] = await c.tx
          .update(registryLocalCodes)
          .set({ entries: c.body.entries, version: prev.version + 1, updatedAt: new Date() })
          .where(eq(registryLocalCodes.id, prev.id))
          .returning();
      } else {
        [row] = await c.tx
          .insert(registryLocalCodes)
          .values({ agencyId: c.agencyId, catalogueId: def.id, entries: c.body.entries })
          .returning();
      }
      await recordHistory(c.tx, ctx.actor, {
        entityType: "local_codes",
        entityId: row.id,
        version: row.version,
        action: prev ? "update" : "create",
        reason: c.body.reason ?? null,
        before: prev ? { entries: prev.entries } : undefined,
        after: { entries: row.entries },
      });
      return { id: row.id, catalogueId: def.id, count: c.body.entries.length, version: row.version };
    },
    audit: {
      action: "registry.local_codes.update",
      resourceType: "registry_local_codes",
      resourceId: (r) => r.id,
      details: (r) => ({ catalogueId: r.catalogueId, count: r.count }),
    },
  });
}
