// Reads an agency's calendar table and turns it into the engine's CalendarOverrides. Used by the
// calendar routes, the case clock (every due date) and `civicpims deadline --agency`.
import type { CalendarOverrides } from "@civicpims/core/calendar/index";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { calendarOverrides, calendarSettings } from "../../db/schema";
import { toEngineOverrides } from "./override-rules";

export type OverrideRow = typeof calendarOverrides.$inferSelect;
export type SettingsRow = typeof calendarSettings.$inferSelect;

/** Every override of the agency (optionally only those touching a date range), oldest date first. */
export async function listOverrideRows(
  q: Queryable,
  agencyId: string,
  range?: { from: string; to: string },
): Promise<OverrideRow[]> {
  const where = range
    ? and(
        eq(calendarOverrides.agencyId, agencyId),
        lte(calendarOverrides.dateFrom, range.to),
        gte(calendarOverrides.dateTo, range.from),
      )
    : eq(calendarOverrides.agencyId, agencyId);
  return q
    .select()
    .from(calendarOverrides)
    .where(where)
    .orderBy(asc(calendarOverrides.dateFrom), asc(calendarOverrides.id));
}

export async function loadSettingsRow(q: Queryable, agencyId: string): Promise<SettingsRow | null> {
  const [row] = await q.select().from(calendarSettings).where(eq(calendarSettings.agencyId, agencyId));
  return row ?? null;
}

/**
 * Interned override objects: the engine caches a compiled calendar per object identity, so the
 * same table content must give the same object (otherwise every due date recompiles a year of
 * holidays). Objects are frozen; callers that merge build a new object.
 */
const interned = new Map<string, CalendarOverrides>();
const INTERN_LIMIT = 500;

function intern(o: CalendarOverrides): CalendarOverrides {
  const key = JSON.stringify(o);
  const hit = interned.get(key);
  if (hit) {
    // Refresh its place so busy agencies stay cached.
    interned.delete(key);
    interned.set(key, hit);
    return hit;
  }
  if (interned.size >= INTERN_LIMIT) interned.delete(interned.keys().next().value as string);
  deepFreeze(o);
  interned.set(key, o);
  return o;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object") {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** The agency's override table as the deadline engine takes it (empty object when none). */
export async function loadCalendarOverrides(q: Queryable, agencyId: string): Promise<CalendarOverrides> {
  const rows = await listOverrideRows(q, agencyId);
  const settings = await loadSettingsRow(q, agencyId);
  return intern(toEngineOverrides(rows, settings));
}
