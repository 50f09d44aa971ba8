import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { PERMISSIONS, ROLES } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../test-support/app";
import { EXPECTED_GRID, expectedRoles } from "../test-support/expected-permissions";
import { routeTable } from "./route";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, () => randomUUID());
}

test("E2: every /api route is declared through defineRoute with an access rule", () => {
  const declared = new Set(routeTable.map((r) => `${r.method} ${r.url}`));
  const undeclared = t.app.allRoutes
    .filter((r) => r.url.startsWith("/api/") && r.method !== "HEAD")
    .map((r) => `${r.method} ${r.url}`)
    .filter((k) => !declared.has(k));
  assert.deepEqual(undeclared, [], "routes registered without a permission declaration");
  assert.ok(routeTable.length >= 20, `expected the foundation routes, found ${routeTable.length}`);
});

test("E2/A3/A4/A12/E7: the permission table matches the independent role x permission grid, cell by cell", () => {
  const mismatches: string[] = [];
  for (const [permission, granted] of Object.entries(PERMISSIONS)) {
    const expected = expectedRoles(permission);
    if (!expected) {
      mismatches.push(
        `${permission}: no row in test-support/expected-permissions.ts (add one, with the reason)`,
      );
      continue;
    }
    for (const role of ROLES) {
      const is = (granted as readonly string[]).includes(role);
      const want = expected.includes(role);
      if (is !== want)
        mismatches.push(
          `${permission} x ${role}: table ${is ? "allows" : "refuses"}, grid says ${want ? "allow" : "refuse"}`,
        );
    }
  }
  for (const permission of Object.keys(EXPECTED_GRID))
    if (!(permission in PERMISSIONS)) mismatches.push(`${permission}: in the grid but not in PERMISSIONS`);
  assert.deepEqual(mismatches, []);
});

// The HTTP outcome is compared with the independent grid (not with PERMISSIONS), so a wrong table
// entry fails here too, route by route.
test("E2: route x role — every route answers every role exactly as the independent grid says", async () => {
  const mismatches: string[] = [];
  for (const r of routeTable) {
    const url = concreteUrl(r.url);
    const payload = r.method === "GET" || r.method === "DELETE" ? undefined : {};
    // Without a session: every non-public route must refuse with 401.
    const anon = await t.inject({ method: r.method, url, payload });
    if (r.access !== "public" && anon.statusCode !== 401)
      mismatches.push(`${r.method} ${r.url} anonymous -> ${anon.statusCode}`);
    if (r.access === "public") continue;
    for (const role of ROLES) {
      // A fresh session each time: some routes (logout, password change) end the caller's sessions.
      const headers = await t.fresh(role);
      const res = await t.inject({ method: r.method, url, payload, headers });
      const allowed = r.access === "authenticated" || (expectedRoles(r.access) ?? []).includes(role);
      const refused = res.statusCode === 401 || res.statusCode === 403;
      if (allowed === refused) {
        mismatches.push(
          `${r.method} ${r.url} as ${role}: ${res.statusCode} (grid says ${allowed ? "allow" : "deny"})`,
        );
      }
      // A refusal is always JSON; an allowed call may answer a file (backup, exports): parse refusals only.
      if (!allowed && refused && res.json().code !== "auth.forbidden")
        mismatches.push(`${r.method} ${r.url} as ${role}: code ${res.json().code}`);
    }
  }
  assert.deepEqual(mismatches, []);
});

test("E3: a refused permission is written to the ledger as denied", async () => {
  const headers = await t.as("handler");
  const res = await t.inject({
    method: "POST",
    url: "/api/org/units",
    payload: { code: "x", nameLocal: "x" },
    headers,
  });
  assert.equal(res.statusCode, 403);
  const rows = await t.tdb.query<{ action: string; result: string }>(
    "SELECT action, result FROM ledger_entries WHERE actor_id = $1 ORDER BY seq DESC LIMIT 1",
    [t.a.staffByRole.handler],
  );
  assert.deepEqual(rows[0], { action: "auth.permission_denied", result: "denied" });
});

test("E2: state-changing requests without the CSRF token are refused and logged", async () => {
  const { cookie } = await t.as("system_admin");
  const res = await t.inject({
    method: "POST",
    url: "/api/org/units",
    payload: { code: "c1", nameLocal: "c" },
    headers: { cookie },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().code, "auth.csrf");
  const [n] = await t.tdb.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE code = 'c1'");
  assert.equal(n.n, 0);
});

test("errors come in the caller's language: x-locale, then Accept-Language", async () => {
  const ko = await t.inject({ method: "GET", url: "/api/org/units", headers: { "x-locale": "ko" } });
  assert.equal(ko.json().message, "로그인해 주세요.");
  const zh = await t.inject({
    method: "GET",
    url: "/api/org/units",
    headers: { "accept-language": "zh-TW,zh;q=0.9" },
  });
  assert.equal(zh.json().message, "請先登入。");
  const en = await t.inject({
    method: "GET",
    url: "/api/org/units",
    headers: { "x-locale": "en", "accept-language": "ko" },
  });
  assert.equal(en.json().message, "Please sign in.");
});
