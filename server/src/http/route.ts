import { type Access, can, type Permission } from "@civicpims/core/auth/index";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Db, Tx } from "../db/client";
import type { Locale } from "../i18n";
import { appendLedger, type LedgerInput } from "../modules/audit/ledger.service";
import type { AuthContext } from "../modules/auth/auth-context";
import {
  assertSeparateAccess,
  detailGate,
  hideSeparated,
  listGate,
} from "../modules/retention/separate-gate";
import type { AppDeps } from "./deps";
import { AppError, forbidden, unauthorized } from "./errors";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type ZodAny = z.ZodType;
type Infer<T> = T extends ZodAny ? z.output<T> : undefined;

/**
 * Audit declaration, required on every route so none can forget it. Either the ledger entry the
 * route writes on success (in the same transaction as its change), or `{ skip: reason }` for
 * routes that touch no personal data.
 */
export type AuditSpec<R> =
  | {
      action: string;
      resourceType?: string;
      resourceId?: (result: R) => string | null | undefined;
      subjectRef?: (result: R) => string | null | undefined;
      details?: (result: R) => Record<string, unknown> | undefined;
    }
  | { skip: string };

export interface RouteContext<B, Q, P, X = unknown> {
  /** What the route's `prepare` step returned (undefined without one). */
  prepared: X;
  req: FastifyRequest;
  reply: FastifyReply;
  tx: Tx;
  deps: AppDeps;
  /** Present on every non-public route. */
  auth: AuthContext;
  /** The caller's agency: every repository call is scoped by it. */
  agencyId: string;
  locale: Locale;
  body: B;
  query: Q;
  params: P;
  /** Adds a ledger entry to this command's transaction (actor, address, agency filled in). */
  audit(entry: LedgerInput): void;
}

/**
 * The context of a route's `prepare` step: no transaction. `db` runs single short statements outside any
 * transaction (e.g. an agency's detector settings); the handler re-checks in its transaction whatever must
 * hold when it writes.
 */
export type PrepareContext<B, Q, P> = Omit<RouteContext<B, Q, P, undefined>, "tx" | "audit" | "prepared"> & {
  db: Db;
};

export interface RouteDef<
  B extends ZodAny | undefined,
  Q extends ZodAny | undefined,
  P extends ZodAny | undefined,
  R,
  X = undefined,
> {
  method: Method;
  url: string;
  access: Access;
  /** Groups the route in OpenAPI (tags). */
  tag: string;
  summary: string;
  body?: B;
  query?: Q;
  params?: P;
  response?: ZodAny;
  audit: AuditSpec<NoInfer<R>>;
  /** Status on success (default 200). */
  status?: number;
  /**
   * Heavy, database-free work (reading a multipart upload, a worker job that unpacks, parses or scans it)
   * runs here, after session, CSRF, permission and validation but BEFORE the transaction opens: the
   * embedded database has one connection, so a transaction held across a worker job would queue every
   * other request (the public portal too) behind it (issue 10 §4). Its result is the handler's `prepared`.
   * A refusal thrown here is answered like one from the handler (nothing written, as a rolled-back
   * handler writes nothing).
   */
  prepare?(ctx: PrepareContext<Infer<B>, Infer<Q>, Infer<P>>): Promise<X>;
  handler(ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, X>): Promise<R>;
  /** Routes that send their own reply (files, streams) return the reply and set raw: true. */
  raw?: boolean;
  /**
   * Long read-only work (a full-ledger verification) runs outside a transaction, on the shared
   * connection pool; its ledger entry is then appended in a short transaction of its own. The
   * embedded database has a single connection, so such work must not sit inside a transaction.
   */
  readOnlyNoTransaction?: boolean;
  /**
   * `false`: no BEGIN/COMMIT around the handler; `tx` is the shared pool and each statement commits on
   * its own (PostgreSQL runs every statement atomically). That saves two of three round trips on a hot
   * route whose work is ONE statement (the public progress search: throttle check and lookup in one
   * SELECT). Safe only when no invariant spans two statements: nothing the handler writes may need
   * another of its writes, or a ledger entry, to commit with it (a lone upsert of a counter is fine;
   * a case change and its ledger entry are not). Routes with a declared ledger `action` cannot use it,
   * and `ctx.audit` throws on such routes, so nothing can be written that would have to roll back.
   */
  transaction?: false;
}

