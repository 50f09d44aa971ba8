import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildApp } from "../../http/app";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import { verifyLedger } from "./ledger.service";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test(`E3: two app instances writing concurrently produce one valid chain (${onPostgres ? "PostgreSQL, two pools" : "PGlite, shared"})`, async () => {
  // A second Fastify instance with its own connection pool on the same database and schema.
  const second = await t.tdb.reopen();
  const app2 = await buildApp({ ...t.deps, database: second }, { webDist: null, logger: false });
  try {
    const before = await verifyLedger(t.tdb);
    const headersA = await t.as("system_admin");
    const requests = [];
    for (let i = 0; i < 20; i++) {
      const app = i % 2 === 0 ? t.app : app2;
      requests.push(app.inject({ method: "GET", url: "/api/org/staff", headers: headersA }));
      requests.push(
        app.inject({
          method: "POST",
          url: "/api/org/units",
          headers: headersA,
          payload: { code: `two-${i}`, nameLocal: `부서 ${i}` },
        }),
      );
    }
    const results = await Promise.all(requests);
    assert.ok(
      results.every((r) => r.statusCode < 300),
      results.map((r) => r.statusCode).join(","),
    );
    const after = await verifyLedger(t.tdb);
    assert.equal(after.ok, true, after.reason ?? "");
    assert.equal(after.count, before.count + 40);
  } finally {
    await app2.close();
    await second.close();
  }
});
