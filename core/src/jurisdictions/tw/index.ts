import { twCatalogues } from "./catalogues";
import { twRequestConsent } from "./consent";
import { twDeadlineRules } from "./deadlines";
import { twHolidayPack } from "./holidays";

/** The Taiwanese rule pack: PDPA, Administrative Procedure Act, Freedom of Government Information Law. */
export const twPack = {
  jurisdiction: "TW" as const,
  timeZone: "Asia/Taipei",
  defaultLocale: "zh-TW" as const,
  catalogues: twCatalogues,
  deadlineRules: twDeadlineRules,
  holidays: twHolidayPack,
  /** Notice shown before consent on the portal request form (issue 11 item 7). */
  requestConsent: twRequestConsent,
};
