import "./i18n";
import { useTranslation } from "react-i18next";
import { type MaybeUnconfirmed, unconfirmedMarker } from "./unconfirmed";

/** A visible badge with a tooltip (and the same text for screen readers) on an unconfirmed entry. */
export function UnconfirmedMark({ entry }: { entry: MaybeUnconfirmed | null | undefined }) {
  const { t } = useTranslation();
  const m = unconfirmedMarker(entry, t);
  if (!m) return null;
  return (
    <span className="badge badge-warn" title={m.tooltip}>
      <span aria-hidden="true">{m.label}</span>
      <span className="sr-only">{m.tooltip}</span>
    </span>
  );
}
