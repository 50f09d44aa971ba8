import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useReadySession } from "../../session";
import { useSignOut } from "../auth/use-sign-out";
import { LanguageSwitcher } from "./language-switcher";

/** Account menu: a native <details> disclosure, so it opens and closes from the keyboard for free. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useReadySession();
  const signOut = useSignOut();
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (ref.current) ref.current.open = false;
  };
  return (
    <details className="account-menu" ref={ref}>
      <summary>
        <span className="sr-only">{t("shell.accountMenu")}: </span>
        {session.user.displayName}
      </summary>
      <div className="menu-panel">
        <p className="menu-user">
          {session.user.displayName}
          <br />
          <span className="muted">{session.user.username}</span>
        </p>
        <LanguageSwitcher />
        <ul>
          <li>
            <Link to="/account/password" onClick={close}>
              {t("shell.changePassword")}
            </Link>
          </li>
          <li>
            <button type="button" className="btn btn-link" onClick={() => void signOut(false)}>
              {t("shell.logout")}
            </button>
          </li>
          <li>
            <button type="button" className="btn btn-link" onClick={() => void signOut(true)}>
              {t("shell.logoutAll")}
            </button>
          </li>
        </ul>
      </div>
    </details>
  );
}
