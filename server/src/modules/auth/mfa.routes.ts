import { text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute, requestMeta } from "../../http/route";
import { setSessionCookie } from "./cookies";
import { DeferredError } from "./deferred-error";
import { confirmEnrolment, startEnrolment, verifySecondFactor } from "./mfa.service";

const TAG = "auth";
const code = text({ min: 1, max: 32 });

/** TOTP enrolment and the second-factor step; usable before the second factor is passed. */
export function registerMfaRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/mfa/enrol/start",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Start TOTP enrolment: a new secret and its QR code",
    audit: { skip: "writes auth.mfa_enrol_started itself" },
    handler: async ({ tx, auth, audit }) => startEnrolment(tx, deps, auth, audit),
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/mfa/enrol/confirm",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Confirm TOTP enrolment with a code; returns the one-time recovery codes (shown once)",
    body: z.object({ code }),
    audit: { skip: "writes auth.mfa_enrolled / auth.mfa_failed itself" },
    handler: async ({ tx, auth, body, audit, req, reply }) => {
      const r = await confirmEnrolment(tx, deps, auth, body.code, audit, requestMeta(req));
      if (r instanceof DeferredError) return r;
      // The session is rotated once the factor is proven (no fixation of a pre-MFA session id).
      setSessionCookie(reply, deps.config, r.session);
      return { recoveryCodes: r.recoveryCodes, csrfToken: r.session.csrfToken };
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/mfa/verify",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Second factor: a TOTP code or an unused recovery code",
    body: z.object({ code }),
    audit: { skip: "writes auth.mfa_verified / auth.mfa_failed itself" },
    handler: async ({ tx, auth, body, audit, req, reply }) => {
      const r = await verifySecondFactor(tx, deps, auth, body.code, audit, requestMeta(req));
      if (r instanceof DeferredError) return r;
      setSessionCookie(reply, deps.config, r.session);
      return { status: r.status, csrfToken: r.session.csrfToken };
    },
  });
}
