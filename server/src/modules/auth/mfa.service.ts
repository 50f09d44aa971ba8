import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { agencies, recoveryCodes, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, conflict } from "../../http/errors";
import { decryptField, encryptField } from "../../security/field-crypto";
import type { LedgerInput } from "../audit/ledger.service";
import type { AuthContext } from "./auth-context";
import { type DeferredError, deferError } from "./deferred-error";
import { isHolderLocked, recordHolderFailure, resetFailures } from "./lockout.service";
import { type NewSession, revokeSession, rotateSession } from "./session.service";
import {
  checkTotp,
  generateRecoveryCodes,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newTotpSecret,
  qrDataUrl,
  totpUri,
} from "./totp.service";

type Audit = (entry: LedgerInput) => void;
type Meta = { clientIp?: string; userAgent?: string | null };

async function loadMfaState(tx: Tx, staffId: string) {
  const [row] = await tx
    .select({
      id: staff.id,
      agencyId: staff.agencyId,
      username: staff.username,
      secretEnc: staff.mfaSecretEnc,
      enabled: staff.mfaEnabled,
      lastStep: staff.mfaLastStep,
      mfaLockedUntil: staff.mfaLockedUntil,
      agencyCode: agencies.code,
    })
    .from(staff)
    .innerJoin(agencies, eq(agencies.id, staff.agencyId))
    .where(eq(staff.id, staffId))
    .for("update", { of: staff })
    .limit(1);
  if (!row) throw new AppError(401, "auth.required");
  return row;
}

/** Stores a fresh secret (encrypted, not yet active) and returns what the authenticator app needs. */
export async function startEnrolment(tx: Tx, deps: AppDeps, auth: AuthContext, audit: Audit) {
  const st = await loadMfaState(tx, auth.staffId);
  // A session that has not passed the second factor must never be able to replace it.
  if (st.enabled) throw conflict("auth.mfa_already_enabled");
  const secret = newTotpSecret();
  await tx
    .update(staff)
    .set({ mfaSecretEnc: encryptField(deps.secrets.fieldKey, secret), mfaLastStep: null })
    .where(eq(staff.id, st.id));
  const otpauthUrl = totpUri(secret, st.agencyCode, st.username);
  audit({ action: "auth.mfa_enrol_started", resourceType: "staff", resourceId: st.id });
  return { otpauthUrl, qrDataUrl: await qrDataUrl(otpauthUrl), secret };
}

/**
 * A wrong code (or a replayed one) counts on the holder counter (only someone past the password can
 * give codes). Reaching the threshold locks the account and ends this session.
 */
async function secondFactorFailure(
  tx: Tx,
  deps: AppDeps,
  auth: AuthContext,
  reason: string,
  stage: "verify" | "enrol",
  audit: Audit,
): Promise<DeferredError> {
  const out = await recordHolderFailure(tx, deps.config, auth.staffId);
  audit({ action: "auth.mfa_failed", result: "failed", details: { reason, stage, attempts: out.attempts } });
  if (out.lockedUntil) {
    audit({
      action: "auth.locked",
      result: "denied",
      resourceType: "staff",
      resourceId: auth.staffId,
      details: { attempts: out.attempts, until: out.lockedUntil.toISOString(), trigger: "second_factor" },
    });
    await revokeSession(tx, auth.sessionId);
    return deferError(423, "auth.locked");
  }
  return deferError(401, "auth.invalid_totp");
}

async function acceptStep(tx: Tx, staffId: string, step: number): Promise<boolean> {
  // Atomic: two requests racing with the same code cannot both win.
  const r = await tx
    .update(staff)
    .set({ mfaLastStep: step })
    .where(and(eq(staff.id, staffId), or(isNull(staff.mfaLastStep), lt(staff.mfaLastStep, step))))
    .returning({ id: staff.id });
  return r.length === 1;
}

