import { MFA_REQUIRED_ROLES } from "@civicpims/core/auth/index";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { agencies, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import type { LedgerInput } from "../audit/ledger.service";
import { type DeferredError, deferError } from "./deferred-error";
import { isLocked, recordFailure, resetFailures } from "./lockout.service";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "./password.service";
import { createSession, type NewSession } from "./session.service";
import { checkLoginThrottle, countLoginFailure, type ThrottleInput } from "./throttle.service";
import { activeRoles, type UserView } from "./views";

export type LoginStatus = "ok" | "mfa_required" | "mfa_enrolment_required";

export interface RequestMeta {
  clientIp: string;
  userAgent: string | null;
}

export interface SignInResult {
  session: NewSession;
  body: { status: LoginStatus; csrfToken: string; mfaPassed: boolean; user: UserView };
}

type Audit = (entry: LedgerInput) => void;

/** What sign-in needs to know about a staff member. */
export const signInColumns = {
  id: staff.id,
  agencyId: staff.agencyId,
  username: staff.username,
  displayName: staff.displayName,
  unitId: staff.unitId,
  locale: staff.locale,
  status: staff.status,
  passwordHash: staff.passwordHash,
  lockedUntil: staff.lockedUntil,
  mfaEnabled: staff.mfaEnabled,
};
export type SignInStaff = {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  locale: UserView["locale"];
  status: "active" | "disabled";
  passwordHash: string | null;
  lockedUntil: Date | null;
  mfaEnabled: boolean;
};

export function actorOf(s: { id: string; agencyId: string; username: string }) {
  return { agencyId: s.agencyId, actorId: s.id, actorLabel: s.username };
}

/**
 * Password sign-in. Every outcome is written to the ledger (never the password, and never a user
 * name nobody holds: that is often a password typed into the wrong box). Refusals are returned,
 * not thrown, so the failure counter and the ledger entries commit (see deferred-error.ts).
 */
export async function passwordLogin(
  tx: Tx,
  deps: AppDeps,
  input: { agency: string; username: string; password: string },
  meta: RequestMeta,
  audit: Audit,
): Promise<SignInResult | DeferredError> {
  const { config } = deps;
  const throttle: ThrottleInput = {
    clientIp: meta.clientIp,
    agencyCode: input.agency,
    username: input.username,
    limitPerMinute: config.loginRateLimitPerMinute,
  };
  const hit = await checkLoginThrottle(tx, throttle);
  if (hit) {
    // One entry per key and window: a flood must not turn into a flood of ledger appends.
    if (hit.firstRefusal) {
      audit({
        action: "auth.rate_limited",
        result: "denied",
        details: { scope: hit.scope, limit: config.loginRateLimitPerMinute },
      });
    }
    return deferError(429, "auth.rate_limited", { headers: { "retry-after": String(hit.retryAfter) } });
  }

  const [agency] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(sql`lower(${agencies.code}) = lower(${input.agency})`)
    .limit(1);
  const [member] = agency
    ? await tx
        .select(signInColumns)
        .from(staff)
        .where(and(eq(staff.agencyId, agency.id), eq(staff.username, input.username)))
        .limit(1)
    : [];
  const invalid = () => deferError(401, "auth.invalid_credentials");

  if (!member) {
    await verifyPassword(null, input.password);
    await countLoginFailure(tx, throttle);
    audit({
      action: "auth.login_failed",
      result: "failed",
      agencyId: agency?.id ?? null,
      details: { reason: agency ? "unknown_user" : "unknown_agency", method: "password" },
    });
    return invalid();
  }
  const who = actorOf(member);
  if (isLocked(member)) {
    await verifyPassword(null, input.password);
    await countLoginFailure(tx, throttle);
    audit({
      action: "auth.login_failed",
      result: "denied",
      ...who,
      details: { reason: "locked", method: "password" },
    });
    return deferError(423, "auth.locked");
  }
  if (!(await verifyPassword(member.passwordHash, input.password))) {
    await countLoginFailure(tx, throttle);
    const out = await recordFailure(tx, config, member.id);
    audit({
      action: "auth.login_failed",
      result: "failed",
      ...who,
      details: { reason: "wrong_password", method: "password", attempts: out.attempts },
    });
    if (out.lockedUntil) {
      audit({
        action: "auth.locked",
        result: "denied",
        ...who,
        resourceType: "staff",
        resourceId: member.id,
        details: { attempts: out.attempts, until: out.lockedUntil.toISOString(), trigger: "password" },
      });
      return deferError(423, "auth.locked");
    }
    return invalid();
  }
  if (member.status !== "active") {
    audit({
      action: "auth.login_failed",
      result: "denied",
      ...who,
      details: { reason: "disabled", method: "password" },
    });
    return deferError(403, "auth.disabled");
  }
  if (member.passwordHash && passwordNeedsRehash(member.passwordHash)) {
    await tx
      .update(staff)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(staff.id, member.id));
  }
  return completeSignIn(tx, deps, member, meta, audit, { method: "password", secondFactorDone: false });
}

/**
 * Opens the session once the first factor is proven. The second factor decides the status:
 * enrolled staff must give a code; staff in an MFA role who have not enrolled must enrol first;
 * everyone else is fully signed in. The failure counter only resets once sign-in is complete,
 * so a known password cannot be used to reset the count of wrong second-factor codes.
 */
export async function completeSignIn(
  tx: Tx,
  deps: AppDeps,
  member: SignInStaff,
  meta: RequestMeta,
  audit: Audit,
  opts: { method: "password" | "oidc"; secondFactorDone: boolean },
): Promise<SignInResult> {
  const roles = await activeRoles(tx, member.id);
  const mfaRole = roles.some((r) => MFA_REQUIRED_ROLES.includes(r.role));
  const status: LoginStatus = opts.secondFactorDone
    ? "ok"
    : member.mfaEnabled
      ? "mfa_required"
      : mfaRole
        ? "mfa_enrolment_required"
        : "ok";
  const mfaPassed = status === "ok";
  if (mfaPassed) await resetFailures(tx, member.id);
  await tx.update(staff).set({ lastLoginAt: new Date() }).where(eq(staff.id, member.id));
  const session = await createSession(tx, deps.config, {
    agencyId: member.agencyId,
    staffId: member.id,
    mfaPassed,
    clientIp: meta.clientIp,
    userAgent: meta.userAgent ?? undefined,
  });
  audit({
    action: "auth.login",
    result: "ok",
    ...actorOf(member),
    details: { method: opts.method, status },
  });
  return {
    session,
    body: {
      status,
      csrfToken: session.csrfToken,
      mfaPassed,
      user: {
        id: member.id,
        username: member.username,
        displayName: member.displayName,
        unitId: member.unitId,
        locale: member.locale,
        mfaEnabled: member.mfaEnabled,
        roles,
      },
    },
  };
}
