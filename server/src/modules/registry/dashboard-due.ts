import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { addDays } from "./context";

type Rows<T> = { rows: T[] };

// Overdue destruction and holds past their review date (issue 13, D2/D3) live with the retention module.
export { type RetentionDue, retentionDue } from "../retention/holds.service";

/** How far ahead a risk re-assessment shows as due (E10: the next review date is a commitment). */
export const RISK_REVIEW_WINDOW_DAYS = 60;

export interface RiskReviewDue {
  assessmentId: string;
  fileId: string;
  fileName: string;
  unitId: string;
  level: "low" | "medium" | "high";
  assessedOn: string;
  nextReviewOn: string;
  overdue: boolean;
}

/**
 * Active files whose latest risk assessment (by assessment date, then entry time) is due for review:
 * the next review date has passed or falls within the window. An older assessment superseded by a newer
 * one does not count.
 */
export async function riskReviewsDue(
  q: Queryable,
  agencyId: string,
  today: string,
): Promise<RiskReviewDue[]> {
  const until = addDays(today, RISK_REVIEW_WINDOW_DAYS);
  const res = (await q.execute(sql`
    SELECT latest.id AS "assessmentId", f.id AS "fileId", f.name AS "fileName", f.unit_id AS "unitId",
           latest.level, latest.assessed_on::text AS "assessedOn", latest.next_review_on::text AS "nextReviewOn",
           (latest.next_review_on < ${today}::date) AS overdue
    FROM (
      SELECT DISTINCT ON (r.file_id) r.id, r.file_id, r.level, r.assessed_on, r.next_review_on
      FROM registry_risk_assessments r
      WHERE r.agency_id = ${agencyId}
      ORDER BY r.file_id, r.assessed_on DESC, r.created_at DESC
    ) latest
    JOIN registry_files f ON f.id = latest.file_id AND f.agency_id = ${agencyId} AND f.status = 'active'
    WHERE latest.next_review_on IS NOT NULL AND latest.next_review_on <= ${until}::date
    ORDER BY latest.next_review_on, f.name
    LIMIT 200`)) as unknown as Rows<RiskReviewDue>;
  return res.rows.map((r) => ({ ...r, overdue: r.overdue === true || String(r.overdue) === "true" }));
}

export interface CampaignOverdueUnit {
  campaignId: string;
  title: string;
  dueOn: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  pending: number;
  files: Array<{ id: string; name: string }>;
}

/**
 * Inventory campaign items still unconfirmed after their campaign's due date, per campaign and unit
 * (B4: each unit confirms its files by the due date), so the privacy officer knows whom to chase.
 */
export async function campaignItemsOverdue(
  q: Queryable,
  agencyId: string,
  today: string,
): Promise<CampaignOverdueUnit[]> {
  const res = (await q.execute(sql`
    SELECT c.id AS "campaignId", c.title, c.due_on::text AS "dueOn",
           i.unit_id AS "unitId", u.code AS "unitCode", u.name_local AS "unitName",
           count(*)::int AS pending,
           (array_agg(json_build_object('id', f.id, 'name', f.name) ORDER BY f.name))[1:20] AS files
    FROM registry_campaign_items i
    JOIN registry_campaigns c ON c.id = i.campaign_id AND c.agency_id = ${agencyId}
    JOIN registry_files f ON f.id = i.file_id AND f.agency_id = ${agencyId}
    LEFT JOIN units u ON u.id = i.unit_id AND u.agency_id = ${agencyId}
    WHERE i.agency_id = ${agencyId} AND i.status = 'pending' AND c.status = 'open' AND c.due_on < ${today}::date
    GROUP BY c.id, c.title, c.due_on, i.unit_id, u.code, u.name_local
    ORDER BY c.due_on, u.code NULLS LAST`)) as unknown as Rows<CampaignOverdueUnit>;
  return res.rows.map((r) => ({
    ...r,
    pending: Number(r.pending),
    files: typeof r.files === "string" ? JSON.parse(r.files) : (r.files ?? []),
  }));
}
