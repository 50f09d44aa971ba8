import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { Loading } from "../../components/page";
import { useSession } from "../../session";
import { PasswordPage } from "../shell/password-page";
import { AuthLayout } from "./auth-layout";

/** After an administrator's password reset: the user sets their own password before anything else. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const { status, refresh } = useSession();

  useEffect(() => {
    if (status === "anonymous") navigate("/login", { replace: true });
  }, [status, navigate]);

  if (status === "loading") return <Loading />;
  return (
    <AuthLayout>
      <p className="notice" role="status">
        {t("auth.forcedPassword.intro")}
      </p>
      <PasswordPage
        onDone={async () => {
          await refresh();
          navigate(from, { replace: true });
        }}
      />
    </AuthLayout>
  );
}
