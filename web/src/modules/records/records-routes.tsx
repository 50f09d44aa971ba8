import "./i18n";
import { type ComponentType, lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  { path: "records/series", permission: "records.read", Component: screen("SeriesPage") },
  { path: "records/list", permission: "records.read", Component: screen("RecordListPage") },
  { path: "records/items/new", permission: "records.write", Component: screen("RecordFormPage") },
  { path: "records/items/:id", permission: "records.read", Component: screen("RecordDetailPage") },
  { path: "records/items/:id/edit", permission: "records.write", Component: screen("RecordFormPage") },
  { path: "records/settings", permission: "records.read", Component: screen("RecordsSettingsPage") },
  { path: "records/transfers", permission: "records.read", Component: screen("TransferDuePage") },
  { path: "records/transfers/history", permission: "records.read", Component: screen("TransferHistoryPage") },
  { path: "records/reviews", permission: "records.read", Component: screen("ReviewsPage") },
  { path: "records/inventory", permission: "records.inventory", Component: screen("InventoryPage") },
  { path: "records/holdings", permission: "records.stats", Component: screen("HoldingsPage") },
];

/** Staff routes of records management, placed in app.tsx inside the signed-in shell. */
export function recordsRoutes() {
  return ROUTES.map(({ path, permission, Component }) => (
    <Route
      key={path}
      path={path}
      element={
        <RequirePermission permission={permission}>
          <Suspense fallback={<Loading />}>
            <Component />
          </Suspense>
        </RequirePermission>
      }
    />
  ));
}
