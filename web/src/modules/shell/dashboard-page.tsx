import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import type { Unit } from "../../types";
import { WorkQueue } from "../cases/work-queue";
import { IncidentDashboardCard } from "../incidents/dashboard-card";
import { visibleNav } from "./nav";

/**
 * Landing page (issue 11): "My work" — the caller's cases, their units' and those waiting on their decision,
 * with the next step — beside a small card of who you are here. Roles without cases keep the shortcuts.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const units = useLoad(
    (signal) => (can("org.units.read") ? api.get<Unit[]>("/api/org/units", { signal }) : Promise.resolve([])),
    [],
  );
  const unitName = (id: string | null) => {
    if (!id) return t("roles.wholeAgency");
    const u = units.data?.find((x) => x.id === id);
    return u ? (i18n.language === "en" && u.nameEn ? u.nameEn : u.nameLocal) : "";
  };
  const agencyName = i18n.language === "en" ? session.agency.nameEn : session.agency.nameLocal;
  return (
    <Page title={t("dashboard.title")}>
      <p className="lead">{t("dashboard.welcome", { name: session.user.displayName, agency: agencyName })}</p>
      <div className={can("cases.process") ? "work-layout" : undefined}>
        {can("cases.process") && <WorkQueue />}
        <div className={can("cases.process") ? "side-facts" : "cards"}>
          {can("incidents.read") && <IncidentDashboardCard />}
          <section className="card" aria-labelledby="dash-roles">
            <h2 id="dash-roles">{t("dashboard.yourRoles")}</h2>
            {session.user.roles.length === 0 ? (
              <p>{t("dashboard.noRoles")}</p>
            ) : (
              <ul className="role-list">
                {session.user.roles.map((r) => (
                  <li key={`${r.role}-${r.unitId ?? ""}`}>
                    <strong>{t(`roles.${r.role}`)}</strong>
                    <span className="muted"> · {unitName(r.unitId)}</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">{session.user.mfaEnabled ? t("dashboard.mfaOn") : t("dashboard.mfaOff")}</p>
          </section>
          {!can("cases.process") && (
            <section className="card" aria-labelledby="dash-go">
              <h2 id="dash-go">{t("dashboard.shortcuts")}</h2>
              <ul className="link-list">
                {visibleNav(can)
                  .flatMap((g) => g.items)
                  .filter((i) => i.to !== "/")
                  .map((i) => (
                    <li key={i.to}>
                      <Link to={i.to}>{t(i.label)}</Link>
                    </li>
                  ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="dash-agency">
            <h2 id="dash-agency">{t("dashboard.agency")}</h2>
            <dl className="facts">
              <dt>{t("org.agency.jurisdiction")}</dt>
              <dd>{t(`jurisdictions.${session.agency.jurisdiction}`)}</dd>
              <dt>{t("org.agency.timeZone")}</dt>
              <dd>{session.agency.timeZone}</dd>
            </dl>
          </section>
        </div>
      </div>
    </Page>
  );
}
