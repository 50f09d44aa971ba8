import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import type { CatalogueItem, CatalogueListId, Catalogues, InfoSystem } from "./types";

/** The agency's code lists (names in the UI language); reloaded when the language changes. */
export function useCatalogues() {
  const { i18n } = useTranslation();
  const load = useLoad(
    (signal) => api.get<Catalogues>("/api/registry/catalogues", { signal }),
    [i18n.language],
  );
  const list = (id: CatalogueListId): CatalogueItem[] => load.data?.lists[id] ?? [];
  const nameOf = (id: CatalogueListId, code: string | null | undefined): string => {
    if (!code) return "";
    const e = list(id).find((x) => x.code === code);
    return e ? `${e.code} ${e.name}` : code;
  };
  const entryOf = (id: CatalogueListId, code: string | null | undefined) =>
    code ? list(id).find((x) => x.code === code) : undefined;
  return { ...load, list, nameOf, entryOf, jurisdiction: load.data?.jurisdiction };
}

export function useSystems() {
  const load = useLoad((signal) => api.get<InfoSystem[]>("/api/registry/systems", { signal }), []);
  return { ...load, systems: load.data ?? [] };
}

/** Today in the browser's calendar as YYYY-MM-DD (dates in the register are plain dates). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Names of the agency's files for pickers (first 200, by name). */
export function useFileOptions() {
  const load = useLoad(
    (signal) =>
      api.get<{ items: Array<{ id: string; name: string; unitName?: string }> }>("/api/registry/files", {
        signal,
        query: { pageSize: 200, sort: "name" },
      }),
    [],
  );
  const items = load.data?.items ?? [];
  const names: Record<string, string> = Object.fromEntries(items.map((f) => [f.id, f.name]));
  return { ...load, files: items, names };
}

/** Staff names for ids the register stores (approvers, confirmers) when the viewer may read the staff list. */
export function useStaffNames(enabled: boolean) {
  const load = useLoad(
    (signal) =>
      enabled
        ? api.get<Array<{ id: string; displayName: string; username: string }>>("/api/org/staff", { signal })
        : Promise.resolve([]),
    [enabled],
  );
  const names = new Map((load.data ?? []).map((s) => [s.id, `${s.displayName} (${s.username})`]));
  return (id: string | null | undefined): string =>
    id ? (names.get(id) ?? (enabled && !load.data ? "" : id.slice(0, 8))) : "";
}
