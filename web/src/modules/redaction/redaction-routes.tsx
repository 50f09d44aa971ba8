import "./i18n";
import { lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

const RedactionEditorPage = lazy(() => import("./screens").then((m) => ({ default: m.RedactionEditorPage })));

/** /cases/:caseId/redact/:attachmentId, placed in app.tsx as `{redactionRoutes()}` inside the signed-in shell. */
export function redactionRoutes() {
  return (
    <Route
      key="redact"
      path="cases/:caseId/redact/:attachmentId"
      element={
        <RequirePermission permission="cases.redact">
          <Suspense fallback={<Loading />}>
            <RedactionEditorPage />
          </Suspense>
        </RequirePermission>
      }
    />
  );
}
