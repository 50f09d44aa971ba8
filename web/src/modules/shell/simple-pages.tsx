import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../components/page";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("shell.notFound")}>
      <p>
        <Link to="/">{t("shell.backHome")}</Link>
      </p>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("shell.forbidden")}>
      <p>{t("shell.forbiddenText")}</p>
      <p>
        <Link to="/">{t("shell.backHome")}</Link>
      </p>
    </Page>
  );
}