export interface RegisteredRoute {
  method: Method;
  url: string;
  access: Access;
  /** The input schemas, for the input guard test (server/src/http/input-guard.test.ts). */
  schemas?: { body?: ZodAny; query?: ZodAny; params?: ZodAny };
  /** The query schema, so tests can enumerate sensible query strings for every GET route. */
  query?: ZodAny;
  /** The ledger action the route declares (none for `skip`), for the action-phrase coverage test. */
  auditAction?: string;
}

/** Every route registered through defineRoute, for the route x role test and the docs. */
export const routeTable: RegisteredRoute[] = [];

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Access levels before the full sign-in: the second-factor screens and the session probe. */
export type SessionAccess = "pre_mfa";

export function requestMeta(req: FastifyRequest) {
  return { clientIp: req.ip, userAgent: req.headers["user-agent"] ?? null };
}

/**
 * Declare `audit` after `handler` in the route object: TypeScript infers the result type from the
 * handler first, so the audit callbacks see it.
 *
 * Checks session, CSRF and permission before validation (so an unauthorised caller learns nothing
 * from validation messages), then runs the handler in one transaction together with its ledger
 * entries. A refused permission is itself written to the ledger.
 */
export function defineRoute<
  B extends ZodAny | undefined,
  Q extends ZodAny | undefined,
  P extends ZodAny | undefined,
  R,
  X = undefined,
