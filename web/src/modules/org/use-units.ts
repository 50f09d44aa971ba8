import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import type { Unit } from "../../types";

/** Units of the agency for names and pickers; unit names follow the UI language when an English name exists. */
export function useUnits() {
  const { t, i18n } = useTranslation();
  const load = useLoad((signal) => api.get<Unit[]>("/api/org/units", { signal }), []);
  const units = load.data ?? [];
  const unitName = (id: string | null | undefined): string => {
    if (!id) return t("roles.wholeAgency");
    const u = units.find((x) => x.id === id);
    if (!u) return "";
    return i18n.language === "en" && u.nameEn ? u.nameEn : u.nameLocal;
  };
  /** Options in tree order, indented by depth, active units only (plus an optional current one). */
  const unitOptions = (keep?: string | null) => {
    const out: Array<{ value: string; label: string }> = [];
    const walk = (parent: string | null, depth: number) => {
      for (const u of units.filter((x) => (x.parentId ?? null) === parent)) {
        if (u.active || u.id === keep)
          out.push({ value: u.id, label: `${"\u00a0\u00a0".repeat(depth)}${unitName(u.id)}` });
        walk(u.id, depth + 1);
      }
    };
    walk(null, 0);
    // Orphans (parent outside the list) still need to be choosable.
    for (const u of units)
      if (!out.some((o) => o.value === u.id) && (u.active || u.id === keep))
        out.push({ value: u.id, label: unitName(u.id) });
    return out;
  };
  return { ...load, units, unitName, unitOptions };
}
