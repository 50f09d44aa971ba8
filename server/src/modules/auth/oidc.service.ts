import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../../config";

/**
 * Optional single sign-on through an agency's OpenID Connect provider (openid-client v6).
 * The pure parts live here so they can be tested without an identity provider.
 */
export type OidcConfig = Config & { oidcTrustMfa?: boolean };

export function oidcConfigured(config: Config): boolean {
  return !!(config.oidcIssuer && config.oidcClientId && config.oidcClientSecret);
}

/**
 * Whether the identity provider's sign-in counts as the second factor. Off unless the
 * configuration says so: staff in MFA roles then still give a TOTP code after SSO.
 */
export function idpSatisfiesMfa(config: Config): boolean {
  return (config as OidcConfig).oidcTrustMfa === true;
}

export function redirectUri(config: Config): string {
  return new URL("/api/auth/oidc/callback", config.publicUrl).toString();
}

export interface OidcClaims {
  sub: string;
  iss?: unknown;
  preferred_username?: unknown;
  [claim: string]: unknown;
}

export interface OidcCandidate {
  id: string;
  username: string;
  oidcSubject: string | null;
  oidcIssuer: string | null;
}

export interface OidcLinkPolicy {
  /** The agency chosen at sign-in. */
  agencyCode: string;
  /** ID-token claim that must name that agency before a user name may link (config oidcAgencyClaim). */
  agencyClaim?: string;
}

export type OidcMatch = { staffId: string; link: boolean } | null;

/** Whether the token's agency claim (a string or a list of strings) names the agency, ignoring case. */
function claimNamesAgency(claims: OidcClaims, policy: OidcLinkPolicy): boolean {
  if (!policy.agencyClaim) return false;
  const v = claims[policy.agencyClaim];
  const values = Array.isArray(v) ? v : [v];
  return values.some((x) => typeof x === "string" && x.toLowerCase() === policy.agencyCode.toLowerCase());
}

/**
 * Maps the provider's issuer + subject to one staff member of the agency. A staff member linked to
 * that subject (from that issuer; a link stored without an issuer predates issuers and means the one
 * configured provider) wins. Otherwise, and only when the token's agency claim names the agency
 * chosen at sign-in, preferred_username may name a staff member not linked yet; the first sign-in
 * then links them. A user name alone is never enough: one provider may serve several agencies whose
 * user names collide. Without an agency claim configured, only links an administrator made count.
 */
export function matchOidcStaff(
  claims: OidcClaims,
  candidates: OidcCandidate[],
  policy: OidcLinkPolicy,
): OidcMatch {
  if (!claims.sub) return null;
  const iss = typeof claims.iss === "string" ? claims.iss : null;
  const linked = candidates.filter(
    (c) => c.oidcSubject === claims.sub && (c.oidcIssuer === null || c.oidcIssuer === iss),
  );
  if (linked.length === 1) return { staffId: linked[0].id, link: false };
  if (linked.length > 1) return null;
  if (!claimNamesAgency(claims, policy)) return null;
  const name = typeof claims.preferred_username === "string" ? claims.preferred_username.trim() : "";
  if (!name) return null;
  const byName = candidates.filter((c) => c.username === name && c.oidcSubject === null);
  return byName.length === 1 ? { staffId: byName[0].id, link: true } : null;
}

/** The short-lived state cookie: payload and HMAC, so the callback can trust what start stored. */
export interface OidcState {
  agency: string;
  state: string;
  nonce: string;
  verifier: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

export const OIDC_COOKIE = "cpims_oidc";
export const OIDC_STATE_TTL_MS = 10 * 60_000;

function mac(secret: Buffer, data: string): Buffer {
  return createHmac("sha256", secret).update(`oidc-state:${data}`).digest();
}

export function signState(secret: Buffer, s: OidcState): string {
  const data = Buffer.from(JSON.stringify(s)).toString("base64url");
  return `${data}.${mac(secret, data).toString("base64url")}`;
}

export function readState(secret: Buffer, value: string | undefined, now = Date.now()): OidcState | null {
  if (!value || value.length > 4096) return null;
  const [data, sig] = value.split(".");
  if (!data || !sig) return null;
  const expected = mac(secret, data);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const s = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as OidcState;
    return typeof s.exp === "number" && s.exp > now ? s : null;
  } catch {
    return null;
  }
}
