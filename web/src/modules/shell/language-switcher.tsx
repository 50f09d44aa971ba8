import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../i18n";
import { useSession } from "../../session";
import { LOCALES } from "../../types";

/** Language chooser; each language is named in itself so anyone can find theirs. */
export function LanguageSwitcher({ onChanged }: { onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t("shell.language")}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const v = e.target.value;
          if (isLocale(v)) void changeLocale(v).then(onChanged, onChanged);
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
