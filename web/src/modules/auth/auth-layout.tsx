import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../shell/language-switcher";

/** The frame of the sign-in screens: brand, language, one centred card. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-layout">
      <header className="auth-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="auth-main">
        <div className="card auth-card">{children}</div>
      </main>
      <footer className="auth-footer">{t("app.tagline")}</footer>
    </div>
  );
}
