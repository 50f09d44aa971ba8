import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { registerMessages, t } from "../../i18n";
import { registerCivilTables } from "./civil.tables";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";
import { statisticsQuery } from "./statistics.schemas";
import { loadStatistics } from "./statistics.service";
import { statisticsWorkbook } from "./workbook";

registerMessages({ ko, "zh-TW": zhTW, en });

/** Statistics of the civil-affairs chapter (issue 12 item 5; K2-K7, K9): the page's tables and the workbook. */
export function registerStatisticsRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerCivilTables();
  const tag = "statistics";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/statistics/tables",
    access: "statistics.read",
    tag,
    summary: "Every statistics table (K2-K7, K9) of a year or quarter, labels in the caller's language",
    query: statisticsQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query, locale }) => loadStatistics(tx, agencyId, query, locale),
    audit: { skip: "aggregate counts of codes only, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/statistics/export.xlsx",
    access: "statistics.read",
    tag,
    summary:
      "The statistics tables as an xlsx workbook (one sheet per table, headers in the agency's language)",
    query: statisticsQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query, reply }) => {
      const s = await loadStatistics(tx, agencyId, query, "agency");
      const period = s.period.quarter
        ? t(s.locale, "statistics.period.quarter", { year: s.period.year, quarter: s.period.quarter })
        : t(s.locale, "statistics.period.year", { year: s.period.year });
      const buf = await statisticsWorkbook(s.tables, s.locale, `${s.agencyName} · ${period}`);
      const file = `statistics-${s.agencyCode}-${s.period.year}${s.period.quarter ? `-Q${s.period.quarter}` : ""}.xlsx`;
      // Returned, not sent: the export's ledger entry commits before the file leaves.
      reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${file}"`);
      return buf;
    },
    audit: {
      action: "statistics.export",
      details: () => ({ format: "xlsx" }),
    },
  });
}
