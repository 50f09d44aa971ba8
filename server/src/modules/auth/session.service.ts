import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@civicpims/core/auth/index";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { Queryable } from "../../db/client";
import { agencies, roleAssignments, sessions, staff } from "../../db/schema";
import type { AuthContext } from "./auth-context";

export const SESSION_COOKIE = "cpims_sid";

function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Creates a session row; only the SHA-256 of the cookie token is stored. */
export async function createSession(
  q: Queryable,
  config: Config,
  input: { agencyId: string; staffId: string; mfaPassed: boolean; clientIp?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + config.sessionAbsoluteHours * 3600_000);
  await q.insert(sessions).values({
    id: sessionId(token),
    agencyId: input.agencyId,
    staffId: input.staffId,
    csrfToken,
    mfaPassed: input.mfaPassed,
    expiresAt,
    clientIp: input.clientIp ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export type ResolveOutcome = { ok: true; auth: AuthContext } | { ok: false; reason: "none" | "expired" };

/**
 * Looks the session up and applies the idle (30 min) and absolute (12 h) limits. Touches
 * last_seen_at at most once a minute so busy pages do not write on every request.
 */
export async function resolveSession(
  q: Queryable,
  config: Config,
  token: string | undefined,
): Promise<ResolveOutcome> {
  if (!token || token.length > 200) return { ok: false, reason: "none" };
  const id = sessionId(token);
  const now = new Date();
  const rows = await q
    .select({
      s: sessions,
      st: {
        id: staff.id,
        username: staff.username,
        displayName: staff.displayName,
        unitId: staff.unitId,
        status: staff.status,
        locale: staff.locale,
        mfaEnabled: staff.mfaEnabled,
        mustChangePassword: staff.mustChangePassword,
      },
      ag: { jurisdiction: agencies.jurisdiction, defaultLocale: agencies.defaultLocale },
      // The roles in the same round trip: this runs before every API request (issue 10).
      roles: sql<Array<{ role: Role; unitId: string | null }>>`coalesce((
        SELECT json_agg(json_build_object('role', ${roleAssignments.role}, 'unitId', ${roleAssignments.unitId}))
        FROM ${roleAssignments}
        WHERE ${roleAssignments.staffId} = ${staff.id} AND ${roleAssignments.revokedAt} IS NULL), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .innerJoin(agencies, eq(agencies.id, sessions.agencyId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return { ok: false, reason: "none" };
  const idleLimit = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  if (row.s.expiresAt <= now || row.s.lastSeenAt <= idleLimit || row.st.status !== "active") {
    await q.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
    return { ok: false, reason: "expired" };
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
    await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  // node-postgres and PGlite both parse json; a string would mean a driver that does not.
  const roles = typeof row.roles === "string" ? JSON.parse(row.roles) : row.roles;
  return {
    ok: true,
    auth: {
      sessionId: id,
      staffId: row.st.id,
      agencyId: row.s.agencyId,
      username: row.st.username,
      displayName: row.st.displayName,
      unitId: row.st.unitId,
      roles: roles as Array<{ role: Role; unitId: string | null }>,
      mfaPassed: row.s.mfaPassed,
      mfaEnabled: row.st.mfaEnabled,
      mustChangePassword: row.st.mustChangePassword,
      csrfToken: row.s.csrfToken,
      locale: row.st.locale,
      jurisdiction: row.ag.jurisdiction,
      agencyLocale: row.ag.defaultLocale,
    },
  };
}

export async function markMfaPassed(q: Queryable, sessionIdHash: string): Promise<void> {
  await q.update(sessions).set({ mfaPassed: true }).where(eq(sessions.id, sessionIdHash));
}

/**
 * After the second factor: the half-open session ends and a fresh one (new cookie token, new CSRF
 * token) carries the full sign-in, so a session id known before the factor never gains its rights.
 */
export async function rotateSession(
  q: Queryable,
  config: Config,
  old: { sessionId: string; agencyId: string; staffId: string },
  meta: { clientIp?: string; userAgent?: string | null },
): Promise<NewSession> {
  await revokeSession(q, old.sessionId);
  return createSession(q, config, {
    agencyId: old.agencyId,
    staffId: old.staffId,
    mfaPassed: true,
    clientIp: meta.clientIp,
    userAgent: meta.userAgent ?? undefined,
  });
}

export async function revokeSession(q: Queryable, sessionIdHash: string): Promise<void> {
  await q.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionIdHash));
}

/**
 * A new sign-in ends the staff member's sessions still waiting for their second factor, and the
 * session the caller's browser presented (whoever's it was): only the newest sign-in may continue.
 */
export async function revokeHalfOpenSessions(
  q: Queryable,
  staffId: string,
  presentedSessionIdHash?: string,
): Promise<void> {
  const now = new Date();
  await q
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.staffId, staffId), eq(sessions.mfaPassed, false), isNull(sessions.revokedAt)));
  if (presentedSessionIdHash) {
    await q
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, presentedSessionIdHash), isNull(sessions.revokedAt)));
  }
}

/** "Log out everywhere": every live session of the staff member. */
export async function revokeAllSessions(q: Queryable, staffId: string): Promise<number> {
  const r = await q
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.staffId, staffId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .returning({ id: sessions.id });
  return r.length;
}

/** After a password change: every other live session of the staff member ends. */
export async function revokeOtherSessions(
  q: Queryable,
  staffId: string,
  keepSessionIdHash: string,
): Promise<number> {
  const r = await q
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.staffId, staffId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        ne(sessions.id, keepSessionIdHash),
      ),
    )
    .returning({ id: sessions.id });
  return r.length;
}
