import { text } from "@civicpims/core/validation/index";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import * as client from "openid-client";
import { z } from "zod";
import type { Config } from "../../config";
import { agencies, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { defineRoute, requestMeta } from "../../http/route";
import { setSessionCookie } from "./cookies";
import { deferError } from "./deferred-error";
import { isHolderLocked } from "./lockout.service";
import { actorOf, completeSignIn, signInColumns } from "./login.service";
import {
  idpSatisfiesMfa,
  matchOidcStaff,
  OIDC_COOKIE,
  OIDC_STATE_TTL_MS,
  oidcConfigured,
  readState,
  redirectUri,
  signState,
} from "./oidc.service";

const TAG = "auth";

let discovered: { key: string; config: Promise<client.Configuration> } | null = null;

/** Provider metadata, discovered once per process (and again if the configuration changes). */
function providerConfig(config: Config): Promise<client.Configuration> {
  const key = `${config.oidcIssuer}|${config.oidcClientId}`;
  if (!discovered || discovered.key !== key) {
    const issuer = new URL(config.oidcIssuer as string);
    // Plain http only for a provider on this machine (development, tests); never across a network.
    const loopback =
      issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
    const p = client.discovery(
      issuer,
      config.oidcClientId as string,
      config.oidcClientSecret as string,
      undefined,
      loopback ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    // A failed discovery (provider down) must be retried on the next request.
    p.catch(() => {
      if (discovered?.config === p) discovered = null;
    });
    discovered = { key, config: p };
  }
  return discovered.config;
}

function requireOidc(config: Config): void {
  if (!oidcConfigured(config)) throw notFound("auth.oidc_not_configured");
}

export function registerOidcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { config } = deps;
  const cookieOpts = {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.cookieSecure,
    path: "/api/auth/oidc",
  };

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/auth/oidc/start",
    access: "public",
    tag: TAG,
    summary: "Single sign-on: redirect to the agency's identity provider (PKCE, state, nonce)",
    query: z.object({ agency: text({ min: 1, max: 32 }) }),
    status: 302,
    audit: { skip: "no sign-in yet; the callback writes the ledger entry" },
    handler: async ({ reply, query }) => {
      requireOidc(config);
      const provider = await providerConfig(config);
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: redirectUri(config),
        scope: "openid profile",
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      const value = signState(deps.secrets.sessionSecret, {
        agency: query.agency,
        state,
        nonce,
        verifier,
        exp: Date.now() + OIDC_STATE_TTL_MS,
      });
      reply.setCookie(OIDC_COOKIE, value, { ...cookieOpts, maxAge: OIDC_STATE_TTL_MS / 1000 });
      reply.header("location", url.href);
      return { redirect: url.href };
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/auth/oidc/callback",
    access: "public",
    tag: TAG,
    summary: "Single sign-on: the identity provider's answer; opens a session for the mapped staff member",
    query: z.object({}).passthrough(),
    status: 302,
    audit: { skip: "writes auth.login / auth.login_failed itself" },
    handler: async ({ tx, req, reply, audit }) => {
      requireOidc(config);
      const saved = readState(deps.secrets.sessionSecret, req.cookies[OIDC_COOKIE]);
      reply.clearCookie(OIDC_COOKIE, cookieOpts);
      if (!saved) throw new AppError(400, "auth.oidc_state");
      const provider = await providerConfig(config);
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(provider, new URL(req.url, config.publicUrl), {
          pkceCodeVerifier: saved.verifier,
          expectedState: saved.state,
          expectedNonce: saved.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims() as Record<string, unknown> | undefined;
      } catch {
        claims = undefined;
      }
      const [agency] = await tx
        .select({ id: agencies.id, code: agencies.code })
        .from(agencies)
        .where(sql`lower(${agencies.code}) = lower(${saved.agency})`)
        .limit(1);
      const sub = typeof claims?.sub === "string" ? claims.sub : "";
      const fail = (reason: string) => {
        audit({
          action: "auth.login_failed",
          result: "failed",
          agencyId: agency?.id ?? null,
          details: { reason, method: "oidc" },
        });
        return deferError(401, "auth.invalid_credentials");
      };
      if (!claims || !sub) return fail("oidc_exchange_failed");
      if (!agency) return fail("unknown_agency");
      const iss = typeof claims.iss === "string" ? claims.iss : "";
      const name = typeof claims.preferred_username === "string" ? claims.preferred_username : null;
      const candidates = await tx
        .select({ ...signInColumns, oidcSubject: staff.oidcSubject, oidcIssuer: staff.oidcIssuer })
        .from(staff)
        .where(
          and(
            eq(staff.agencyId, agency.id),
            name
              ? or(eq(staff.oidcSubject, sub), and(eq(staff.username, name), isNull(staff.oidcSubject)))
              : eq(staff.oidcSubject, sub),
          ),
        );
      const match = matchOidcStaff({ ...claims, sub }, candidates, {
        agencyCode: agency.code,
        agencyClaim: config.oidcAgencyClaim,
      });
      const member = match && candidates.find((c) => c.id === match.staffId);
      if (!match || !member) return fail("oidc_unknown_subject");
      const who = actorOf(member);
      // The account guard (wrong passwords from anywhere) concerns passwords, not the provider's
      // sign-in; only the holder lock (failed second factors) stops single sign-on.
      if (isHolderLocked(member)) {
        audit({
          action: "auth.login_failed",
          result: "denied",
          ...who,
          details: { reason: "locked", method: "oidc" },
        });
        return deferError(423, "auth.locked");
      }
      if (member.status !== "active") {
        audit({
          action: "auth.login_failed",
          result: "denied",
          ...who,
          details: { reason: "disabled", method: "oidc" },
        });
        return deferError(403, "auth.disabled");
      }
      if (match.link) {
        await tx
          .update(staff)
          .set({ oidcSubject: sub, oidcIssuer: iss || null, updatedAt: new Date() })
          .where(eq(staff.id, member.id));
        audit({
          action: "auth.oidc_linked",
          ...who,
          resourceType: "staff",
          resourceId: member.id,
          details: { by: "agency_claim" },
        });
      }
      const meta = requestMeta(req);
      const r = await completeSignIn(
        tx,
        deps,
        member,
        { clientIp: meta.clientIp, userAgent: meta.userAgent, presentedSessionId: req.auth?.sessionId },
        audit,
        { method: "oidc", secondFactorDone: idpSatisfiesMfa(config) },
      );
      setSessionCookie(reply, config, r.session);
      // The web app reads the status from GET /api/auth/session and shows the TOTP step if needed.
      reply.header("location", r.body.status === "ok" ? "/" : "/login?step=mfa");
      return { status: r.body.status };
    },
  });
}
