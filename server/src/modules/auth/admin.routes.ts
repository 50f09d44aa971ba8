import { secret, text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { resetMfa, resetPassword, setOidcLink } from "./admin.service";
import { MAX_PASSWORD_LENGTH } from "./password.service";

const TAG = "org";
const params = z.object({ id: z.uuid() });

/** Credential resets by an administrator of the same agency. */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/staff/:id/reset-password",
    access: "org.staff.reset_credentials",
    tag: TAG,
    summary: "Set a new password (or generate one, returned once); unlocks and ends the user's sessions",
    params,
    body: z.object({ password: secret({ max: MAX_PASSWORD_LENGTH }).optional() }).nullish(),
    audit: { skip: "writes auth.password_reset itself" },
    handler: async ({ tx, agencyId, params: p, body, audit }) =>
      resetPassword(tx, { agencyId, staffId: p.id, password: body?.password }, audit),
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/staff/:id/reset-mfa",
    access: "org.staff.reset_credentials",
    tag: TAG,
    summary: "Remove the user's second factor and recovery codes; ends the user's sessions",
    params,
    audit: { skip: "writes auth.mfa_reset itself" },
    handler: async ({ tx, agencyId, params: p, audit }) => resetMfa(tx, { agencyId, staffId: p.id }, audit),
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/org/staff/:id/oidc",
    access: "org.staff.reset_credentials",
    tag: TAG,
    summary:
      "Link the user to a single sign-on identity (subject; issuer defaults to the configured provider)",
    params,
    body: z.object({
      subject: text({ min: 1, max: 255 }),
      issuer: z.url().max(500).optional(),
    }),
    audit: { skip: "writes auth.oidc_linked itself" },
    handler: async ({ tx, agencyId, params: p, body, audit }) =>
      setOidcLink(
        tx,
        {
          agencyId,
          staffId: p.id,
          subject: body.subject,
          issuer: body.issuer ?? deps.config.oidcIssuer ?? null,
        },
        audit,
      ),
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/org/staff/:id/oidc",
    access: "org.staff.reset_credentials",
    tag: TAG,
    summary: "Remove the user's single sign-on link",
    params,
    audit: { skip: "writes auth.oidc_unlinked itself" },
    handler: async ({ tx, agencyId, params: p, audit }) =>
      setOidcLink(tx, { agencyId, staffId: p.id, subject: null, issuer: null }, audit),
  });
}
