import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../components/page";
import { pagesFor, pageTitleKey } from "./pages";
import { usePortal } from "./portal-context";

/** /portal/:agencyCode: the agency's services, built from the page registry (pages.ts). */
export function PortalHome() {
  const { t } = useTranslation();
  const { agency, agencyName, base } = usePortal();
  const pages = pagesFor(agency.jurisdiction);
  return (
    <Page title={agencyName}>
      <p className="muted">{t(`portal.jurisdictionNote.${agency.jurisdiction}`)}</p>
      <section aria-labelledby="portal-services">
        <h2 id="portal-services">{t("portal.services")}</h2>
        <p>{t("portal.servicesIntro")}</p>
        <ul className="portal-services">
          {pages.map((p) => (
            <li key={p.id} data-service={p.id}>
              <Link
                to={`${base}/${p.path}`}
                className={p.load ? "portal-tile" : "portal-tile portal-tile-coming"}
              >
                <span className="portal-tile-title">
                  {t(pageTitleKey(p, agency.jurisdiction))}
                  {!p.load && <span className="badge">{t("portal.comingSoon")}</span>}
                </span>
                <span className="portal-tile-desc">{t(p.description)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
