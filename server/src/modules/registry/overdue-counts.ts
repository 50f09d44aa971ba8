import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { addDays } from "./context";

type Rows<T> = { rows: T[] };

/** How many things with a date are past it, per category (issue 11 item 8), for the dashboard. */
export interface OverdueCounts {
  /** Active files whose next review date has passed. */
  fileReviews: number;
  /** Active files whose latest risk assessment's next review date has passed (E10). */
  riskReviews: number;
  /** Active entrustment contracts whose end date has passed without being ended. */
  contracts: number;
  /** Open corrective actions past their due date. */
  correctiveActions: number;
  /** Inventory items still pending after their open campaign's due date (B4). */
  campaignItems: number;
  /** Public files not yet published a month after registration (B9). */
  publication: number;
}

/**
 * One query, counts only. `today` is the agency's local date (YYYY-MM-DD): a thing due on `today`
 * is not yet overdue; due yesterday is overdue by one day.
 */
export async function overdueCounts(q: Queryable, agencyId: string, today: string): Promise<OverdueCounts> {
  const monthAgo = addDays(today, -30);
  const res = (await q.execute(sql`
    SELECT
      (SELECT count(*)::int FROM registry_files f
        WHERE f.agency_id = ${agencyId} AND f.status = 'active' AND f.next_review_on < ${today}::date) AS "fileReviews",
      (SELECT count(*)::int FROM (
        SELECT DISTINCT ON (r.file_id) r.next_review_on
        FROM registry_risk_assessments r
        JOIN registry_files f ON f.id = r.file_id AND f.agency_id = ${agencyId} AND f.status = 'active'
        WHERE r.agency_id = ${agencyId}
        ORDER BY r.file_id, r.assessed_on DESC, r.created_at DESC) latest
        WHERE latest.next_review_on < ${today}::date) AS "riskReviews",
      (SELECT count(*)::int FROM registry_entrustments e
        WHERE e.agency_id = ${agencyId} AND e.status = 'active' AND e.contract_end < ${today}::date) AS contracts,
      (SELECT count(*)::int FROM registry_corrective_actions a
        WHERE a.agency_id = ${agencyId} AND a.done_on IS NULL AND a.due_on < ${today}::date) AS "correctiveActions",
      (SELECT count(*)::int FROM registry_campaign_items i
        JOIN registry_campaigns c ON c.id = i.campaign_id AND c.agency_id = ${agencyId}
        WHERE i.agency_id = ${agencyId} AND i.status = 'pending' AND c.status = 'open'
          AND c.due_on < ${today}::date) AS "campaignItems",
      (SELECT count(*)::int FROM registry_files f
        WHERE f.agency_id = ${agencyId} AND f.status = 'active' AND f.is_public AND f.published_on IS NULL
          AND f.registered_on < ${monthAgo}::date) AS publication
  `)) as unknown as Rows<Record<keyof OverdueCounts, number | string>>;
  const r = res.rows[0];
  return {
    fileReviews: Number(r.fileReviews),
    riskReviews: Number(r.riskReviews),
    contracts: Number(r.contracts),
    correctiveActions: Number(r.correctiveActions),
    campaignItems: Number(r.campaignItems),
    publication: Number(r.publication),
  };
}
