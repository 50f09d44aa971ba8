import type { Jurisdiction } from "@civicpims/core/jurisdictions/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type Rows<T> = { rows: T[] };
export async function rows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await q.execute(query)) as unknown as Rows<T>).rows;
}

export interface AgencyInfo {
  id: string;
  j: Jurisdiction;
  tz: string;
  name: string;
  locale: "ko" | "zh-TW" | "en";
}

export async function agencyInfo(q: Queryable, agencyId: string): Promise<AgencyInfo> {
  const [a] = await rows<AgencyInfo>(
    q,
    sql`SELECT id, jurisdiction AS j, time_zone AS tz, name_local AS name, default_locale AS locale
        FROM agencies WHERE id = ${agencyId}`,
  );
  return a;
}

/** The calendar date in the agency's zone (en-CA formats YYYY-MM-DD). */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(now);
}

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
