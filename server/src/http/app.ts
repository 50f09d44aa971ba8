import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { LOCALES, type Locale, negotiateLocale, t } from "../i18n";
import { loggerOptions } from "../logger";
import { registerModules } from "../modules";
import type { AuthContext } from "../modules/auth/auth-context";
import { resolveSession, SESSION_COOKIE } from "../modules/auth/session.service";
import { operatorAuth } from "../modules/system/operator-token";
import { FileIntegrityError } from "../security/file-crypto";
import type { AppDeps } from "./deps";
import { AppError, fromDatabaseError } from "./errors";
import { fieldDetails } from "./validation-errors";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered on this instance (the route x role test compares it with routeTable). */
    allRoutes: Array<{ method: string; url: string }>;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    authProblem: "none" | "expired" | null;
    locale: Locale;
  }
}

export interface BuildOptions {
  /** Serve the built SPA from this directory (default: web/dist when it exists). */
  webDist?: string | null;
  logger?: boolean;
}

export function defaultWebDist(): string | null {
  const candidates = [
    process.env.CIVICPIMS_WEB_DIST,
    fileURLToPath(new URL("../../../web/dist", import.meta.url)),
    fileURLToPath(new URL("../../web/dist", import.meta.url)),
  ].filter((x): x is string => !!x);
  return candidates.find((d) => existsSync(`${d}/index.html`)) ?? null;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  });
  const allRoutes: Array<{ method: string; url: string }> = [];
  app.decorate("allRoutes", allRoutes);
  app.addHook("onRoute", (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method])
      allRoutes.push({ method: m, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 50 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "CivicPIMS API", version: "0.1.0", description: "Staff and citizen portal API" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", staticCSP: true });

  app.decorateRequest("auth", null);
  app.decorateRequest("authProblem", null);
  app.decorateRequest("locale", "en");
  app.addHook("onRequest", async (req) => {
    // Explicit choice (x-locale) first, then the staff member's saved language, then the browser,
    // then the agency's jurisdiction default.
    const header = req.headers["x-locale"];
    const explicit =
      typeof header === "string" && (LOCALES as readonly string[]).includes(header)
        ? (header as Locale)
        : null;
    req.locale = explicit ?? negotiateLocale(req.headers["accept-language"]);
    if (!req.url.startsWith("/api/")) return;
    const operator = operatorAuth(req, deps.operatorToken);
    if (operator) {
      req.auth = operator;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const r = await resolveSession(deps.database.db, config, token);
    if (r.ok) {
      req.auth = r.auth;
      req.locale =
        explicit ?? r.auth.locale ?? negotiateLocale(req.headers["accept-language"], r.auth.agencyLocale);
    } else req.authProblem = r.reason;
  });

  app.setErrorHandler((err, req, reply) => {
    const locale = req.locale ?? "en";
    const send = (status: number, code: string, details?: unknown, params?: Record<string, unknown>) =>
      reply.code(status).send({
        code,
        message: t(locale, `errors.${code}`, { requestId: req.id, ...params }),
        ...(details === undefined ? {} : { details }),
        requestId: req.id,
      });
    if (err instanceof AppError) return send(err.status, err.code, err.details, err.params);
    if (err instanceof FileIntegrityError) {
      req.log.error({ errorCode: "files.integrity" }, "stored file failed its integrity check");
      return send(500, "files.integrity");
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(400, "validation", fieldDetails(err.validation, locale, err.validationContext));
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.code === "FST_ERR_CTP_INVALID_JSON_BODY" || e.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return send(400, "malformed_json");
    }
    if (
      e.statusCode === 413 ||
      e.code === "FST_REQ_FILE_TOO_LARGE" ||
      e.code === "FST_ERR_CTP_BODY_TOO_LARGE"
    ) {
      return send(413, "payload_too_large", undefined, {
        limit: `${Math.round(config.maxUploadBytes / 1048576)} MB`,
      });
    }
    if (e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return send(415, "validation");
    const mapped = fromDatabaseError(err);
    if (mapped) return send(mapped.status, mapped.code);
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return send(e.statusCode, "validation");
    req.log.error({ err }, "unhandled error");
    return send(500, "internal");
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith("/api/") || !webDist) {
      return reply.code(404).send({
        code: "route_not_found",
        message: t(req.locale, "errors.route_not_found"),
        requestId: req.id,
      });
    }
    // SPA deep links: let the client router handle them.
    return reply.type("text/html").sendFile("index.html");
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.database.query("SELECT 1 FROM schema_migrations LIMIT 1");
      return { status: "ready" };
    } catch {
      return reply.code(503).send({ status: "not ready" });
    }
  });

  await registerModules(app, deps);

  const webDist = opts.webDist === undefined ? defaultWebDist() : opts.webDist;
  if (webDist) {
    // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart.
    await app.register(fastifyStatic, { root: webDist, prefix: "/", wildcard: true, index: ["index.html"] });
  }
  return app;
}
