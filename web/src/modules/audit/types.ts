import type { LedgerItem } from "../../types";

/** A ledger entry as the list API returns it: the action's phrase, the target's number or name. */
export interface LedgerRow extends LedgerItem {
  actionLabel: string | null;
  targetLabel: string | null;
  actorName: string | null;
}

export interface LedgerRows {
  items: LedgerRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LedgerFacets {
  actions: Array<{ action: string; label: string }>;
  staff: Array<{ id: string; displayName: string; username: string }>;
  timeZone: string;
  checkpoints: {
    every: number;
    minutes: number;
    last: { seq: number; createdAt: string } | null;
    headSeq: number;
    nextAtSeq: number;
    nextBy: string | null;
  };
}
