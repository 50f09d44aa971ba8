import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { api } from "../../api";
import { Field, Form, useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useSession } from "../../session";
import { AuthLayout } from "./auth-layout";

interface EnrolStart {
  otpauthUrl: string;
  qrDataUrl: string;
  secret: string;
}

/**
 * Authenticator enrolment: scan the QR code (or type the secret), confirm one code, then see the
 * recovery codes exactly once and say they are saved before going on.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const { status, refresh } = useSession();
  const errorText = useErrorText();
  const [start, setStart] = useState<EnrolStart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (status === "anonymous") navigate("/login", { replace: true });
    // Already fully signed in (e.g. a reload after enrolment): nothing to enrol here.
    else if (status === "ready" && !codes) navigate(from, { replace: true });
  }, [status, codes, from, navigate]);

  useEffect(() => {
    if (status !== "pre_mfa" || started.current || codes) return;
    // A second start would replace the secret the user is scanning, so run it once.
    started.current = true;
    api
      .post<EnrolStart>("/api/auth/mfa/enrol/start", undefined, { quiet401: true })
      .then(setStart)
      .catch((e) => setError(errorText(e)));
  }, [status, codes, errorText]);

  if (status === "loading") return <Loading />;

  if (codes) {
    return (
      <AuthLayout>
        <Page title={t("auth.enrol.codesTitle")}>
          <p>{t("auth.enrol.codesIntro")}</p>
          <ul className="recovery-codes" aria-label={t("auth.enrol.codesTitle")}>
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Form
            label={t("auth.enrol.codesTitle")}
            submitLabel={t("auth.enrol.continue")}
            onSubmit={async () => {
              await refresh();
              navigate(from, { replace: true });
            }}
          >
            <div className="field field-check">
              <input type="checkbox" id="saved-codes" name="saved" required aria-required="true" />
              <label htmlFor="saved-codes">{t("auth.enrol.saved")}</label>
            </div>
          </Form>
        </Page>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <Page title={t("auth.enrol.title")}>
        <p>{t("auth.enrol.intro")}</p>
        <ErrorBox text={error} />
        {!start && !error && <Loading />}
        {start && (
          <ol className="steps">
            <li>
              <p>{t("auth.enrol.scan")}</p>
              <img
                className="qr"
                src={start.qrDataUrl}
                alt={t("auth.enrol.qrAlt")}
                width={200}
                height={200}
              />
            </li>
            <li>
              <p>{t("auth.enrol.manual")}</p>
              <p>
                <span className="sr-only">{t("auth.enrol.secretLabel")}: </span>
                <code className="secret">{start.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
              </p>
            </li>
            <li>
              <Form
                label={t("auth.enrol.title")}
                submitLabel={t("auth.enrol.confirm")}
                onSubmit={async (v) => {
                  const r = await api.post<{ recoveryCodes: string[] }>(
                    "/api/auth/mfa/enrol/confirm",
                    { code: v.code.replace(/\s+/g, "") },
                    { quiet401: true },
                  );
                  setCodes(r.recoveryCodes);
                }}
              >
                <Field
                  name="code"
                  label={t("auth.enrol.code")}
                  required
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9 ]{6,7}"
                  title={t("auth.enrol.codeFormat")}
                  maxLength={7}
                  className="code-input"
                />
              </Form>
            </li>
          </ol>
        )}
      </Page>
    </AuthLayout>
  );
}
