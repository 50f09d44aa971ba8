import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../components/page";
import { usePortal } from "./portal-context";

/** A service page inside an agency's portal: breadcrumb back to the agency, then the page. */
export function PortalPageFrame({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { agencyName, base } = usePortal();
  return (
    <>
      <nav aria-label={t("portal.breadcrumb")} className="portal-breadcrumb">
        <ol>
          <li>
            <Link to={base}>{agencyName}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <Page title={title} actions={actions}>
        {children}
      </Page>
    </>
  );
}
