import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { useReadySession, useSession } from "../../session";
import { AccountMenu } from "./account-menu";
import { COMING_MODULES, visibleNav } from "./nav";

function isPhone(): boolean {
  return window.matchMedia("(max-width: 899px)").matches;
}

/** The signed-in frame: header (agency, account), navigation per module, the current screen. */
export function ShellLayout() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const navRef = useRef<HTMLDetailsElement>(null);
  const agencyName = i18n.language === "en" ? session.agency.nameEn : session.agency.nameLocal;

  // On a phone the menu is a disclosure: closed at first, and closed again once a destination is
  // chosen (before the new screen takes focus, so the page does not jump).
  const [startOpen] = useState(() => !isPhone());
  const closeOnPhone = () => {
    if (navRef.current && isPhone()) navRef.current.open = false;
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="shell-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t("app.name")}</span>
        </div>
        <div className="agency-name" title={session.agency.code}>
          {agencyName}
        </div>
        <AccountMenu />
      </header>
      <div className="shell-body">
        <details className="nav-disclosure" ref={navRef} open={startOpen}>
          <summary>{t("shell.menu")}</summary>
          <nav className="side-nav" aria-label={t("shell.mainNav")}>
            {visibleNav(can).map((g) => (
              <div className="nav-group" key={g.module}>
                <h2 className="nav-group-title">{t(g.label)}</h2>
                <ul>
                  {g.items.map((i) => (
                    <li key={i.to}>
                      <NavLink to={i.to} end={i.to === "/"} onClick={closeOnPhone}>
                        {t(i.label)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <div className="nav-group nav-coming">
              <h2 className="nav-group-title">{t("nav.coming")}</h2>
              <ul>
                {COMING_MODULES.map((m) => (
                  <li key={m}>
                    <span className="nav-disabled" aria-disabled="true">
                      {t(`modules.${m}`)} <span className="badge">{t("nav.comingBadge")}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </details>
        <main id="main" className="shell-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
