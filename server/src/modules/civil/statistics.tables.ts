// The civil module's tables in the statistics frame: K7 (family-register filings) and K9 (compensation by
// loss type). Registered here, next to the data they count, as the frame asks of every owning module.
import { catalogueOf } from "@civicpims/core/jurisdictions/index";
import {
  type FilingCount,
  k7Table,
  k9Table,
  periodDays,
  type Quarter,
} from "@civicpims/core/statistics/index";
import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { agencyInfo } from "../cases/case.service";
import { registerStatisticsTable } from "../statistics/registry";
import { compensationAnalysis } from "./compensation.routes";

/** The currency a table shows when the period holds no record (the agency's own). */
const HOME_CURRENCY: Record<string, string> = { KR: "KRW", TW: "TWD" };

/** K7: filings of the year by kind and quarter of the filing date (a calendar date: no time zone). */
export async function k7Counts(q: Queryable, agencyId: string, year: number): Promise<FilingCount[]> {
  const y = String(year).padStart(4, "0");
  const r = (await q.execute(
    sql`SELECT kind, extract(quarter FROM filed_on)::int AS quarter, count(*)::int AS n,
               count(*) FILTER (WHERE notice_on IS NOT NULL)::int AS notified
        FROM civil_family_register_filings
        WHERE agency_id = ${agencyId} AND filed_on >= ${`${y}-01-01`}::date AND filed_on <= ${`${y}-12-31`}::date
        GROUP BY 1, 2`,
  )) as unknown as { rows: Array<Record<string, unknown>> };
  return r.rows.map((x) => ({
    kind: String(x.kind),
    quarter: Number(x.quarter) as Quarter,
    n: Number(x.n),
    notified: Number(x.notified),
  }));
}

let registered = false;

export function registerCivilStatisticsTables(): void {
  if (registered) return;
  registered = true;
  registerStatisticsTable({
    id: "k7",
    requirement: "K7",
    title: "statistics.tables.k7",
    load: async (tx, agencyId, p) => k7Table(await k7Counts(tx, agencyId, p.year)),
  });
  registerStatisticsTable({
    id: "k9",
    requirement: "K9",
    title: "statistics.tables.k9",
    catalogues: ["compensationLossTypes"],
    load: async (tx, agencyId, p) => {
      const agency = await agencyInfo(tx as Tx, agencyId);
      const { from, to } = periodDays(p);
      // The same aggregate as the analysis page: loss-type codes, counts and sums only (K9 de-identified).
      const a = await compensationAnalysis(tx as Tx, agencyId, from, to);
      const seen = new Set(a.byLossType.flatMap((g) => Object.keys(g.amount)));
      const currencies = seen.size ? [...seen].sort() : [HOME_CURRENCY[agency.jurisdiction] ?? "KRW"];
      const types = catalogueOf(agency.jurisdiction, "compensationLossTypes")?.entries ?? [];
      return k9Table(a.byLossType, types, currencies);
    },
  });
}
