import "./i18n-nav";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, Route } from "react-router";
import { Loading } from "../../components/page";
import { RequirePermission } from "../shell/require-auth";

type Screens = typeof import("./screens");
const screen = (name: keyof Screens) =>
  lazy(() => import("./screens").then((m) => ({ default: m[name] as ComponentType })));

const ROUTES: Array<{ path: string; permission: string; Component: ComponentType }> = [
  { path: "registry/files", permission: "registry.read", Component: screen("FilesPage") },
  { path: "registry/files/new", permission: "registry.write", Component: screen("FileFormPage") },
  { path: "registry/files/:id", permission: "registry.read", Component: screen("FileDetailPage") },
  { path: "registry/files/:id/edit", permission: "registry.write", Component: screen("FileFormPage") },
  { path: "registry/dashboard", permission: "registry.read", Component: screen("RegistryDashboardPage") },
  { path: "registry/systems", permission: "registry.read", Component: screen("SystemsPage") },
  { path: "registry/entrustments", permission: "registry.read", Component: screen("EntrustmentsPage") },
  {
    path: "registry/entrustments/:id",
    permission: "registry.read",
    Component: screen("EntrustmentDetailPage"),
  },
  { path: "registry/provisions", permission: "registry.read", Component: screen("ProvisionsPage") },
  { path: "registry/devices", permission: "registry.read", Component: screen("DevicesPage") },
  { path: "registry/campaigns", permission: "registry.read", Component: screen("CampaignsPage") },
  { path: "registry/campaigns/:id", permission: "registry.read", Component: screen("CampaignDetailPage") },
  { path: "registry/xlsx", permission: "registry.read", Component: screen("XlsxPage") },
  {
    path: "registry/subject-search",
    permission: "registry.subject_search",
    Component: screen("SubjectSearchPage"),
  },
];

/**
 * The register's staff routes, placed in app.tsx as `{registryRoutes()}` inside the signed-in shell.
 * A function, not a component, because <Routes> only reads <Route> elements.
 */
export function registryRoutes() {
  return [
    <Route key="registry" path="registry" element={<Navigate to="/registry/files" replace />} />,
    ...ROUTES.map(({ path, permission, Component }) => (
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
    )),
  ];
}
