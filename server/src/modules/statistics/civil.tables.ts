// The civil-affairs tables of this module (K2, K3, K4, K6), registered in the statistics frame like any
// other module's table.
import {
  codesOf,
  k2Table,
  k3ChannelTable,
  k3LifeTable,
  k3StatutoryTable,
  k4GuardianTable,
  k4IssuanceTable,
  k6Table,
  lookupOf,
  yearRange,
} from "@civicpims/core/statistics/index";
import { k2Counts, k3ChannelCounts, k3TypeCounts, k4IssuanceCounts, k6Counts } from "./civil.queries";
import { registerStatisticsTable } from "./registry";
import { loadGuardianCaseload, loadPetitionTypes } from "./sources";

let registered = false;

export function registerCivilTables(): void {
  if (registered) return;
  registered = true;
  registerStatisticsTable({
    id: "k2",
    requirement: "K2",
    title: "statistics.tables.k2",
    load: async (tx, agencyId, p) => {
      const lookup = lookupOf(await loadPetitionTypes(tx, agencyId));
      // Always the four quarters of the year: the seed's table is 계 | 1/4 | 2/4 | 3/4 | 4/4.
      const year = yearRange(p.year, p.timeZone);
      return k2Table(await k2Counts(tx, agencyId, year, p.timeZone, codesOf(lookup, "certificate"), p.asOf));
    },
  });
  registerStatisticsTable({
    id: "k3-channel",
    requirement: "K3",
    title: "statistics.tables.k3Channel",
    load: async (tx, agencyId, p) => {
      const lookup = lookupOf(await loadPetitionTypes(tx, agencyId));
      return k3ChannelTable(await k3ChannelCounts(tx, agencyId, p.range, p.asOf), lookup);
    },
  });
  registerStatisticsTable({
    id: "k3-statutory",
    requirement: "K3",
    title: "statistics.tables.k3Statutory",
    load: async (tx, agencyId, p) => {
      const lookup = lookupOf(await loadPetitionTypes(tx, agencyId));
      const counts = await k3TypeCounts(
        tx,
        agencyId,
        p.range,
        p.previousRange,
        codesOf(lookup, "statutory"),
        p.asOf,
      );
      return k3StatutoryTable(counts, lookup, p, p.previous);
    },
  });
  registerStatisticsTable({
    id: "k3-life",
    requirement: "K3",
    title: "statistics.tables.k3Life",
    load: async (tx, agencyId, p) => {
      const lookup = lookupOf(await loadPetitionTypes(tx, agencyId));
      const counts = await k3TypeCounts(
        tx,
        agencyId,
        p.range,
        p.previousRange,
        codesOf(lookup, "life"),
        p.asOf,
      );
      return k3LifeTable(counts, lookup, p, p.previous);
    },
  });
  registerStatisticsTable({
    id: "k4-issuance",
    requirement: "K4",
    title: "statistics.tables.k4Issuance",
    load: async (tx, agencyId, p) => {
      const lookup = lookupOf(await loadPetitionTypes(tx, agencyId));
      const counts = await k4IssuanceCounts(
        tx,
        agencyId,
        p.range,
        p.previousRange,
        codesOf(lookup, "certificate"),
      );
      return k4IssuanceTable(counts, p, p.previous);
    },
  });
  registerStatisticsTable({
    id: "k4-guardian",
    requirement: "K4",
    title: "statistics.tables.k4Guardian",
    load: async (tx, agencyId, p) => {
      const lookup = lookupOf(await loadPetitionTypes(tx, agencyId));
      return k4GuardianTable(await loadGuardianCaseload(tx, agencyId, p.range), lookup);
    },
  });
  registerStatisticsTable({
    id: "k6",
    requirement: "K6",
    title: "statistics.tables.k6",
    load: async (tx, agencyId, p) => k6Table(await k6Counts(tx, agencyId, p.range, p.asOf), p),
  });
}