>(
  app: FastifyInstance,
  deps: AppDeps,
  def: RouteDef<B, Q, P, R, X> & { preMfa?: boolean; prePasswordChange?: boolean },
): void {
  if (def.transaction === false && ("action" in def.audit || def.readOnlyNoTransaction || def.prepare))
    throw new Error(
      `${def.method} ${def.url}: transaction: false is for one-statement routes without a ledger entry or prepare step`,
    );
  // Which separate-storage gate (D3) applies depends on the route only: classified once here, not per request.
  const detailGated = detailGate(def.url);
  const listGated = listGate(def.method, def.url);
  if (!routeTable.some((r) => r.method === def.method && r.url === def.url)) {
    const schemas = { body: def.body, query: def.query, params: def.params };
    const auditAction = "action" in def.audit ? def.audit.action : undefined;
    routeTable.push({
      method: def.method,
      url: def.url,
      access: def.access,
      schemas,
      query: def.query,
      auditAction,
    });
  }
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    schema: {
      tags: [def.tag],
      summary: def.summary,
      ...(def.body ? { body: def.body } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.params ? { params: def.params } : {}),
      ...(def.response ? { response: { [def.status ?? 200]: def.response } } : {}),
    },
    preValidation: async (req) => {
      if (def.access === "public") return;
      const auth = req.auth;
      if (!auth) throw unauthorized(req.authProblem === "expired" ? "auth.session_expired" : "auth.required");
      if (!auth.mfaPassed && !def.preMfa) {
        throw new AppError(401, auth.mfaEnabled ? "auth.mfa_required" : "auth.mfa_enrolment_required");
      }
      // After an administrator's reset: session basics (preMfa routes) and the change itself only.
      if (auth.mustChangePassword && !def.preMfa && !def.prePasswordChange) {
        throw forbidden("auth.password_change_required");
      }
      if (!SAFE.has(req.method) && req.headers["x-csrf-token"] !== auth.csrfToken) {
        await recordDenied(deps, req, auth, "auth.csrf_rejected");
        throw forbidden("auth.csrf");
      }
      // The local operator holds no session role: it may call the installation-wide /api/system/*
      // routes (whose permissions no session role has) and nothing else (operatorAuth checks the prefix).
      const operatorRoute = auth.operator === true && def.url.startsWith("/api/system/");
      if (
        !operatorRoute &&
        def.access !== "authenticated" &&
        !can(
          auth.roles.map((r) => r.role),
          def.access as Permission,
        )
      ) {
        await recordDenied(deps, req, auth, "auth.permission_denied");
        throw forbidden();
      }
      // D3: a case or record in separate storage opens only for the roles its hold names (any method).
      const gated = auth.agencyId ? detailGated : null;
      if (gated) {
        try {
          await assertSeparateAccess(
            deps.database.db,
            auth.agencyId,
            gated,
            (req.params as { id?: unknown } | undefined)?.id,
            auth.roles.map((r) => r.role),
          );
        } catch (e) {
          await recordDenied(deps, req, auth, "auth.permission_denied");
          throw e;
        }
      }
    },
    handler: async (req, reply) => {
      const pending: LedgerInput[] = [];
      const auth = req.auth as AuthContext;
      const meta = requestMeta(req);
      const base = {
        // || : the local operator (CLI token) has no agency and no staff id.
        agencyId: auth?.agencyId || null,
        actorId: auth?.staffId || null,
        actorLabel: auth?.username ?? null,
        ...meta,
      };
      const collectAudit = (r: R) => {
        if (!("action" in def.audit)) return;
        const a = def.audit;
        pending.push({
          ...base,
          action: a.action,
          resourceType: a.resourceType ?? null,
          resourceId: a.resourceId?.(r) ?? null,
          subjectRef: a.subjectRef?.(r) ?? null,
          details: a.details?.(r),
        });
      };
      const common = {
        req,
        reply,
        deps,
        auth,
        agencyId: auth?.agencyId,
        locale: req.locale,
        body: req.body as Infer<B>,
        query: req.query as Infer<Q>,
        params: req.params as Infer<P>,
      };
      // Outside any transaction (see RouteDef.prepare).
      const prepared = (
        def.prepare ? await def.prepare({ ...common, db: deps.database.db }) : undefined
      ) as X;
      const run = async (tx: Tx) => {
        const ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>, X> = {
          ...common,
          prepared,
          tx,
          audit: (e) => pending.push({ ...base, ...e }),
        };
        return def.handler(ctx);
      };
      let result: R;
      if (def.transaction === false) {
        // One atomic statement (see RouteDef.transaction): straight on the pool, no ledger entry.
        result = await def.handler({
          ...common,
          prepared,
          tx: deps.database.db as unknown as Tx,
          audit: () => {
            throw new Error(
              `${def.method} ${def.url} runs without a transaction: it cannot write the ledger`,
            );
          },
        });
      } else if (def.readOnlyNoTransaction) {
        result = await run(deps.database.db as unknown as Tx);
        collectAudit(result);
        if (pending.length)
          await deps.database.db.transaction((tx) => appendLedger(tx, pending, deps.ledger));
      } else {
        result = await deps.database.db.transaction(async (tx) => {
          const r = await run(tx);
          collectAudit(r);
          if (pending.length) await appendLedger(tx, pending, deps.ledger);
          return r;
        });
      }
      if (def.raw) return reply;
      // D3: list rows in separate storage the actor's roles may not open are left out.
      const listed = auth?.agencyId ? listGated : null;
      if (listed)
        result = await hideSeparated(
          deps.database.db,
          auth.agencyId,
          listed,
          auth.roles.map((r) => r.role),
          result,
        );
      reply.code(def.status ?? 200);
      return result;
    },
  });
}

async function recordDenied(
  deps: AppDeps,
  req: FastifyRequest,
  auth: AuthContext,
  action: string,
): Promise<void> {
  await deps.database.db.transaction((tx) =>
    appendLedger(
      tx,
      [
        {
          action,
          result: "denied",
          agencyId: auth.agencyId,
          actorId: auth.staffId,
          actorLabel: auth.username,
          ...requestMeta(req),
          details: { method: req.method, route: req.routeOptions.url ?? req.url },
        },
      ],
      deps.ledger,
    ),
  );
}
