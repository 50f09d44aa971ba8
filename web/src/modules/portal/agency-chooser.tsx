import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorBox, Loading, Page } from "../../components/page";
import { AgenciesCtx } from "./portal-context";

/** /portal: pick the agency; each agency's name is shown in its own language with the English name. */
export function AgencyChooser() {
  const { t } = useTranslation();
  const { agencies, error } = useContext(AgenciesCtx);
  return (
    <Page title={t("portal.chooseAgency")}>
      <p className="lead">{t("portal.chooseAgencyIntro")}</p>
      <ErrorBox text={error} />
      {!agencies && !error && <Loading />}
      {agencies && agencies.length === 0 && <p>{t("portal.noAgencies")}</p>}
      {agencies && agencies.length > 0 && (
        <ul className="portal-agencies" aria-label={t("portal.agencyList")}>
          {agencies.map((a) => (
            <li key={a.code}>
              <Link to={`/portal/${a.code}`} className="portal-tile">
                <span className="portal-tile-title" lang={a.jurisdiction === "TW" ? "zh-TW" : "ko"}>
                  {a.nameLocal}
                </span>
                <span className="portal-tile-desc" lang="en">
                  {a.nameEn}
                </span>
                <span className="badge">{t(`jurisdictions.${a.jurisdiction}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
