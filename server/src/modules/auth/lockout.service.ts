import { eq, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { Queryable } from "../../db/client";
import { staff } from "../../db/schema";

/**
 * Consecutive failed sign-in attempts (password or second factor) per account. At the threshold
 * the account is locked for config.lockoutMinutes and the counter starts again; a successful
 * sign-in resets it. Updates are single atomic statements so parallel guesses are all counted.
 */
export interface FailureOutcome {
  attempts: number;
  /** Set when this failure locked the account. */
  lockedUntil: Date | null;
}

export function isLocked(row: { lockedUntil: Date | null }, now = new Date()): boolean {
  return !!row.lockedUntil && row.lockedUntil > now;
}

export async function recordFailure(q: Queryable, config: Config, staffId: string): Promise<FailureOutcome> {
  const threshold = config.lockoutThreshold;
  const minutes = config.lockoutMinutes;
  const [row] = await q
    .update(staff)
    .set({
      failedAttempts: sql`CASE WHEN ${staff.failedAttempts} + 1 >= ${threshold} THEN 0 ELSE ${staff.failedAttempts} + 1 END`,
      lockedUntil: sql`CASE WHEN ${staff.failedAttempts} + 1 >= ${threshold}
        THEN now() + make_interval(mins => ${minutes}::int) ELSE ${staff.lockedUntil} END`,
    })
    .where(eq(staff.id, staffId))
    .returning({ attempts: staff.failedAttempts, lockedUntil: staff.lockedUntil });
  // The counter only returns to 0 in the statement that reached the threshold.
  const locked = !!row && row.attempts === 0;
  return {
    attempts: locked ? threshold : (row?.attempts ?? 0),
    lockedUntil: locked ? row.lockedUntil : null,
  };
}

export async function resetFailures(q: Queryable, staffId: string): Promise<void> {
  await q.update(staff).set({ failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, staffId));
}
