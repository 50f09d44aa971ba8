import { krCatalogues } from "./catalogues";
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
};
