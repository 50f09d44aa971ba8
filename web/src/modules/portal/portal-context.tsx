import { createContext, useContext } from "react";
import type { PublicAgency } from "../../types";

/** The agency a citizen chose (from the address /portal/:agencyCode). */
export interface PortalState {
  agency: PublicAgency;
  /** The agency's name in the current language. */
  agencyName: string;
  /** Base path of the agency's portal, e.g. "/portal/hanbit-city". */
  base: string;
}

export const PortalCtx = createContext<PortalState | null>(null);

export function usePortal(): PortalState {
  const s = useContext(PortalCtx);
  if (!s) throw new Error("usePortal outside an agency portal");
  return s;
}

/** Agencies for the chooser and the header; shared so the list is fetched once per visit. */
export const AgenciesCtx = createContext<{
  agencies: PublicAgency[] | null;
  error: string | null;
}>({ agencies: null, error: null });
