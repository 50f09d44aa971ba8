import { secret, text } from "@civicpims/core/validation/index";
import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { agencies, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { unauthorized } from "../../http/errors";
import { defineRoute, requestMeta } from "../../http/route";
import { registerAdminRoutes } from "./admin.routes";
import { clearSessionCookie, setSessionCookie } from "./cookies";
import { DeferredError, deferError, installDeferredErrors } from "./deferred-error";
import { recordHolderFailure } from "./lockout.service";
import { actorOf, passwordLogin } from "./login.service";
import { registerMfaRoutes } from "./mfa.routes";
import { registerOidcRoutes } from "./oidc.routes";
import { assertPasswordPolicy, hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from "./password.service";
import { revokeAllSessions, revokeOtherSessions, revokeSession } from "./session.service";
import { loadAgencyView, loadUserView, permissionsFor } from "./views";

const TAG = "auth";
const password = secret({ max: MAX_PASSWORD_LENGTH });
const localeSchema = z.enum(["ko", "zh-TW", "en"]);

/** Sign-in, second factor, sessions, and the credential resets administrators use. */
export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  installDeferredErrors(app);
  const { config } = deps;

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/login",
    access: "public",
    tag: TAG,
    summary: "Sign in with agency code, user name and password (and optionally the second-factor code)",
    body: z.object({
      agency: text({ min: 1, max: 32 }),
      username: text({ min: 1, max: 64 }),
      password,
      code: text({ max: 32 }).optional(),
    }),
    audit: { skip: "writes auth.login / auth.login_failed / auth.locked / auth.rate_limited itself" },
    handler: async ({ tx, req, reply, body, audit }) => {
      const meta = requestMeta(req);
      const r = await passwordLogin(
        tx,
        deps,
        body,
        { clientIp: meta.clientIp, userAgent: meta.userAgent, presentedSessionId: req.auth?.sessionId },
        audit,
      );
      if (r instanceof DeferredError) return r;
      setSessionCookie(reply, config, r.session);
      return r.body;
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/auth/session",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "The signed-in user, agency, permissions and CSRF token",
    audit: { skip: "reads the caller's own session only" },
    handler: async ({ tx, auth }) => {
      const user = await loadUserView(tx, auth.staffId);
      const agency = await loadAgencyView(tx, auth.agencyId);
      if (!user || !agency) throw unauthorized();
      return {
        user,
        agency,
        permissions: permissionsFor(user.roles),
        csrfToken: auth.csrfToken,
        mfaPassed: auth.mfaPassed,
        mustChangePassword: auth.mustChangePassword,
      };
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/logout",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "End this session",
    audit: { action: "auth.logout" },
    handler: async ({ tx, auth, reply }) => {
      await revokeSession(tx, auth.sessionId);
      clearSessionCookie(reply, config);
      return { ok: true };
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/logout-all",
    access: "authenticated",
    tag: TAG,
    summary: "End every session of the signed-in user (log out everywhere)",
    prePasswordChange: true,
    audit: { skip: "writes auth.logout_all itself" },
    handler: async ({ tx, auth, reply, audit }) => {
      const sessions = await revokeAllSessions(tx, auth.staffId);
      audit({ action: "auth.logout_all", details: { sessions } });
      clearSessionCookie(reply, config);
      return { ok: true, sessions };
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/password",
    access: "authenticated",
    tag: TAG,
    summary: "Change one's own password (ends the user's other sessions; clears a forced change)",
    prePasswordChange: true,
    body: z.object({ currentPassword: password, newPassword: password }),
    audit: { skip: "writes auth.password_changed / auth.password_change_failed itself" },
    handler: async ({ tx, auth, body, audit }) => {
      const [me] = await tx
        .select({
          id: staff.id,
          agencyId: staff.agencyId,
          username: staff.username,
          hash: staff.passwordHash,
        })
        .from(staff)
        .where(eq(staff.id, auth.staffId))
        .limit(1);
      if (!me) throw unauthorized();
      if (!(await verifyPassword(me.hash, body.currentPassword))) {
        // A stolen session must not become a free password oracle: count it like a failed sign-in.
        const out = await recordHolderFailure(tx, config, me.id);
        audit({
          action: "auth.password_change_failed",
          result: "failed",
          details: { attempts: out.attempts },
        });
        if (out.lockedUntil) {
          audit({
            action: "auth.locked",
            result: "denied",
            resourceType: "staff",
            resourceId: me.id,
            details: {
              attempts: out.attempts,
              until: out.lockedUntil.toISOString(),
              trigger: "password_change",
            },
          });
          await revokeAllSessions(tx, me.id);
          return deferError(423, "auth.locked");
        }
        return deferError(400, "auth.current_password_wrong");
      }
      assertPasswordPolicy(body.newPassword, me.username);
      if (body.newPassword === body.currentPassword) {
        return deferError(400, "auth.weak_password", { details: { problems: ["same_as_current"] } });
      }
      await tx
        .update(staff)
        .set({
          passwordHash: await hashPassword(body.newPassword),
          passwordChangedAt: new Date(),
          mustChangePassword: false,
          updatedAt: new Date(),
        })
        .where(eq(staff.id, me.id));
      const ended = await revokeOtherSessions(tx, me.id, auth.sessionId);
      audit({
        action: "auth.password_changed",
        ...actorOf(me),
        resourceType: "staff",
        resourceId: me.id,
        details: { otherSessionsEnded: ended },
      });
      return { ok: true, otherSessionsEnded: ended };
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/auth/me",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Change one's own preferences (language)",
    body: z.object({ locale: localeSchema.nullable() }),
    audit: { skip: "the caller's own language preference; no personal data" },
    handler: async ({ tx, auth, body }) => {
      await tx
        .update(staff)
        .set({ locale: body.locale, updatedAt: new Date() })
        .where(eq(staff.id, auth.staffId));
      return { locale: body.locale };
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/public/agencies",
    access: "public",
    tag: TAG,
    summary: "Agencies on this installation (for the login form and the citizen portal)",
    audit: { skip: "public directory of agencies" },
    response: z.array(
      z.object({
        code: z.string(),
        nameLocal: z.string(),
        nameEn: z.string(),
        jurisdiction: z.enum(["KR", "TW"]),
      }),
    ),
    handler: async ({ tx }) =>
      tx
        .select({
          code: agencies.code,
          nameLocal: agencies.nameLocal,
          nameEn: agencies.nameEn,
          jurisdiction: agencies.jurisdiction,
        })
        .from(agencies)
        .orderBy(asc(agencies.code)),
  });

  registerMfaRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerOidcRoutes(app, deps);
}
