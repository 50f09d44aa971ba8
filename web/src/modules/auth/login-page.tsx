import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError, api, setCsrfToken } from "../../api";
import { Field, Form, SelectField } from "../../components/form";
import { ErrorBox, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { applyLocale, hasSavedLocale, jurisdictionLocale } from "../../i18n";
import { useSession } from "../../session";
import type { LoginResult, PublicAgency } from "../../types";
import { AuthLayout } from "./auth-layout";

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh, status, session } = useSession();
  const agencies = useLoad((signal) => api.get<PublicAgency[]>("/api/public/agencies", { signal }), []);
  const [agency, setAgency] = useState("");
  // After a failed attempt the form also offers the second-factor code (needed, with the password,
  // after many failures; shown to everyone alike so it says nothing about the account).
  const [offerCode, setOfferCode] = useState(false);
  const expired = (location.state as { expired?: boolean } | null)?.expired;
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  // Already signed in, or half-way (password or single sign-on done, second factor pending).
  useEffect(() => {
    if (status === "ready") navigate(from, { replace: true });
    else if (status === "pre_mfa" && session)
      navigate(session.user.mfaEnabled ? "/login/mfa" : "/login/enrol", { replace: true, state: { from } });
  }, [status, session, from, navigate]);

  // Until someone picks a language, follow the chosen agency's jurisdiction (KR -> ko, TW -> zh-TW).
  const chooseAgency = (code: string) => {
    setAgency(code);
    const a = agencies.data?.find((x) => x.code === code);
    if (a && !hasSavedLocale()) applyLocale(jurisdictionLocale(a.jurisdiction));
  };
  useEffect(() => {
    const list = agencies.data;
    if (list && list.length === 1 && !agency) chooseAgency(list[0].code);
  });

  const agencyName = (a: PublicAgency) => (i18n.language === "en" ? a.nameEn : a.nameLocal);

  return (
    <AuthLayout>
      <Page title={t("auth.login.title")}>
        {expired && (
          <p className="notice" role="status">
            {t("auth.login.expired")}
          </p>
        )}
        <ErrorBox text={agencies.error} />
        <Form
          label={t("auth.login.title")}
          submitLabel={t("auth.login.submit")}
          onSubmit={async (v) => {
            const code = v.code?.replace(/\s+/g, "");
            const r = await api
              .post<LoginResult>(
                "/api/auth/login",
                { agency: v.agency, username: v.username, password: v.password, ...(code ? { code } : {}) },
                { quiet401: true },
              )
              .catch((e: unknown) => {
                if (e instanceof ApiError && e.code === "auth.invalid_credentials") setOfferCode(true);
                throw e;
              });
            setCsrfToken(r.csrfToken);
            // The session now exists (maybe before its second factor): load it so guards see it.
            await refresh();
            if (r.status === "mfa_required") navigate("/login/mfa", { state: { from } });
            else if (r.status === "mfa_enrolment_required") navigate("/login/enrol", { state: { from } });
            else if (r.mustChangePassword) navigate("/login/password", { state: { from } });
            else navigate(from, { replace: true });
          }}
        >
          <SelectField
            name="agency"
            label={t("auth.login.agency")}
            required
            value={agency}
            onChange={(e) => chooseAgency(e.target.value)}
            emptyLabel={t("auth.login.chooseAgency")}
            options={(agencies.data ?? []).map((a) => ({ value: a.code, label: agencyName(a) }))}
          />
          <Field
            name="username"
            label={t("auth.login.username")}
            required
            autoComplete="username"
            maxLength={100}
          />
          <Field
            name="password"
            type="password"
            label={t("auth.login.password")}
            required
            autoComplete="current-password"
            maxLength={200}
          />
          {offerCode && (
            <Field
              name="code"
              label={t("auth.login.code")}
              hint={t("auth.login.codeHint")}
              autoComplete="one-time-code"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={40}
              className="code-input"
            />
          )}
        </Form>
        {/* A citizen who lands on "/" is sent here: the portal is one click away (issue 11 item 6). */}
        <aside className="card citizen-link" data-testid="citizen-portal-link">
          <p>{t("auth.login.citizen")}</p>
          <Link className="btn" to="/portal">
            {t("auth.login.citizenLink")}
          </Link>
        </aside>
      </Page>
    </AuthLayout>
  );
}
