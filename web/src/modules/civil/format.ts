import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";
import { formatDay } from "../cases/due-format";
import "../cases/i18n";
import "./i18n";

/** A YYYY-MM-DD as people read it ("2월 3일(화)"); never the ISO string. */
export function useDay() {
  const { t, i18n } = useTranslation();
  return (d: string | null | undefined) => (d ? formatDay(d, t, i18n.language, "UTC") : "");
}

/** An amount in its currency, in the UI language. */
export function useMoney() {
  const { i18n } = useTranslation();
  return (amount: number, currency: string) => {
    try {
      return new Intl.NumberFormat(i18n.language, {
        style: "currency",
        currency,
        maximumFractionDigits: 0,
      }).format(amount);
    } catch {
      return `${new Intl.NumberFormat(i18n.language).format(amount)} ${currency}`;
    }
  };
}

export interface LossType {
  code: string;
  names: Record<string, string | undefined>;
  verify?: true;
}

/** The agency's loss types (rule pack) and their names in the UI language. */
export function useLossTypes() {
  const { i18n } = useTranslation();
  const load = useLoad((signal) => api.get<LossType[]>("/api/civil/compensation/loss-types", { signal }), []);
  const types = load.data ?? [];
  const name = (code: string) => {
    const e = types.find((x) => x.code === code);
    return e ? (e.names[i18n.language] ?? e.names.en ?? code) : code;
  };
  return { types, name, entry: (code: string) => types.find((x) => x.code === code) ?? null };
}
