import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";

/** Test data straight in SQL (the records and case modules have their own route tests). */
export async function seedSeries(db: Database, agencyId: string, unitId: string, code = "S-1") {
  const [s] = await db.query<{ id: string }>(
    `INSERT INTO record_series (agency_id, unit_id, code, title, retention_class, medium_default)
     VALUES ($1, $2, $3, 'series', '3y', 'electronic') RETURNING id`,
    [agencyId, unitId, code],
  );
  return s.id;
}

/** n records in destruction_pending (an approved expiry review), register numbers prefix-1..n. */
export async function seedPendingRecords(
  db: Database,
  agencyId: string,
  unitId: string,
  seriesId: string,
  n: number,
  prefix = "R",
) {
  await db.query(
    `INSERT INTO records (agency_id, series_id, ref_no, title, production_year, produced_on, closed_on, retention_class,
       medium, custodian_unit_id, status, destruction_review_id)
     SELECT $1, $2, $3 || '-' || g, 'record ' || g, 2019, '2019-01-01', '2019-12-31', '3y', 'electronic', $4,
       'destruction_pending', gen_random_uuid()
     FROM generate_series(1, $5::int) g`,
    [agencyId, seriesId, prefix, unitId, n],
  );
  return db.query<{ id: string; ref_no: string }>(
    "SELECT id, ref_no FROM records WHERE agency_id = $1 AND ref_no LIKE $2 ORDER BY ref_no",
    [agencyId, `${prefix}-%`],
  );
}

/** A closed rights request with one sealed-looking attachment and one mail. */
export async function seedClosedCase(db: Database, agencyId: string, unitId: string, closedAt: string) {
  const id = randomUUID();
  await db.query(
    `INSERT INTO cases (id, agency_id, kind, number, state, channel, sub_kind, deadline_kind, received_at, due_at, original_due_at,
       closed_at, unit_id)
     VALUES ($1, $2, 'rights_request', $3, 'closed', 'online', 'access', 'privacy_access', $4::timestamptz - interval '20 days',
       $4, $4, $4, $5)`,
    [id, agencyId, `RQ-${id.slice(0, 8)}`, closedAt, unitId],
  );
  await db.query(
    `INSERT INTO case_attachments (agency_id, case_id, kind, filename, mime_type, size, sha256, data, wrapped_key)
     VALUES ($1, $2, 'scan', 'scan.pdf', 'application/pdf', 4, 'x', '\\x01020304'::bytea, 'fk1.a.b.c')`,
    [agencyId, id],
  );
  await db.query("INSERT INTO case_events (agency_id, case_id, type) VALUES ($1, $2, 'note')", [
    agencyId,
    id,
  ]);
  return id;
}
