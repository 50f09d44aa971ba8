import type { Jurisdiction } from "@civicpims/core/jurisdictions/index";
import { type RegistryLists, registryLists } from "@civicpims/core/registry/lists";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agencies, registryLocalCodes } from "../../db/schema";
import { notFound } from "../../http/errors";

export interface AgencyInfo {
  id: string;
  code: string;
  nameLocal: string;
  nameEn: string;
  jurisdiction: Jurisdiction;
  timeZone: string;
  defaultLocale: "ko" | "zh-TW" | "en";
}

export async function agencyInfo(q: Queryable, agencyId: string): Promise<AgencyInfo> {
  const [a] = await q
    .select({
      id: agencies.id,
      code: agencies.code,
      nameLocal: agencies.nameLocal,
      nameEn: agencies.nameEn,
      jurisdiction: agencies.jurisdiction,
      timeZone: agencies.timeZone,
      defaultLocale: agencies.defaultLocale,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!a) throw notFound();
  return a;
}

/** Today (YYYY-MM-DD) in the agency's time zone: review and contract dates are local dates. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, { until: number; day: string }>();
export function todayIn(timeZone: string, now?: Date): string {
  // Formatting with a time zone is slow enough to show on the list route: reuse the answer for a minute.
  const ms = now ? now.getTime() : Date.now();
  const hit = now ? undefined : dayCache.get(timeZone);
  if (hit && ms < hit.until) return hit.day;
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  const day = f.format(new Date(ms));
  if (!now) dayCache.set(timeZone, { until: ms - (ms % 60_000) + 60_000, day });
  return day;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The register's code lists for the agency, with its local additions merged in. */
export async function agencyLists(q: Queryable, agency: AgencyInfo): Promise<RegistryLists> {
  const rows = await q
    .select({ catalogueId: registryLocalCodes.catalogueId, entries: registryLocalCodes.entries })
    .from(registryLocalCodes)
    .where(eq(registryLocalCodes.agencyId, agency.id));
  const local: Record<string, unknown[]> = {};
  for (const r of rows) local[r.catalogueId] = r.entries;
  return registryLists(agency.jurisdiction, local);
}
