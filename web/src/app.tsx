import { BrowserRouter, Route, Routes } from "react-router";
import { accountabilityRoutes } from "./modules/accountability/log-review-routes";
import { LedgerPage } from "./modules/audit/ledger-page";
import { EnrolPage } from "./modules/auth/enrol-page";
import { ForcedPasswordPage } from "./modules/auth/forced-password-page";
import { LoginPage } from "./modules/auth/login-page";
import { MfaPage } from "./modules/auth/mfa-page";
import { calendarRoutes } from "./modules/calendar/calendar-routes";
import { civilRoutes } from "./modules/civil/civil-routes";
import { disclosureRoutes } from "./modules/disclosure/disclosure-routes";
import { incidentRoutes } from "./modules/incidents/incidents-routes";
import { JobsPage } from "./modules/jobs/jobs-page";
import { letterRoutes } from "./modules/letters/letter-routes";
import { AgencyPage } from "./modules/org/agency-page";
import { CommitteesPage } from "./modules/org/committees-page";
import { RoleHistoryPage } from "./modules/org/role-history-page";
import { StaffPage } from "./modules/org/staff-page";
import { UnitsPage } from "./modules/org/units-page";
import { petitionRoutes } from "./modules/petitions/petitions-routes";
import { piiRoutes } from "./modules/pii/pii-routes";
import { portalRoutes } from "./modules/portal/portal-routes";
import { recordsRoutes } from "./modules/records/records-routes";
import { redactionRoutes } from "./modules/redaction/redaction-routes";
import { registryRoutes } from "./modules/registry/registry-routes";
import { requestRoutes } from "./modules/requests/requests-routes";
import { retentionRoutes } from "./modules/retention/retention-page";
import { DashboardPage } from "./modules/shell/dashboard-page";
import { PasswordPage } from "./modules/shell/password-page";
import { RequireAuth, RequirePermission } from "./modules/shell/require-auth";
import { ShellLayout } from "./modules/shell/shell-layout";
import { ForbiddenPage, NotFoundPage } from "./modules/shell/simple-pages";
import { statisticsRoutes } from "./modules/statistics/statistics-routes";
import { trainingRoutes } from "./modules/training/training-routes";
import { SessionProvider } from "./session";

const guarded = (permission: string, el: React.ReactNode) => (
  <RequirePermission permission={permission}>{el}</RequirePermission>
);

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/login/mfa" element={<MfaPage />} />
          <Route path="/login/enrol" element={<EnrolPage />} />
          <Route path="/login/password" element={<ForcedPasswordPage />} />
          {portalRoutes()}
          <Route
            element={
              <RequireAuth>
                <ShellLayout />
              </RequireAuth>
            }
          >
            <Route index element={<DashboardPage />} />
            <Route path="org/agency" element={guarded("org.agency.read", <AgencyPage />)} />
            <Route path="org/units" element={guarded("org.units.read", <UnitsPage />)} />
            <Route path="org/staff" element={guarded("org.staff.read", <StaffPage />)} />
            <Route path="org/committees" element={guarded("org.committees.read", <CommitteesPage />)} />
            <Route path="org/role-history" element={guarded("org.roles.read", <RoleHistoryPage />)} />
            <Route path="org/jobs" element={guarded("jobs.read", <JobsPage />)} />
            <Route path="audit/ledger" element={guarded("audit.ledger.read", <LedgerPage />)} />
            {accountabilityRoutes()}
            {registryRoutes()}
            {recordsRoutes()}
            {retentionRoutes()}
            {letterRoutes()}
            {piiRoutes()}
            {requestRoutes()}
            {petitionRoutes()}
            {disclosureRoutes()}
            {redactionRoutes()}
            {calendarRoutes()}
            {civilRoutes()}
            {trainingRoutes()}
            {incidentRoutes()}
            {statisticsRoutes()}
            <Route path="account/password" element={<PasswordPage />} />
            <Route path="forbidden" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
