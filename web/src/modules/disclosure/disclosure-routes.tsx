import "./i18n";
import { type ComponentType, lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  { path: "disclosure", permission: "disclosure.read", Component: screen("DisclosureListPage") },
  // The nav points here so that its entry is not also lit on /disclosure/new.
  { path: "disclosure/list", permission: "disclosure.read", Component: screen("DisclosureListPage") },
  { path: "disclosure/new", permission: "disclosure.create", Component: screen("NewDisclosurePage") },
  // The public archive of released documents (J1); before ":id" so that "archive" is not taken for an id.
  { path: "disclosure/archive", permission: "archive.manage", Component: screen("ArchivePage") },
  { path: "disclosure/:id", permission: "disclosure.read", Component: screen("DisclosureDetailPage") },
];

/** Staff routes of information disclosure, placed in app.tsx as `{disclosureRoutes()}` inside the signed-in shell. */
export function disclosureRoutes() {
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
