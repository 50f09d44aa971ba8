import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/**
 * Rate limits of the public portal, kept in the database so every instance sees the same counts. Fixed
 * windows; keys are hashes (never an address or a receipt number in clear).
 */
export const PORTAL_WINDOW_SECONDS = 600;
export const LIMITS = {
  /** Wrong receipt/access-code pairs per client address per window. */
  lookupIp: 20,
  /** Wrong access codes per receipt number and client address per window (whether the receipt exists or not). */
  lookupReceipt: 5,
  /** Unknown receipt numbers in the public progress search per client address per window. */
  progressIp: 20,
  /** New submissions per client address per window. */
  submitIp: 10,
  /** Code confirmations (any result) per client address per window. */
  confirmIp: 30,
};

export const throttleKey = (scope: string, value: string) =>
  `${scope}:${createHash("sha256").update(value).digest("hex").slice(0, 40)}`;

const windowInterval = sql.raw(`interval '${PORTAL_WINDOW_SECONDS} seconds'`);

export async function bump(q: Queryable, key: string): Promise<number> {
  const r = (await q.execute(sql`
    INSERT INTO portal_throttle AS t (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN t.window_start <= now() - ${windowInterval} THEN 1 ELSE t.count + 1 END,
      window_start = CASE WHEN t.window_start <= now() - ${windowInterval} THEN now() ELSE t.window_start END
    RETURNING count`)) as unknown as { rows: Array<{ count: number | string }> };
  if (Math.random() < 0.02)
    await q.execute(sql`DELETE FROM portal_throttle WHERE window_start < now() - interval '1 day'`);
  return Number(r.rows[0].count);
}

/** Seconds to wait when any key is at its limit in the current window, else null. */
export async function throttled(q: Queryable, keys: Array<[string, number]>): Promise<number | null> {
  for (const [key, limit] of keys) {
    const r = (await q.execute(sql`
      SELECT count, ceil(extract(epoch FROM (window_start + ${windowInterval} - now())))::int AS retry
      FROM portal_throttle WHERE key = ${key} AND window_start > now() - ${windowInterval}`)) as unknown as {
      rows: Array<{ count: number | string; retry: number | string }>;
    };
    const row = r.rows[0];
    if (row && Number(row.count) >= limit) return Math.max(1, Number(row.retry));
  }
  return null;
}
