import type { CatalogueDefinition } from "../registry/catalogue";
import { krPack } from "./kr";
import { twPack } from "./tw";

export type Jurisdiction = "KR" | "TW";

/**
 * Jurisdiction differences live here as data (ARCHITECTURE.md "Rules as data"): modules ask the
 * agency's pack for deadlines, catalogues, grounds and holidays; they never branch on the country.
 */
export const rulePacks = { KR: krPack, TW: twPack } as const;
export type RulePack = (typeof rulePacks)[Jurisdiction];

export function getRulePack(jurisdiction: Jurisdiction): RulePack {
  const pack = rulePacks[jurisdiction];
  if (!pack) throw new Error(`unknown jurisdiction: ${jurisdiction}`);
  return pack;
}

/** A catalogue of the pack by id (e.g. "specificPurposes", "accessLimitGrounds"), or undefined. */
export function catalogueOf(jurisdiction: Jurisdiction, id: string): CatalogueDefinition | undefined {
  return (getRulePack(jurisdiction).catalogues as Record<string, CatalogueDefinition>)[id];
}

export { krPack, twPack };
