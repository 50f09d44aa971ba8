import { lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../components/page";
import { AgencyChooser } from "./agency-chooser";
import { AgencyScope } from "./agency-scope";
import { ComingSoonPage } from "./coming-soon-page";
import { PORTAL_PAGES } from "./pages";
import { PortalHome } from "./portal-home";
import { PortalLayout } from "./portal-layout";

// One lazy component per registered page, created once (not per render).
const elements = PORTAL_PAGES.map((p) => {
  if (!p.load) return { page: p, element: <ComingSoonPage page={p} /> };
  const Lazy = lazy(p.load);
  return {
    page: p,
    element: (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    ),
  };
});

/**
 * The public portal's routes, placed in app.tsx as `{portalRoutes()}` inside <Routes>, outside the
 * signed-in shell. A function, not a component, because <Routes> only reads <Route> elements.
 */
export function portalRoutes() {
  return (
    <Route path="/portal" element={<PortalLayout />}>
      <Route index element={<AgencyChooser />} />
      <Route path=":agencyCode" element={<AgencyScope />}>
        <Route index element={<PortalHome />} />
        {elements.map(({ page, element }) => [
          <Route key={page.id} path={page.path} element={element} />,
          ...(page.children ?? []).map((c) => <Route key={`${page.id}:${c}`} path={c} element={element} />),
        ])}
      </Route>
    </Route>
  );
}
