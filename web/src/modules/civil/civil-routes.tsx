import "./i18n";
import { type ComponentType, lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  {
    path: "civil/compensation",
    permission: "civil.compensation.read",
    Component: screen("CompensationListPage"),
  },
  {
    path: "civil/compensation/analysis",
    permission: "civil.compensation.stats",
    Component: screen("CompensationAnalysisPage"),
  },
  {
    path: "civil/compensation/:id",
    permission: "civil.compensation.read",
    Component: screen("CompensationDetailPage"),
  },
  { path: "civil/roster", permission: "civil.roster.read", Component: screen("RosterPage") },
  {
    path: "civil/family-register",
    permission: "civil.family_register.read",
    Component: screen("FamilyRegisterPage"),
  },
  // I6: the survey results belong to petitions; the screen lives here until the petitions module hosts it.
  {
    path: "petitions/surveys",
    permission: "petitions.surveys.read",
    Component: screen("SurveyResultsPage"),
  },
];

/** Staff routes of civil affairs (compensation, roster, family register), placed in app.tsx. */
export function civilRoutes() {
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
