import { Route } from "react-router";
import { RequirePermission } from "../shell/require-auth";
import { CalendarEntriesPage } from "./entries-page";
import { CalendarSettingsPage } from "./settings-page";
import { CalendarWhatIfPage } from "./what-if-page";
import { CalendarYearPage } from "./year-page";
import "./i18n";

const guarded = (el: React.ReactNode) => (
  <RequirePermission permission="calendar.read">{el}</RequirePermission>
);

/** Staff screens of the agency calendar, mounted inside the signed-in shell. */
export function calendarRoutes() {
  return [
    <Route key="calendar-index" path="calendar" element={guarded(<CalendarYearPage />)} />,
    <Route key="calendar-year" path="calendar/year" element={guarded(<CalendarYearPage />)} />,
    <Route key="calendar-entries" path="calendar/entries" element={guarded(<CalendarEntriesPage />)} />,
    <Route key="calendar-settings" path="calendar/settings" element={guarded(<CalendarSettingsPage />)} />,
    <Route key="calendar-what-if" path="calendar/what-if" element={guarded(<CalendarWhatIfPage />)} />,
  ];
}
