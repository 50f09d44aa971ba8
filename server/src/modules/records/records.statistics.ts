// K5 (보존문서현황: records held by retention class and medium) in the statistics frame, next to K2-K6: the
// records module owns the data and registers its table, as registry.ts asks. The table is the one of
// /api/records/stats/holdings, taken at the end of the period asked (or today, while the period runs).
import { catalogueOf, type Jurisdiction, rulePacks } from "@civicpims/core/jurisdictions/index";
import { MEDIUM_NAMES, RECORD_MEDIA } from "@civicpims/core/records/index";
import { entryName } from "@civicpims/core/registry/catalogue";
import { label, type StatRow, type StatTableData } from "@civicpims/core/statistics/index";
import { registerMessages } from "../../i18n";
import { registerStatisticsTable, type StatisticsPeriod } from "../statistics/registry";
import { holdings } from "./records.reports";
import { jurisdictionOf } from "./records.service";

const LOCALES = ["ko", "zh-TW", "en"] as const;

/**
 * Labels of classes and media as message keys: a published table may carry only keys and numbers
 * (assertPublishable), and the names live in the rule-pack catalogue and in core's media list, already in
 * the three languages. Keyed by jurisdiction, since both packs use codes such as "10y" with their own names.
 */
function registerLabels(): void {
  for (const loc of LOCALES) {
    const cls: Record<string, Record<string, string>> = {};
    for (const j of Object.keys(rulePacks) as Jurisdiction[]) {
      const entries = catalogueOf(j, "recordsRetentionClasses")?.entries ?? [];
      cls[j.toLowerCase()] = Object.fromEntries(entries.map((e) => [e.code, entryName(e, loc, ["en"])]));
    }
    const medium = Object.fromEntries(
      RECORD_MEDIA.map((m) => [m, `${MEDIUM_NAMES[m].name[loc]} (${MEDIUM_NAMES[m].unit[loc]})`]),
    );
    registerMessages({ [loc]: { records: { stats: { class: cls, medium } } } });
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Last day of the period, or today in the agency's zone while the period has not ended. */
export function holdingsDate(p: StatisticsPeriod): string {
  const lastMonth = p.quarter ? p.quarter * 3 : 12;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  const end = `${p.year}-${pad(lastMonth)}-${pad(lastDay)}`;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: p.timeZone }).format(p.asOf);
  return today < end ? today : end;
}

export async function k5Table(
  tx: Parameters<typeof holdings>[0],
  agencyId: string,
  p: StatisticsPeriod,
): Promise<StatTableData> {
  const asOf = holdingsDate(p);
  const j = (await jurisdictionOf(tx, agencyId)).toLowerCase();
  const h = await holdings(tx, agencyId, asOf);
  const columns = [
    { id: "total", label: label("records.stats.total"), kind: "count" as const },
    ...h.classes.map((c) => ({
      id: `class-${c}`,
      label: label(`records.stats.class.${j}.${c}`),
      kind: "count" as const,
    })),
  ];
  const rows: StatRow[] = h.media.map((m) => ({
    id: m,
    label: label(`records.stats.medium.${m}`),
    cells: [h.rowTotals[m], ...h.classes.map((c) => h.cells[m][c])],
  }));
  rows.push({
    id: "total",
    label: label("records.stats.total"),
    cells: [h.total, ...h.classes.map((c) => h.colTotals[c])],
    total: true,
  });
  const [y, mo, d] = asOf.split("-").map(Number);
  return {
    rowHeader: label("records.stats.rowHeader"),
    columns,
    rows,
    note: label("records.stats.asOf", { year: y, month: mo, day: d }),
  };
}

let registered = false;

export function registerRecordsStatistics(): void {
  if (registered) return;
  registered = true;
  registerLabels();
  registerStatisticsTable({
    id: "k5",
    requirement: "K5",
    title: "records.stats.title",
    load: (tx, agencyId, p) => k5Table(tx, agencyId, p),
  });
}
