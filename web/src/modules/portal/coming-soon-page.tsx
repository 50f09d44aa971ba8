import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type PortalPage, pageTitleKey } from "./pages";
import { usePortal } from "./portal-context";
import { PortalPageFrame } from "./portal-page-frame";

/** Holds the future address of a service that is not built yet. */
export function ComingSoonPage({ page }: { page: PortalPage }) {
  const { t } = useTranslation();
  const { agency, base } = usePortal();
  return (
    <PortalPageFrame title={t(pageTitleKey(page, agency.jurisdiction))}>
      <p className="notice">{t("portal.comingSoonText")}</p>
      <p>{t(page.description)}</p>
      <p>
        <Link to={base}>{t("portal.backToServices")}</Link>
      </p>
    </PortalPageFrame>
  );
}
