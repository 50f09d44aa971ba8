import "./i18n";
import { type ComponentType, lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  { path: "petitions", permission: "petitions.read", Component: screen("PetitionListPage") },
  // The nav points here so that its entry is not also lit on /petitions/new and /types.
  { path: "petitions/list", permission: "petitions.read", Component: screen("PetitionListPage") },
  { path: "petitions/new", permission: "petitions.create", Component: screen("NewPetitionPage") },
  { path: "petitions/types", permission: "petitions.read", Component: screen("PetitionTypesPage") },
  { path: "petitions/:id", permission: "petitions.read", Component: screen("PetitionDetailPage") },
];

/** Staff routes of rights petitions, placed in app.tsx as `{petitionRoutes()}` inside the signed-in shell. */
export function petitionRoutes() {
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
