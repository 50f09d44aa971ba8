import type { Role } from "@civicpims/core/auth/index";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { agencies, recoveryCodes, roleAssignments, staff, units } from "../../db/schema";
import { conflict, notFound } from "../../http/errors";
import type { LedgerInput } from "../audit/ledger.service";
import { generatePassword, hashNewPassword } from "./password.service";
import { revokeAllSessions } from "./session.service";

/**
 * Credential administration shared by the org routes and the CLI. Every grant and reset is a
 * ledger entry naming who did it (the caller's audit base), to whom, what, and when.
 */
type Audit = (entry: LedgerInput) => void;

export interface NewStaffInput {
  agencyId: string;
  username: string;
  displayName: string;
  unitId?: string | null;
  email?: string | null;
  /** A chosen password (policy-checked), or generatePassword for a random one; neither = SSO-only. */
  password?: string;
  generatePassword?: boolean;
  roles?: Array<{ role: Role; unitId?: string | null }>;
  /** The administrator granting the roles (null from the CLI). */
  grantedBy?: string | null;
  reason?: string;
}

export async function createStaffCredentials(
  tx: Tx,
  input: NewStaffInput,
  audit: Audit,
): Promise<{ staffId: string; generatedPassword?: string }> {
  const generated = input.password === undefined && input.generatePassword ? generatePassword() : undefined;
  const plain = input.password ?? generated;
  const passwordHash = plain === undefined ? null : await hashNewPassword(plain, input.username);
  const [row] = await tx
    .insert(staff)
    .values({
      agencyId: input.agencyId,
      username: input.username,
      displayName: input.displayName,
      unitId: input.unitId ?? null,
      email: input.email ?? null,
      passwordHash,
      passwordChangedAt: passwordHash ? new Date() : null,
    })
    .returning({ id: staff.id });
  audit({
    action: "org.staff.create",
    agencyId: input.agencyId,
    resourceType: "staff",
    resourceId: row.id,
    details: { username: input.username, passwordSet: !!passwordHash, generated: !!generated },
  });
  for (const r of input.roles ?? []) {
    const [ra] = await tx
      .insert(roleAssignments)
      .values({
        agencyId: input.agencyId,
        staffId: row.id,
        role: r.role,
        unitId: r.unitId ?? null,
        grantedBy: input.grantedBy ?? null,
        reason: input.reason ?? null,
      })
      .returning({ id: roleAssignments.id });
    audit({
      action: "org.role.grant",
      agencyId: input.agencyId,
      resourceType: "role_assignment",
      resourceId: ra.id,
      details: { staffId: row.id, role: r.role, unitId: r.unitId ?? null, reason: input.reason ?? null },
    });
  }
  return { staffId: row.id, ...(generated ? { generatedPassword: generated } : {}) };
}

async function staffInAgency(q: Queryable, agencyId: string, staffId: string) {
  const [row] = await q
    .select({ id: staff.id, username: staff.username })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.agencyId, agencyId)))
    .limit(1);
  // Another agency's staff behave exactly like unknown ids.
  if (!row) throw notFound();
  return row;
}

/**
 * Sets a new password (given, or generated and returned once), unlocks, and ends all sessions. The
 * administrator has seen the password, so the user must choose their own at the next sign-in.
 */
export async function resetPassword(
  tx: Tx,
  input: { agencyId: string; staffId: string; password?: string },
  audit: Audit,
): Promise<{ temporaryPassword?: string; sessionsEnded: number }> {
  const target = await staffInAgency(tx, input.agencyId, input.staffId);
  const generated = input.password === undefined ? generatePassword() : undefined;
  const hash = await hashNewPassword(input.password ?? (generated as string), target.username);
  await tx
    .update(staff)
    .set({
      passwordHash: hash,
      passwordChangedAt: new Date(),
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
      mfaFailedAttempts: 0,
      mfaLockedUntil: null,
      updatedAt: new Date(),
    })
    .where(eq(staff.id, target.id));
  const sessionsEnded = await revokeAllSessions(tx, target.id);
  audit({
    action: "auth.password_reset",
    agencyId: input.agencyId,
    resourceType: "staff",
    resourceId: target.id,
    details: { generated: !!generated, sessionsEnded },
  });
  return { ...(generated ? { temporaryPassword: generated } : {}), sessionsEnded };
}

/** Removes the second factor and recovery codes; the user enrols again at next sign-in. */
export async function resetMfa(
  tx: Tx,
  input: { agencyId: string; staffId: string },
  audit: Audit,
): Promise<{ sessionsEnded: number }> {
  const target = await staffInAgency(tx, input.agencyId, input.staffId);
  await tx
    .update(staff)
    .set({
      mfaSecretEnc: null,
      mfaEnabled: false,
      mfaEnrolledAt: null,
      mfaLastStep: null,
      failedAttempts: 0,
      lockedUntil: null,
      mfaFailedAttempts: 0,
      mfaLockedUntil: null,
      updatedAt: new Date(),
    })
    .where(eq(staff.id, target.id));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.staffId, target.id));
  const sessionsEnded = await revokeAllSessions(tx, target.id);
  audit({
    action: "auth.mfa_reset",
    agencyId: input.agencyId,
    resourceType: "staff",
    resourceId: target.id,
    details: { sessionsEnded },
  });
  return { sessionsEnded };
}

/**
 * Links (or, with subject null, unlinks) a staff member to a single sign-on identity: the provider's
 * issuer and subject. This is the safe way when one provider serves several agencies: the
 * administrator, not a user name in the token, decides who the identity is.
 */
export async function setOidcLink(
  tx: Tx,
  input: { agencyId: string; staffId: string; subject: string | null; issuer: string | null },
  audit: Audit,
): Promise<{ linked: boolean }> {
  const target = await staffInAgency(tx, input.agencyId, input.staffId);
  if (input.subject) {
    const [taken] = await tx
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.agencyId, input.agencyId), eq(staff.oidcSubject, input.subject)))
      .limit(1);
    if (taken && taken.id !== target.id) throw conflict("auth.oidc_subject_taken");
  }
  await tx
    .update(staff)
    .set({
      oidcSubject: input.subject,
      oidcIssuer: input.subject ? input.issuer : null,
      updatedAt: new Date(),
    })
    .where(eq(staff.id, target.id));
  audit({
    action: input.subject ? "auth.oidc_linked" : "auth.oidc_unlinked",
    agencyId: input.agencyId,
    resourceType: "staff",
    resourceId: target.id,
    details: { by: "administrator" },
  });
  return { linked: !!input.subject };
}

/** For the CLI: agency code + user name to ids (case-insensitive agency code). */
export async function findStaff(
  q: Queryable,
  agencyCode: string,
  username: string,
): Promise<{ agencyId: string; staffId: string | null } | null> {
  const [agency] = await q
    .select({ id: agencies.id })
    .from(agencies)
    .where(sql`lower(${agencies.code}) = lower(${agencyCode})`)
    .limit(1);
  if (!agency) return null;
  const [member] = await q
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.agencyId, agency.id), eq(staff.username, username)))
    .limit(1);
  return { agencyId: agency.id, staffId: member?.id ?? null };
}

/** For the CLI: a unit of the agency by its code. */
export async function findUnitByCode(q: Queryable, agencyId: string, code: string): Promise<string | null> {
  const [u] = await q
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.code, code)))
    .limit(1);
  return u?.id ?? null;
}
