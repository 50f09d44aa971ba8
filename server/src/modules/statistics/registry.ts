// The statistics page and workbook are a frame: every table of the civil-affairs chapter (K2-K7, K9) plugs
// in through registerStatisticsTable, whichever module owns its data (records K5, family register K7,
// compensation K9 register theirs next to their own code). The frame resolves labels, checks that the
// table is publishable and lays it out as JSON, HTML and xlsx.
import type { InstantRange, StatPeriod, StatTableData } from "@civicpims/core/statistics/index";
import type { Queryable } from "../../db/client";

/** The period a table is asked for, already turned into instants in the agency's time zone. */
export interface StatisticsPeriod extends StatPeriod {
  timeZone: string;
  range: InstantRange;
  /** The same period one year earlier (year-on-year tables). */
  previous: StatPeriod;
  previousRange: InstantRange;
  /** Cases still open after their due date at this instant count as late (core/src/statistics/tables.ts). */
  asOf: Date;
}

export interface StatisticsTableDef {
  /** Stable code (k2, k3-channel, k5-records ...): sheet name, anchor, row id prefix. */
  id: string;
  /** i18n key of the title in the server's message files (the owning module registers its messages). */
  title: string;
  /** Requirement ID from REQUIREMENTS.md (K2 ... K9). */
  requirement: string;
  /** Sort position on the page and in the workbook (default: by requirement, then registration order). */
  order?: number;
  /**
   * Rule-pack catalogues (ids as in catalogueOf, e.g. "compensationLossTypes") whose entry names may label
   * rows and columns. The frame looks the names up itself for the agency's jurisdiction, so a table can
   * only borrow texts a catalogue already holds, never bring its own.
   */
  catalogues?: readonly string[];
  load(tx: Queryable, agencyId: string, period: StatisticsPeriod): Promise<StatTableData>;
}

const tables = new Map<string, StatisticsTableDef>();

export function registerStatisticsTable(def: StatisticsTableDef): void {
  if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(def.id))
    throw new Error(`statistics table id is not a code: ${def.id}`);
  tables.set(def.id, def);
}

/** Registered tables in page order. */
export function statisticsTables(): StatisticsTableDef[] {
  const all = [...tables.values()];
  const reqNo = (r: string) => Number(/\d+/.exec(r)?.[0] ?? 99);
  return all
    .map((d, i) => ({ d, i }))
    .sort(
      (x, y) =>
        (x.d.order ?? reqNo(x.d.requirement) * 100) - (y.d.order ?? reqNo(y.d.requirement) * 100) ||
        x.i - y.i,
    )
    .map((x) => x.d);
}

export function statisticsTable(id: string): StatisticsTableDef | undefined {
  return tables.get(id);
}
