import "./i18n";
import { lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

const StatisticsPage = lazy(() => import("./statistics-page").then((m) => ({ default: m.StatisticsPage })));

/** Staff route of the statistics dashboard, placed in app.tsx as `{statisticsRoutes()}`. */
export function statisticsRoutes() {
  return [
    <Route
      key="statistics"
      path="statistics"
      element={
        <RequirePermission permission="statistics.read">
          <Suspense fallback={<Loading />}>
            <StatisticsPage />
          </Suspense>
        </RequirePermission>
      }
    />,
  ];
}
