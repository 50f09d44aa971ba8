import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { can, type Permission, ROLES, type Role } from "@civicpims/core/auth/index";
import { seedDemo } from "../demo/seed";
import { createTestApp, type TestApp } from "../test-support/app";
import { queryVariants, responseText } from "../test-support/canary-scan";
import { populateAgency } from "../test-support/populate-agency";
import { type RegisteredRoute, routeTable } from "./route";

/**
 * A1/E2 agency isolation, enumerated rather than listed: agency B (and the two demo agencies) hold
 * one record of everything the services create, B's free text carrying a unique canary; then every
 * GET route of the route table is called as every role of agency A that may call it, with path
 * parameters filled from A's own records AND from B's, and sensible query strings. Any canary, or
 * the id of any row of another agency, in any response (JSON, CSV, xlsx XML, PDF text, headers)
 * fails the test. A new GET route is covered without anyone remembering to add it; a GET route the
 * test cannot call with a 2xx for at least one role fails too, unless it is in NO_2XX_EXPECTED.
 */

// Searches use the fixed prefix: it finds B's rows if a search leaks, while an echo of the search
// term (a filter summary, A's own ledger entry of the search) never contains the full canary.
const CANARY_PREFIX = "CANARY";
const CANARY = `${CANARY_PREFIX}${randomBytes(5).toString("hex")}`;
const OWN = `OWNREC${randomBytes(5).toString("hex")}`;

/**
 * Where path parameters come from, keyed by `<segment before>/:<param>` of the route URL (the last
 * parameter's). Each SQL takes the agency id as $1 and returns one column per route parameter.
 * A new route with a new resource segment needs a line here, or it fails the 2xx check loudly.
 */
const PARAM_SOURCES: Record<string, string> = {
  "cases/:id": "SELECT id FROM cases WHERE agency_id = $1",
  "plans/:id": "SELECT id FROM destruction_plans WHERE agency_id = $1",
  "certificates/:id": "SELECT id FROM destruction_records WHERE agency_id = $1",
  "separate/:id": "SELECT id FROM retention_holds WHERE agency_id = $1",
  "attachments/:attachmentId": `SELECT case_id AS id, id AS "attachmentId" FROM case_attachments WHERE agency_id = $1`,
  "case/:caseId": `SELECT id AS "caseId" FROM cases WHERE agency_id = $1`,
  "letters/:id": "SELECT id FROM letters WHERE agency_id = $1",
  "outbox/:id": "SELECT id FROM mail_outbox WHERE agency_id = $1",
  // PDFs first: the page routes answer only for PDFs.
  "documents/:id": "SELECT id FROM pii_documents WHERE agency_id = $1 ORDER BY format = 'pdf' DESC",
  "pages/:page": "SELECT id, 1 AS page FROM pii_documents WHERE agency_id = $1 AND format = 'pdf'",
  "files/:id": "SELECT id FROM registry_files WHERE agency_id = $1",
  ":entityType/:id": `SELECT DISTINCT ON (entity_type) entity_type AS "entityType", entity_id AS id
                        FROM registry_history WHERE agency_id = $1 ORDER BY entity_type, id`,
  "local-codes/:catalogueId": `SELECT catalogue_id AS "catalogueId" FROM registry_local_codes WHERE agency_id = $1`,
  "entrustments/:id": "SELECT id FROM registry_entrustments WHERE agency_id = $1",
  "evidence/:id": "SELECT id FROM registry_evidence WHERE agency_id = $1",
  "devices/:id": "SELECT id FROM registry_devices WHERE agency_id = $1",
  "campaigns/:id": "SELECT id FROM registry_campaigns WHERE agency_id = $1",
  "requests/:id": "SELECT id FROM cases WHERE agency_id = $1 AND kind = 'rights_request'",
  "series/:id": "SELECT id FROM record_series WHERE agency_id = $1",
  "items/:id": "SELECT id FROM records WHERE agency_id = $1",
  "inventory-checks/:id": "SELECT id FROM record_inventory_checks WHERE agency_id = $1",
  "compensation/:id": "SELECT id FROM civil_compensations WHERE agency_id = $1",
  "roster/:id": "SELECT id FROM civil_roster WHERE agency_id = $1",
  "petitions/:id": "SELECT id FROM cases WHERE agency_id = $1 AND kind = 'petition'",
  "disclosure/:id": "SELECT case_id AS id FROM disclosure_requests WHERE agency_id = $1",
  "incidents/:id": "SELECT id FROM incidents WHERE agency_id = $1",
  "evidence/:sub": `SELECT incident_id AS id, id AS sub FROM incident_evidence WHERE agency_id = $1`,
  "deliveries/:sub": `SELECT incident_id AS id, id AS sub FROM incident_recipients
                        WHERE agency_id = $1 AND letter_id IS NOT NULL`,
  "findings/:finding": `SELECT month, f->>'key' AS finding FROM log_reviews, jsonb_array_elements(findings) f
                          WHERE agency_id = $1`,
  "log-reviews/:month": "SELECT month FROM log_reviews WHERE agency_id = $1",
  "year/:year": "SELECT 2026 AS year WHERE $1::uuid IS NOT NULL",
  // Public pages take an agency code; any agency's published register and portal form are public
  // by design (B7, C1), so only A's own code is used: A's public page must carry nothing of B.
  "registry/:agencyCode": `SELECT code AS "agencyCode" FROM agencies WHERE id = $1 AND $1 = $2`,
  "agencies/:code": "SELECT code FROM agencies WHERE id = $1 AND $1 = $2",
  "page-images/:pageNo": `SELECT case_id AS id, id AS "redactionId", 1 AS "pageNo" FROM case_redactions
                           WHERE agency_id = $1 AND format = 'pdf'`,
  // The public archive of an agency is public by design (J1); only A's own code is used, so A's public
  // archive must carry nothing of B.
  "portal/:agency": "SELECT code AS agency FROM agencies WHERE id = $1 AND $1 = $2",
  "archive/:entryId": `SELECT a.code AS agency, e.id AS "entryId" FROM archive_entries e
                         JOIN agencies a ON a.id = e.agency_id WHERE e.agency_id = $1 AND $1 = $2`,
  "redactions/:redactionId": `SELECT case_id AS id, id AS "redactionId" FROM case_redactions WHERE agency_id = $1`,
};

