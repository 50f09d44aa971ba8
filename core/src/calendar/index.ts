// Calendar and statutory deadline engine (pure: no I/O). See docs in each file.
export { compileOfficeHours, type DayStatus, DEFAULT_OFFICE_HOURS, WorkingCalendar } from "./calendar";
export {
  type ComputeDeadlineInput,
  computeDeadline,
  type DeadlineResult,
  type ExtensionInput,
  type InstantInput,
  type PauseInput,
} from "./compute";
export { DeadlineError, type DeadlineErrorCode } from "./errors";
export {
  addWorkingDays,
  addWorkingHours,
  dayStatus,
  deadlineUnit,
  holidaysBetween,
  isWorkingDay,
} from "./helpers";
export { holidaysForYear, packageHolidays } from "./holidays";
export { type CalendarOptions, type CalendarPack, calendarPacks, getCalendar, packFor } from "./registry";
export { type CalendarOverridesInput, calendarOverridesSchema, countingMethodSchema } from "./schema";
export type * from "./types";
export { formatZoned, parseInstant } from "./zoned";
