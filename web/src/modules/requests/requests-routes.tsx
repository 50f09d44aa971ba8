import "./i18n";
import { type ComponentType, lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  { path: "requests", permission: "requests.read", Component: screen("RequestListPage") },
  // The nav points here so that its entry is not also lit on /requests/new, /overdue and /stats.
  { path: "requests/list", permission: "requests.read", Component: screen("RequestListPage") },
  { path: "requests/new", permission: "requests.create", Component: screen("NewRequestPage") },
  { path: "requests/overdue", permission: "cases.read", Component: screen("OverduePage") },
  { path: "requests/stats", permission: "requests.stats", Component: screen("StatsPage") },
  { path: "requests/:id", permission: "requests.read", Component: screen("RequestDetailPage") },
];

/** Staff routes of rights requests, placed in app.tsx as `{requestRoutes()}` inside the signed-in shell. */
export function requestRoutes() {
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
