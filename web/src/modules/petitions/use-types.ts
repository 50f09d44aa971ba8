import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import type { Names, TypesCatalogue } from "./types";

export const nameIn = (n: Names, lang: string) => n[lang as keyof Names] ?? n.en;

/** The agency's petition types (for pickers and names). */
export function usePetitionTypes() {
  const { i18n } = useTranslation();
  const load = useLoad((signal) => api.get<TypesCatalogue>("/api/petitions/types", { signal }), []);
  const typeName = (code: string | null | undefined) => {
    const x = load.data?.types.find((t) => t.code === code);
    return x ? nameIn(x.names, i18n.language) : (code ?? "");
  };
  return { ...load, typeName };
}
