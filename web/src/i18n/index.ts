import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLocale } from "../api";
import { LOCALES, type Locale } from "../types";
import en from "./en.json";
import ko from "./ko.json";
import zhTW from "./zh-TW.json";

/** Remembered only for the sign-in screen; once signed in, the staff member's saved locale wins. */
const STORAGE_KEY = "cpims.locale";

export function isLocale(x: unknown): x is Locale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}

/** The jurisdiction's language: KR -> ko, TW -> zh-TW. */
export function jurisdictionLocale(j: "KR" | "TW"): Locale {
  return j === "TW" ? "zh-TW" : "ko";
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be blocked; fall back to the browser.
  }
  for (const l of navigator.languages ?? []) {
    const lower = l.toLowerCase();
    if (lower.startsWith("ko")) return "ko";
    if (lower.startsWith("zh")) return "zh-TW";
    if (lower.startsWith("en")) return "en";
  }
  return "ko";
}

export function hasSavedLocale(): boolean {
  try {
    return isLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

/** Switches the UI language, the API's x-locale header and <html lang>. */
export function applyLocale(locale: Locale, remember = false): void {
  setApiLocale(locale);
  document.documentElement.lang = locale;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not fatal: the choice still applies to this page.
    }
  }
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

const start = initialLocale();
void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, "zh-TW": { translation: zhTW }, en: { translation: en } },
  lng: start,
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});
setApiLocale(start);
document.documentElement.lang = start;

export default i18n;
