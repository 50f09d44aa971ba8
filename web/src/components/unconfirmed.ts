// Catalogue entries whose text is not yet confirmed against the official list (the API's `confirmed:false`,
// older payloads' `verify:true`): every screen that shows one marks it, with a tooltip saying why.
type T = (key: string) => string;

export interface MaybeUnconfirmed {
  code?: string;
  confirmed?: boolean;
  verify?: boolean;
}

export function isUnconfirmed(e: MaybeUnconfirmed | null | undefined): boolean {
  return !!e && (e.confirmed === false || e.verify === true);
}

/** The marker's short label and its tooltip in the user's language, or null for a confirmed entry. */
export function unconfirmedMarker(
  e: MaybeUnconfirmed | null | undefined,
  t: T,
): { label: string; tooltip: string } | null {
  if (!isUnconfirmed(e)) return null;
  return { label: t("components.codePicker.verify"), tooltip: t("components.codePicker.unconfirmedTooltip") };
}
