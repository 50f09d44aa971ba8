import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import "./i18n";

export const MEDIA = ["paper_volume", "card", "drawing", "electronic", "photo", "film", "tape"] as const;

export interface Series {
  id: string;
  unitId: string;
  code: string;
  title: string;
  classificationCode: string | null;
  retentionClass: string;
  mediumDefault: string;
  version: number;
}
export interface RecordRow {
  id: string;
  seriesId: string;
  refNo: string;
  title: string;
  producedOn: string;
  closedOn: string;
  retentionClass: string;
  medium: string;
  quantity: number;
  location: string | null;
  custodianUnitId: string;
  status: string;
  archiveLocation: string | null;
  transferredAt: string | null;
  retentionEnd: string | null;
  transferDueOn: string | null;
  expired: boolean;
  version: number;
}
interface Settings {
  classes: Array<{ code: string; years: number | null }>;
  verify: boolean;
}

/** Calendar dates (YYYY-MM-DD) in the UI language, never the raw ISO form. */
export function useDay() {
  const { i18n } = useTranslation();
  return (d: string | null | undefined) =>
    d
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(
          new Date(`${d}T00:00:00Z`),
        )
      : "";
}

/** The agency's retention classes (rule pack) with their names in the UI language. */
export function useClasses() {
  const { t } = useTranslation();
  const load = useLoad((signal) => api.get<Settings>("/api/records/settings", { signal }), []);
  const classes = load.data?.classes ?? [];
  const className = (code: string) => t(`records.class.${code}`, { defaultValue: code });
  return { classes, className, verify: load.data?.verify ?? false };
}

export function useSeries() {
  const load = useLoad((signal) => api.get<Series[]>("/api/records/series", { signal }), []);
  return { series: load.data ?? [], reload: load.reload, error: load.error };
}
