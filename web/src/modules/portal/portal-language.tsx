import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { applyLocale, hasSavedLocale, isLocale, jurisdictionLocale } from "../../i18n";
import { useSession } from "../../session";
import { LOCALES } from "../../types";

/**
 * The portal's language chooser. It never touches a staff account (a citizen has none): the choice is
 * remembered in the browser only. Each language is named in itself.
 */
export function PortalLanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="lang-switch portal-lang">
      <label htmlFor={id}>{t("portal.language")}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const v = e.target.value;
          if (isLocale(v)) applyLocale(v, true);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Until the visitor picks a language, the agency's jurisdiction decides it (KR -> ko, TW -> zh-TW).
 * Re-applied when the staff session probe finishes, because that probe applies a staff locale.
 */
export function useJurisdictionLocale(jurisdiction: "KR" | "TW" | undefined) {
  const { status } = useSession();
  // biome-ignore lint/correctness/useExhaustiveDependencies: status is a trigger (the probe may have changed the language)
  useEffect(() => {
    if (jurisdiction && !hasSavedLocale()) applyLocale(jurisdictionLocale(jurisdiction));
  }, [jurisdiction, status]);
}
