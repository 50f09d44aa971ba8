import { krCatalogues } from "./catalogues";
import { krRequestConsent } from "./consent";
import { krDeadlineRules, krMinwonPeriods } from "./deadlines";
import { krHolidayPack } from "./holidays";

/** The Korean rule pack: PIPA, Civil Petitions Act, Official Information Disclosure Act. */
export const krPack = {
  jurisdiction: "KR" as const,
  timeZone: "Asia/Seoul",
  defaultLocale: "ko" as const,
  catalogues: krCatalogues,
  deadlineRules: krDeadlineRules,
  minwonPeriods: krMinwonPeriods,
  holidays: krHolidayPack,
  /** Notice shown before consent on the portal request form (issue 11 item 7). */
  requestConsent: krRequestConsent,
};
