import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useParams } from "react-router";
import { ErrorBox, Loading, Page } from "../../components/page";
import { AgenciesCtx, PortalCtx } from "./portal-context";
import { useJurisdictionLocale } from "./portal-language";

/** /portal/:agencyCode/*: resolves the agency from the address and gives it to every page below. */
export function AgencyScope() {
  const { t, i18n } = useTranslation();
  const { agencyCode = "" } = useParams();
  const { agencies, error } = useContext(AgenciesCtx);
  const agency = agencies?.find((a) => a.code === agencyCode);
  useJurisdictionLocale(agency?.jurisdiction);
  if (error) return <ErrorBox text={error} />;
  if (!agencies) return <Loading />;
  if (!agency)
    return (
      <Page title={t("portal.unknownAgency")}>
        <p>
          <Link to="/portal">{t("portal.chooseAgency")}</Link>
        </p>
      </Page>
    );
  const agencyName = i18n.language === "en" ? agency.nameEn : agency.nameLocal;
  return (
    <PortalCtx.Provider value={{ agency, agencyName, base: `/portal/${agency.code}` }}>
      <Outlet />
    </PortalCtx.Provider>
  );
}