export async function confirmEnrolment(
  tx: Tx,
  deps: AppDeps,
  auth: AuthContext,
  code: string,
  audit: Audit,
  meta: Meta = {},
): Promise<{ recoveryCodes: string[]; session: NewSession } | DeferredError> {
  const st = await loadMfaState(tx, auth.staffId);
  if (st.enabled) throw conflict("auth.mfa_already_enabled");
  if (!st.secretEnc) throw conflict("auth.mfa_enrolment_not_started");
  if (isHolderLocked(st)) {
    await revokeSession(tx, auth.sessionId);
    audit({ action: "auth.mfa_failed", result: "denied", details: { reason: "locked", stage: "enrol" } });
    return deferError(423, "auth.locked");
  }
  const secret = decryptField(deps.secrets.fieldKey, st.secretEnc);
  const check = await checkTotp(secret, code, st.lastStep);
  if (!check.ok || !(await acceptStep(tx, st.id, check.step))) {
    return secondFactorFailure(tx, deps, auth, check.ok ? "replay" : check.reason, "enrol", audit);
  }
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.staffId, st.id));
  await tx
    .insert(recoveryCodes)
    .values(codes.map((c) => ({ agencyId: st.agencyId, staffId: st.id, codeHash: hashRecoveryCode(c) })));
  await tx.update(staff).set({ mfaEnabled: true, mfaEnrolledAt: new Date() }).where(eq(staff.id, st.id));
  await resetFailures(tx, st.id);
  const session = await rotateSession(tx, deps.config, auth, meta);
  audit({
    action: "auth.mfa_enrolled",
    resourceType: "staff",
    resourceId: st.id,
    details: { recoveryCodes: codes.length },
  });
  return { recoveryCodes: codes, session };
}

/** Second factor at sign-in: a current TOTP code, or one unused recovery code. */
export async function verifySecondFactor(
  tx: Tx,
  deps: AppDeps,
  auth: AuthContext,
  code: string,
  audit: Audit,
  meta: Meta = {},
): Promise<{ status: "ok"; session: NewSession } | DeferredError> {
  const st = await loadMfaState(tx, auth.staffId);
  if (!st.enabled || !st.secretEnc) throw conflict("auth.mfa_not_enrolled");
  if (isHolderLocked(st)) {
    await revokeSession(tx, auth.sessionId);
    audit({ action: "auth.mfa_failed", result: "denied", details: { reason: "locked", stage: "verify" } });
    return deferError(423, "auth.locked");
  }
  const proof = await proveSecondFactor(tx, deps, st, code);
  if (!proof.ok) return secondFactorFailure(tx, deps, auth, proof.reason, "verify", audit);
  const { method, remaining } = proof;
  await resetFailures(tx, st.id);
  const session = await rotateSession(tx, deps.config, auth, meta);
  audit({
    action: "auth.mfa_verified",
    details: { method, ...(remaining === undefined ? {} : { recoveryCodesLeft: remaining }) },
  });
  return { status: "ok", session };
}

export type SecondFactorProof =
  | { ok: true; method: "totp" | "recovery_code"; remaining?: number }
  | { ok: false; reason: string };

/**
 * Checks a TOTP code (and records its step, so it is never accepted twice) or uses up one recovery
 * code. Used by the second-factor step and by sign-in with password and code together.
 */
export async function proveSecondFactor(
  tx: Tx,
  deps: AppDeps,
  st: { id: string; secretEnc: string | null; lastStep: number | null },
  code: string,
): Promise<SecondFactorProof> {
  const trimmed = code.replace(/\s+/g, "");
  if (!st.secretEnc) return { ok: false, reason: "not_enrolled" };
  if (/^\d{6}$/.test(trimmed)) {
    const secret = decryptField(deps.secrets.fieldKey, st.secretEnc);
    const check = await checkTotp(secret, trimmed, st.lastStep);
    if (!check.ok) return { ok: false, reason: check.reason };
    if (!(await acceptStep(tx, st.id, check.step))) return { ok: false, reason: "replay" };
    return { ok: true, method: "totp" };
  }
  if (looksLikeRecoveryCode(trimmed)) {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.staffId, st.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(trimmed)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (used.length !== 1) return { ok: false, reason: "recovery_code" };
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.staffId, st.id), isNull(recoveryCodes.usedAt)));
    return { ok: true, method: "recovery_code", remaining: Number(left?.n ?? 0) };
  }
  return { ok: false, reason: "malformed" };
}
