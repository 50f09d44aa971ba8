import "./i18n";
import "./portal.css";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useParams } from "react-router";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import type { PublicAgency } from "../../types";
import { AgenciesCtx } from "./portal-context";
import { PortalLanguageSwitcher } from "./portal-language";

/**
 * The public frame at /portal: no staff session needed or used. Header (portal name, chosen agency,
 * language), one main landmark, a footer with the staff sign-in. Agency pages render inside.
 */
export function PortalLayout() {
  const { t, i18n } = useTranslation();
  const { agencyCode } = useParams();
  const list = useLoad((signal) => api.get<PublicAgency[]>("/api/public/agencies", { signal }), []);
  const agency = list.data?.find((a) => a.code === agencyCode);
  const name = agency ? (i18n.language === "en" ? agency.nameEn : agency.nameLocal) : null;
  return (
    <AgenciesCtx.Provider value={{ agencies: list.data, error: list.error }}>
      <div className="portal">
        <a className="skip-link" href="#main">
          {t("portal.skipToContent")}
        </a>
        <header className="portal-header">
          <div className="portal-header-inner">
            <Link className="brand portal-brand" to={agency ? `/portal/${agency.code}` : "/portal"}>
              <span className="brand-mark" aria-hidden="true" />
              <span>{name ?? t("portal.title")}</span>
            </Link>
            {name && <span className="portal-subtitle">{t("portal.title")}</span>}
            <PortalLanguageSwitcher />
          </div>
        </header>
        <main id="main" className="portal-main" tabIndex={-1}>
          <Outlet />
        </main>
        <footer className="portal-footer">
          <p>{t("portal.footer")}</p>
          <p className="portal-footer-links">
            {agency && <Link to="/portal">{t("portal.otherAgency")}</Link>}
            <Link to="/login">{t("portal.staffSignIn")}</Link>
          </p>
        </footer>
      </div>
    </AgenciesCtx.Provider>
  );
}
