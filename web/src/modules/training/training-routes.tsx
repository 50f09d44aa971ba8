import "./i18n";
import { lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

const TrainingPage = lazy(() => import("./training-page").then((m) => ({ default: m.TrainingPage })));

/** Staff route of training (E12, E13), placed in app.tsx. */
export function trainingRoutes() {
  return (
    <Route
      key="training"
      path="training"
      element={
        <RequirePermission permission="training.read">
          <Suspense fallback={<Loading />}>
            <TrainingPage />
          </Suspense>
        </RequirePermission>
      }
    />
  );
}