/** Query filters that take an id, and the table their ids come from. */
const QUERY_ID_SOURCES: Record<string, string> = {
  unitId: "units",
  fileId: "registry_files",
  assigneeId: "staff",
  caseId: "cases",
  seriesId: "record_series",
};

/**
 * GET routes that cannot answer 2xx in this setup, each with the reason. Keep it short: every entry
 * is a route whose responses this test does not check.
 */
const NO_2XX_EXPECTED: Record<string, string> = {
  "GET /api/auth/oidc/start": "needs a configured OIDC provider (covered by auth.oidc.test.ts)",
  "GET /api/auth/oidc/callback": "needs a configured OIDC provider (covered by auth.oidc.test.ts)",
  "GET /api/system/backup":
    "local operator only (CLI token): no session role may call it (system.routes.test.ts)",
};

let t: TestApp;
/** Strings that must never reach agency A: B's canary and the uuid of every other agency's row. */
let foreignIds: Set<string>;

before(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, { password: "Demo#Canary2026!" });
  await populateAgency(t, "b", CANARY);
  await populateAgency(t, "a", OWN);
  // Every uuid `id` of every agency-scoped table, for rows that are not agency A's.
  const tables = await t.tdb.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name
        AND i.column_name = 'id' AND i.data_type = 'uuid'
      WHERE c.table_schema = current_schema() AND c.column_name = 'agency_id'`,
  );
  foreignIds = new Set();
  for (const { table_name } of tables) {
    const rows = await t.tdb.query<{ id: string }>(
      `SELECT id::text AS id FROM "${table_name}" WHERE agency_id IS NOT NULL AND agency_id <> $1`,
      [t.a.id],
    );
    for (const r of rows) foreignIds.add(r.id);
  }
  assert.ok(foreignIds.size > 100, `expected many foreign rows, found ${foreignIds.size}`);
});
after(async () => t.close());

async function paramTuples(route: RegisteredRoute, agencyId: string): Promise<Array<Record<string, string>>> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  if (names.length === 0) return [{}];
  const segs = route.url.split("/");
  const last = segs.findLastIndex((s) => s.startsWith(":"));
  const key = `${segs[last - 1]}/${segs[last]}`;
  const sql = PARAM_SOURCES[key];
  if (!sql) return [];
  const args = sql.includes("$2") ? [agencyId, t.a.id] : [agencyId];
  const rows = await t.tdb.query<Record<string, unknown>>(`${sql} LIMIT 3`, args);
  return rows
    .map((r) => Object.fromEntries(names.map((n) => [n, r[n] === undefined ? undefined : String(r[n])])))
    .filter((r): r is Record<string, string> => Object.values(r).every((v) => v !== undefined));
}

async function idsFor(field: string): Promise<string[]> {
  const table = QUERY_ID_SOURCES[field];
  if (!table) return [];
  const out: string[] = [];
  for (const ag of [t.a.id, t.b.id]) {
    const rows = await t.tdb.query<{ id: string }>(
      `SELECT id::text AS id FROM "${table}" WHERE agency_id = $1 ORDER BY id LIMIT 1`,
      [ag],
    );
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

function rolesFor(route: RegisteredRoute): Array<Role | null> {
  if (route.access === "public") return [null];
  if (route.access === "authenticated") return [...ROLES];
  return ROLES.filter((r) => can([r], route.access as Permission));
}

test("A1/E2: no GET route shows agency A's staff anything of another agency (canaries and row ids, every role)", async () => {
  const gets = routeTable.filter((r) => r.method === "GET" && r.url.startsWith("/api/"));
  assert.ok(gets.length >= 40, `expected the GET routes, found ${gets.length}`);
  const leaks: string[] = [];
  const ok2xx = new Set<string>();
  const noParams: string[] = [];
  let calls = 0;
  const needle = CANARY.toLowerCase();
  for (const route of gets) {
    const key = `GET ${route.url}`;
    const tuples = [...(await paramTuples(route, t.a.id)), ...(await paramTuples(route, t.b.id))];
    if (tuples.length === 0) noParams.push(key);
    const fieldIds = new Map<string, string[]>();
    for (const f of Object.keys(QUERY_ID_SOURCES)) fieldIds.set(f, await idsFor(f));
    const queries = queryVariants(route.query, (f) => fieldIds.get(f) ?? [], [CANARY_PREFIX, "OWNREC"]);
    // Every variant as the first role allowed; the other roles (whose scope may differ: unit-scoped
    // handlers, auditors) get the plain query and the id and search filters, to keep the run short.
    const narrow = queries.filter((q, i) => i === 0 || /(Id|^q|&q)=|actor=|subject=/.test(q));
    for (const [roleIndex, role] of rolesFor(route).entries()) {
      const headers = role ? await t.as(role, "a") : {};
      for (const params of tuples) {
        const path = route.url.replace(/:([A-Za-z]+)/g, (_, n: string) => encodeURIComponent(params[n]));
        const urlIds = new Set(Object.values(params));
        for (const q of roleIndex === 0 ? queries : narrow) {
          const url = q ? `${path}?${q}` : path;
          const res = await t.inject({ method: "GET", url, headers });
          calls++;
          if (res.statusCode >= 200 && res.statusCode < 300) ok2xx.add(key);
          const text = responseText(res.headers as Record<string, unknown>, res.rawPayload);
          const who = `${role ?? "anonymous"} GET ${url} -> ${res.statusCode}`;
          if (text.includes(needle)) leaks.push(`${who}: canary ${CANARY}`);
          for (const id of text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])
            if (foreignIds.has(id) && !urlIds.has(id) && !q.includes(id))
              leaks.push(`${who}: another agency's row id ${id}`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(leaks)].slice(0, 40), [], `leaks found (${leaks.length}) in ${calls} calls`);
  const uncovered = gets.map((r) => `GET ${r.url}`).filter((k) => !ok2xx.has(k) && !(k in NO_2XX_EXPECTED));
  assert.deepEqual(
    uncovered,
    [],
    `GET routes never answered 2xx, so their responses went unchecked (add a PARAM_SOURCES line or a ` +
      `populate step; routes without parameter values: ${noParams.join(", ")})`,
  );
  const stale = Object.keys(NO_2XX_EXPECTED).filter(
    (k) => ok2xx.has(k) || !gets.some((r) => `GET ${r.url}` === k),
  );
  assert.deepEqual(stale, [], "exceptions that are no longer needed");
});
