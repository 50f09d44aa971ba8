import { MFA_REQUIRED_ROLES } from "@civicpims/core/auth/index";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { agencies, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import type { LedgerInput } from "../audit/ledger.service";
import { type DeferredError, deferError } from "./deferred-error";
import {
  isHolderLocked,
  isLocked,
  recordHolderFailure,
  recordPasswordFailure,
  resetFailures,
} from "./lockout.service";
import { proveSecondFactor } from "./mfa.service";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "./password.service";
import { createSession, type NewSession, revokeHalfOpenSessions } from "./session.service";
import { checkLoginThrottle, countLoginFailure, type ThrottleInput } from "./throttle.service";
import { activeRoles, type UserView } from "./views";

export type LoginStatus = "ok" | "mfa_required" | "mfa_enrolment_required";

export interface RequestMeta {
  clientIp: string;
  userAgent: string | null;
  /** The session the browser presented with this sign-in, if any (it ends). */
  presentedSessionId?: string;
}

export interface SignInResult {
  session: NewSession;
  body: {
    status: LoginStatus;
    csrfToken: string;
    mfaPassed: boolean;
    mustChangePassword: boolean;
    user: UserView;
  };
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
  mfaLockedUntil: staff.mfaLockedUntil,
  mfaEnabled: staff.mfaEnabled,
  mfaSecretEnc: staff.mfaSecretEnc,
  mfaLastStep: staff.mfaLastStep,
  mustChangePassword: staff.mustChangePassword,
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
  mfaLockedUntil: Date | null;
  mfaEnabled: boolean;
  mfaSecretEnc: string | null;
  mfaLastStep: number | null;
  mustChangePassword: boolean;
};

export function actorOf(s: { id: string; agencyId: string; username: string }) {
  return { agencyId: s.agencyId, actorId: s.id, actorLabel: s.username };
}

/**
 * Password sign-in, optionally with the second-factor code in the same request. Every outcome is
 * written to the ledger (never the password, and never a user name nobody holds: that is often a
 * password typed into the wrong box). Refusals are returned, not thrown, so the counters and the
 * ledger entries commit (see deferred-error.ts).
 *
 * What a stranger can observe never depends on whether the account exists or is guarded: an unknown
 * name, a wrong password and the right password of a guarded account without a valid code all answer
 * 401 auth.invalid_credentials after one argon2 verification, and count on the same throttle keys.
 */
export async function passwordLogin(
  tx: Tx,
  deps: AppDeps,
  input: { agency: string; username: string; password: string; code?: string },
  meta: RequestMeta,
  audit: Audit,
): Promise<SignInResult | DeferredError> {
  const { config } = deps;
  const throttle: ThrottleInput = {
    clientIp: meta.clientIp,
    agencyCode: input.agency,
    username: input.username,
    limitPerMinute: config.loginRateLimitPerMinute,
    pairLimit: config.lockoutThreshold,
    pairMinutes: config.lockoutMinutes,
  };
  const hit = await checkLoginThrottle(tx, throttle);
  if (hit) {
    // One entry per key and window: a flood must not turn into a flood of ledger appends.
    if (hit.firstRefusal) {
      audit({
        action: "auth.rate_limited",
        result: "denied",
        details: {
          scope: hit.scope,
          limit: hit.scope === "ip" ? config.loginRateLimitPerMinute : config.lockoutThreshold,
        },
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
        .for("update")
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
  if (!(await verifyPassword(member.passwordHash, input.password))) {
    await countLoginFailure(tx, throttle);
    const out = await recordPasswordFailure(tx, config, member.id);
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
    }
    return invalid();
  }
  // From here on the caller holds the password.
  const code = input.code?.trim() ? input.code : undefined;
  const holderLocked = isHolderLocked(member);
  const prove = (c: string) =>
    proveSecondFactor(
      tx,
      deps,
      { id: member.id, secretEnc: member.mfaSecretEnc, lastStep: member.mfaLastStep },
      c,
    );
  let secondFactorDone = false;
  if (isLocked(member)) {
    // Guarded after many wrong passwords from anywhere: only password + code together sign in,
    // and every other outcome looks exactly like a wrong password (status, body, throttle count).
    const proof = code && member.mfaEnabled && !holderLocked ? await prove(code) : null;
    if (!proof?.ok) {
      if (proof) await recordHolderFailure(tx, config, member.id);
      await countLoginFailure(tx, throttle);
      audit({
        action: "auth.login_failed",
        result: "denied",
        ...who,
        details: { reason: "locked", method: "password", ...(proof ? { code: proof.reason } : {}) },
      });
      return invalid();
    }
    secondFactorDone = true;
  } else if (holderLocked) {
    // Only a password holder gets here: the second factor failed too often.
    audit({
      action: "auth.login_failed",
      result: "denied",
      ...who,
      details: { reason: "second_factor_locked", method: "password" },
    });
    return deferError(423, "auth.locked");
  } else if (code && member.mfaEnabled) {
    // Password and code in one request (the form offers the code field after a failure).
    const proof = await prove(code);
    if (!proof.ok) {
      const out = await recordHolderFailure(tx, config, member.id);
      await countLoginFailure(tx, throttle);
      audit({
        action: "auth.mfa_failed",
        result: "failed",
        ...who,
        details: { reason: proof.reason, stage: "login", attempts: out.attempts },
      });
      if (out.lockedUntil) {
        audit({
          action: "auth.locked",
          result: "denied",
          ...who,
          resourceType: "staff",
          resourceId: member.id,
          details: { attempts: out.attempts, until: out.lockedUntil.toISOString(), trigger: "second_factor" },
        });
      }
      return invalid();
    }
    secondFactorDone = true;
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
  return completeSignIn(tx, deps, member, meta, audit, { method: "password", secondFactorDone });
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
  await revokeHalfOpenSessions(tx, member.id, meta.presentedSessionId);
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
      mustChangePassword: member.mustChangePassword,
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
