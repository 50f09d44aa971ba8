import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/**
 * Login rate limit, kept in the database (table login_throttle) so every instance sees the same
 * counts. Fixed one-minute windows per key, for the client address and for the account name.
 * Only failed attempts are counted: an office behind one NAT address where everyone signs in at
 * 9:00 is never throttled, while guessing is. Keys are hashed so the table never holds an address
 * or a typed user name (sometimes a password typed into the wrong box).
 */
export const THROTTLE_WINDOW_SECONDS = 60;

export type ThrottleScope = "ip" | "account";

export interface ThrottleHit {
  scope: ThrottleScope;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
  /** True for the first refused attempt of a window (only that one is written to the ledger). */
  firstRefusal: boolean;
}

export interface ThrottleInput {
  clientIp: string;
  agencyCode: string;
  username: string;
  limitPerMinute: number;
}

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${createHash("sha256").update(value).digest("hex").slice(0, 40)}`;
}

function keysFor(input: ThrottleInput): Array<[ThrottleScope, string]> {
  return [
    ["ip", throttleKey("ip", input.clientIp)],
    [
      "account",
      throttleKey("account", `${input.agencyCode.toLowerCase()}\u0000${input.username.toLowerCase()}`),
    ],
  ];
}

const windowInterval = sql.raw(`interval '${THROTTLE_WINDOW_SECONDS} seconds'`);

/** Counts one event against the key; returns the count in the current window. */
async function bump(q: Queryable, key: string): Promise<number> {
  const r = (await q.execute(sql`
    INSERT INTO login_throttle AS t (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN t.window_start <= now() - ${windowInterval} THEN 1 ELSE t.count + 1 END,
      window_start = CASE WHEN t.window_start <= now() - ${windowInterval} THEN now() ELSE t.window_start END
    RETURNING count`)) as unknown as { rows: Array<{ count: number | string }> };
  return Number(r.rows[0].count);
}

/**
 * Before any password work: refuses when either key already has `limit` failures in its window.
 * A refusal is itself counted, so the first refusal of a window can be told apart (count limit+1).
 */
export async function checkLoginThrottle(q: Queryable, input: ThrottleInput): Promise<ThrottleHit | null> {
  const keys = keysFor(input);
  const r = (await q.execute(sql`
    SELECT key, count, ceil(extract(epoch FROM (window_start + ${windowInterval} - now())))::int AS retry_after
    FROM login_throttle
    WHERE key IN (${sql.join(
      keys.map(([, k]) => sql`${k}`),
      sql`, `,
    )}) AND window_start > now() - ${windowInterval}`)) as unknown as {
    rows: Array<{ key: string; count: number | string; retry_after: number | string }>;
  };
  for (const [scope, key] of keys) {
    const row = r.rows.find((x) => x.key === key);
    if (row && Number(row.count) >= input.limitPerMinute) {
      const count = await bump(q, key);
      return {
        scope,
        retryAfter: Math.max(1, Number(row.retry_after)),
        firstRefusal: count === input.limitPerMinute + 1,
      };
    }
  }
  return null;
}

/** After a failed attempt: one more against the address and the account name. */
export async function countLoginFailure(q: Queryable, input: ThrottleInput): Promise<void> {
  for (const [, key] of keysFor(input)) await bump(q, key);
  // Old windows are useless; sweep now and then instead of running a job.
  if (Math.random() < 0.02) {
    await q.execute(sql`DELETE FROM login_throttle WHERE window_start < now() - interval '1 hour'`);
  }
}
