import { localizeArticle } from "@civicpims/core/letters/articles";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import { useAgencyStaff } from "../cases/case-list-page";
import type { Catalogue, Names } from "./types";

/** A rule-pack name in the UI language (English, then the first available, as fallback). */
export function pickName(names: Names | undefined, lang: string): string {
  if (!names) return "";
  return names[lang as keyof Names] ?? names.en ?? Object.values(names)[0] ?? "";
}

/**
 * A rule-pack article in the UI language, as the letters print it (KR packs store Korean citations,
 * TW packs English ones; the English screen gets "PIPA Art. 35", not the Korean text).
 */
export function articleText(j: "KR" | "TW", article: string | undefined, lang: string): string {
  if (!article) return "";
  return localizeArticle(j, article, lang === "ko" || lang === "zh-TW" ? lang : "en");
}

/** The agency's request catalogue (kinds, grounds, fees...) from its rule pack. */
export function useCatalogue() {
  const { i18n } = useTranslation();
  const load = useLoad((signal) => api.get<Catalogue>("/api/requests/catalogue", { signal }), []);
  const kindName = (code: string | null | undefined) => {
    const k = load.data?.kinds.find((x) => x.code === code);
    return k ? pickName(k.names, i18n.language) : (code ?? "");
  };
  return { ...load, kindName };
}

/** Staff of the agency for assignee and companion pickers (empty without permission to list staff). */
export const useStaff = useAgencyStaff;
