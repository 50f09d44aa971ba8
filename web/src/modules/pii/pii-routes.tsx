import { Route } from "react-router";
import { RequirePermission } from "../shell/require-auth";
import { PiiDocumentsPage } from "./documents-page";
import { PiiDriftPage } from "./drift-page";
import { PiiGuardPage } from "./guard-page";
import { PiiReviewPage } from "./review-page";

const guarded = (permission: string, el: React.ReactNode) => (
  <RequirePermission permission={permission}>{el}</RequirePermission>
);

/** Staff screens of the PII module, mounted inside the signed-in shell. */
export function piiRoutes() {
  return [
    <Route key="pii-docs" path="pii/documents" element={guarded("pii.documents", <PiiDocumentsPage />)} />,
    <Route key="pii-doc" path="pii/documents/:id" element={guarded("pii.documents", <PiiReviewPage />)} />,
    <Route key="pii-guard" path="pii/guard" element={guarded("pii.guard.read", <PiiGuardPage />)} />,
    <Route key="pii-drift" path="pii/drift" element={guarded("pii.drift", <PiiDriftPage />)} />,
  ];
}
