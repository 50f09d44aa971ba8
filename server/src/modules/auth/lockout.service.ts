import { eq, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { Queryable } from "../../db/client";
import { staff } from "../../db/schema";

/**
 * Two failure counters per account; updates are single atomic statements so parallel guesses are all
 * counted, and the counter returns to 0 in the statement that reaches the threshold.
 *
 * - Account guard (failed_attempts / locked_until): wrong passwords from every address. At
 *   `accountLockThreshold` the password alone stops working for `lockoutMinutes`: only the password
 *   together with a second-factor code signs in (and lifts the guard). Anyone can raise this counter,
 *   so it never answers differently from a wrong password and never stops an owner who has a second
 *   factor.
 * - Holder lock (mfa_failed_attempts / mfa_locked_until): wrong second-factor codes and wrong current
 *   passwords in a signed-in session. Only someone who already holds the password (or a session) can
 *   raise it, so at `lockoutThreshold` it is a real lock (423 auth.locked) for `lockoutMinutes`.
 * A completed sign-in resets both.
 */
export interface FailureOutcome {
  attempts: number;
  /** Set when this failure reached the threshold. */
  lockedUntil: Date | null;
}

export function isLocked(row: { lockedUntil: Date | null }, now = new Date()): boolean {
  return !!row.lockedUntil && row.lockedUntil > now;
}

export function isHolderLocked(row: { mfaLockedUntil: Date | null }, now = new Date()): boolean {
  return !!row.mfaLockedUntil && row.mfaLockedUntil > now;
}

async function bump(
  q: Queryable,
  staffId: string,
  threshold: number,
  minutes: number,
  counter: typeof staff.failedAttempts | typeof staff.mfaFailedAttempts,
  until: typeof staff.lockedUntil | typeof staff.mfaLockedUntil,
  columns: { counter: "failedAttempts" | "mfaFailedAttempts"; until: "lockedUntil" | "mfaLockedUntil" },
): Promise<FailureOutcome> {
  const [row] = await q
    .update(staff)
    .set({
      [columns.counter]: sql`CASE WHEN ${counter} + 1 >= ${threshold} THEN 0 ELSE ${counter} + 1 END`,
      [columns.until]: sql`CASE WHEN ${counter} + 1 >= ${threshold}
        THEN now() + make_interval(mins => ${minutes}::int) ELSE ${until} END`,
    })
    .where(eq(staff.id, staffId))
    .returning({ attempts: counter, lockedUntil: until });
  const locked = !!row && row.attempts === 0;
  return {
    attempts: locked ? threshold : (row?.attempts ?? 0),
    lockedUntil: locked ? row.lockedUntil : null,
  };
}

/** A wrong password at sign-in (from any address). */
export function recordPasswordFailure(q: Queryable, config: Config, staffId: string) {
  return bump(
    q,
    staffId,
    config.accountLockThreshold,
    config.lockoutMinutes,
    staff.failedAttempts,
    staff.lockedUntil,
    {
      counter: "failedAttempts",
      until: "lockedUntil",
    },
  );
}

/** A wrong second-factor code, or a wrong current password in a signed-in session. */
export function recordHolderFailure(q: Queryable, config: Config, staffId: string) {
  return bump(
    q,
    staffId,
    config.lockoutThreshold,
    config.lockoutMinutes,
    staff.mfaFailedAttempts,
    staff.mfaLockedUntil,
    { counter: "mfaFailedAttempts", until: "mfaLockedUntil" },
  );
}

export async function resetFailures(q: Queryable, staffId: string): Promise<void> {
  await q
    .update(staff)
    .set({ failedAttempts: 0, lockedUntil: null, mfaFailedAttempts: 0, mfaLockedUntil: null })
    .where(eq(staff.id, staffId));
}
