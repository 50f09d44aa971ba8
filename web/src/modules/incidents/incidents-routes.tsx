import "./i18n";
import { type ComponentType, lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  { path: "incidents", permission: "incidents.read", Component: screen("IncidentListPage") },
  { path: "incidents/new", permission: "incidents.report", Component: screen("IncidentNewPage") },
  { path: "incidents/:id", permission: "incidents.read", Component: screen("IncidentDetailPage") },
];

/** Staff routes of incident response (issue 13), placed in app.tsx. */
export function incidentRoutes() {
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
