import { Route } from "react-router";
import { RequirePermission } from "../shell/require-auth";
import { OutboxPage } from "./outbox-page";
import { LetterPreviewPage } from "./preview-page";

/** Staff screens of the letters module, mounted inside the signed-in shell. */
export function letterRoutes() {
  return [
    <Route
      key="letters-outbox"
      path="letters/outbox"
      element={
        <RequirePermission permission="letters.outbox.read">
          <OutboxPage />
        </RequirePermission>
      }
    />,
    <Route
      key="letters-preview"
      path="letters/templates"
      element={
        <RequirePermission permission="letters.preview">
          <LetterPreviewPage />
        </RequirePermission>
      }
    />,
  ];
}
