import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { api } from "../../api";
import { Field, Form } from "../../components/form";
import { Loading, Page } from "../../components/page";
import { useSession } from "../../session";
import { AuthLayout } from "./auth-layout";
import { useSignOut } from "./use-sign-out";

/** Second factor: a 6-digit code from the authenticator app, or one of the recovery codes. */
export function MfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const { status, session, refresh } = useSession();
  const signOut = useSignOut();

  useEffect(() => {
    if (status === "anonymous") navigate("/login", { replace: true });
    else if (status === "ready") navigate(from, { replace: true });
    else if (status === "pre_mfa" && session && !session.user.mfaEnabled)
      navigate("/login/enrol", { replace: true });
  }, [status, session, from, navigate]);

  if (status === "loading") return <Loading />;
  return (
    <AuthLayout>
      <Page title={t("auth.mfa.title")}>
        <p>{t("auth.mfa.intro")}</p>
        <Form
          label={t("auth.mfa.title")}
          submitLabel={t("auth.mfa.submit")}
          onSubmit={async (v) => {
            await api.post("/api/auth/mfa/verify", { code: v.code.replace(/\s+/g, "") }, { quiet401: true });
            await refresh();
            navigate(from, { replace: true });
          }}
          extraActions={
            <button type="button" className="btn btn-link" onClick={() => void signOut(false)}>
              {t("auth.mfa.otherAccount")}
            </button>
          }
        >
          <Field
            name="code"
            label={t("auth.mfa.code")}
            hint={t("auth.mfa.codeHint")}
            required
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={40}
            className="code-input"
          />
        </Form>
      </Page>
    </AuthLayout>
  );
}
