import "./i18n";
import { lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

const LogReviewPage = lazy(() => import("./log-review-page").then((m) => ({ default: m.LogReviewPage })));

/** Staff routes of accountability (issue 14), placed in app.tsx. */
export function accountabilityRoutes() {
  return (
    <Route
      key="accountability/log-review"
      path="accountability/log-review"
      element={
        <RequirePermission permission="accountability.logreview.read">
          <Suspense fallback={<Loading />}>
            <LogReviewPage />
          </Suspense>
        </RequirePermission>
      }
    />
  );
}
