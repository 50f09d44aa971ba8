import { catalogueOf } from "@civicpims/core/jurisdictions/index";
import {
  assertPublishable,
  catalogueTexts,
  lookupOf,
  periodRange,
  previousYear,
  quarterOf,
  type StatColumnKind,
  type StatLabel,
  type StatPeriod,
  type StatTableData,
} from "@civicpims/core/statistics/index";
import type { Queryable, Tx } from "../../db/client";
import { type Locale, t } from "../../i18n";
import { agencyInfo } from "../cases/case.service";
import { registerCivilTables } from "./civil.tables";
import { type StatisticsPeriod, statisticsTables } from "./registry";
import { loadPetitionTypes } from "./sources";

/** A table as the API and the workbook show it: every label resolved in one language. */
export interface ResolvedTable {
  id: string;
  requirement: string;
  title: string;
  rowHeader: string;
  columns: Array<{ id: string; label: string; kind: StatColumnKind }>;
  rows: Array<{ id: string; label: string; cells: Array<number | null>; total: boolean }>;
  note: string | null;
}

export function resolveLabel(l: StatLabel, locale: Locale): string {
  return "key" in l ? t(locale, l.key, l.params) : l.text[locale];
}

export function resolveTable(
  def: { id: string; requirement: string; title: string },
  data: StatTableData,
  locale: Locale,
): ResolvedTable {
  return {
    id: def.id,
    requirement: def.requirement,
    title: t(locale, def.title),
    rowHeader: resolveLabel(data.rowHeader, locale),
    columns: data.columns.map((c) => ({ id: c.id, label: resolveLabel(c.label, locale), kind: c.kind })),
    rows: data.rows.map((r) => ({
      id: r.id,
      label: resolveLabel(r.label, locale),
      cells: r.cells,
      total: !!r.total,
    })),
    note: data.note ? resolveLabel(data.note, locale) : null,
  };
}

export function statisticsPeriod(p: StatPeriod, timeZone: string, asOf: Date): StatisticsPeriod {
  const previous = previousYear(p);
  return {
    ...p,
    timeZone,
    range: periodRange(p, timeZone),
    previous,
    previousRange: periodRange(previous, timeZone),
    asOf,
  };
}

/**
 * Every registered table for the period, checked publishable (codes, catalogue labels, numbers only) and
 * resolved in `locale` (the caller's for the page, the agency's for the workbook). Default period: the
 * current year in the agency's time zone.
 */
export async function loadStatistics(
  tx: Queryable,
  agencyId: string,
  query: { year?: number; quarter?: 1 | 2 | 3 | 4 },
  locale: Locale | "agency",
  asOf = new Date(),
) {
  registerCivilTables();
  const agency = await agencyInfo(tx as Tx, agencyId);
  const year = query.year ?? quarterOf(asOf.getTime(), agency.timeZone).year;
  const period = statisticsPeriod(
    query.quarter ? { year, quarter: query.quarter } : { year },
    agency.timeZone,
    asOf,
  );
  const texts = catalogueTexts(lookupOf(await loadPetitionTypes(tx, agencyId)));
  const withCatalogues = (ids: readonly string[] | undefined): ReadonlySet<string> => {
    if (!ids?.length) return texts;
    const s = new Set(texts);
    for (const id of ids)
      for (const e of catalogueOf(agency.jurisdiction, id)?.entries ?? [])
        for (const v of Object.values(e.names)) if (typeof v === "string") s.add(v);
    return s;
  };
  const lang: Locale = locale === "agency" ? agency.defaultLocale : locale;
  const tables: ResolvedTable[] = [];
  for (const def of statisticsTables()) {
    const data = await def.load(tx, agencyId, period);
    assertPublishable(data, withCatalogues(def.catalogues));
    tables.push(resolveTable(def, data, lang));
  }
  return {
    period: { year: period.year, quarter: period.quarter ?? null },
    timeZone: agency.timeZone,
    agencyCode: agency.code,
    agencyName: agency.nameLocal,
    locale: lang,
    tables,
  };
}
