import i18next, { type i18n, type TFunction } from "i18next";
import en from "./locales/en.json";
import ko from "./locales/ko.json";
import zhTW from "./locales/zh-TW.json";

export const LOCALES = ["ko", "zh-TW", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Server-side messages (errors, letters, e-mails). Modules add their own keys to these files. */
const instance: i18n = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, ko: { translation: ko }, "zh-TW": { translation: zhTW } },
  fallbackLng: "en",
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Lets a module ship its own message files (server/src/modules/<module>/i18n/<locale>.json) instead
 * of editing the shared ones; bundles are deep-merged into the same namespace.
 */
export function registerMessages(bundles: Partial<Record<Locale, Record<string, unknown>>>): void {
  for (const [locale, bundle] of Object.entries(bundles)) {
    if (bundle) instance.addResourceBundle(locale, "translation", bundle, true, true);
  }
}

export function t(locale: Locale, key: string, params?: Record<string, unknown>): string {
  return (instance.getFixedT(locale) as TFunction)(key, params ?? {}) as string;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | undefined, fallback: Locale = "en"): Locale {
  if (!header) return fallback;
  const wanted = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (tag.startsWith("ko")) return "ko";
    if (tag === "zh-tw" || tag === "zh-hant" || tag.startsWith("zh-hant") || tag === "zh") return "zh-TW";
    if (tag.startsWith("en")) return "en";
  }
  return fallback;
}
