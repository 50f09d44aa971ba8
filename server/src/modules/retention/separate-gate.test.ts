import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../../test-support/app";
import { seedClosedCase, seedPendingRecords, seedSeries } from "./test-helpers";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(method: string, url: string, who: Role, payload?: unknown) {
  return t.inject({
    method: method as "GET",
    url,
    payload: payload as object,
    headers: await t.as(who, "a"),
  });
}

test("D3: a record in separate storage is refused on its detail route and left out of the list for roles the hold does not name", async () => {
  const series = await seedSeries(t.tdb, t.a.id, t.a.unitId, "SEP-1");
  const [kept, other] = await seedPendingRecords(t.tdb, t.a.id, t.a.unitId, series, 2, "SEP");
  const h = await call("POST", "/api/retention/holds", "privacy_officer", {
    kind: "separate_storage",
    targetType: "record",
    targetId: kept.id,
    reason: "분리보관 (법 제21조 제3항)",
    roles: ["privacy_officer"],
    storageLocation: "분리보관 서버 B",
    reviewOn: "2099-01-01",
  });
  assert.equal(h.statusCode, 201, h.body);
  // Named role: opens the detail and sees the row in the list.
  assert.equal((await call("GET", `/api/records/items/${kept.id}`, "privacy_officer")).statusCode, 200);
  const officerList = (await call("GET", "/api/records/items?q=SEP-", "privacy_officer")).json() as Array<{
    refNo: string;
  }>;
  assert.deepEqual(officerList.map((r) => r.refNo).sort(), ["SEP-1", "SEP-2"]);
  // Not named (records manager, auditor): 403 with the reason in the caller's language; the list hides it.
  for (const role of ["records_manager", "auditor"] as const) {
    const res = await call("GET", `/api/records/items/${kept.id}`, role);
    assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
    assert.equal(res.json().code, "retention.separate_forbidden");
    const list = (await call("GET", "/api/records/items?q=SEP-", role)).json() as Array<{ refNo: string }>;
    assert.deepEqual(
      list.map((r) => r.refNo),
      ["SEP-2"],
    );
    assert.equal((await call("GET", `/api/records/items/${other.id}`, role)).statusCode, 200);
  }
  // Writes are refused too, and nothing changes.
  const before = (
    await t.tdb.query<{ version: number }>("SELECT version FROM records WHERE id = $1", [kept.id])
  )[0];
  const put = await call("PATCH", `/api/records/items/${kept.id}`, "records_manager", { title: "변경" });
  assert.equal(put.statusCode, 403);
  const afterRow = (
    await t.tdb.query<{ version: number }>("SELECT version FROM records WHERE id = $1", [kept.id])
  )[0];
  assert.equal(afterRow.version, before.version);
  // Released: everyone with the permission sees it again.
  const rel = await call("POST", `/api/retention/holds/${h.json().id}/release`, "privacy_officer", {});
  assert.equal(rel.statusCode, 200, rel.body);
  assert.equal((await call("GET", `/api/records/items/${kept.id}`, "records_manager")).statusCode, 200);
});

test("D3: a case in separate storage is refused on the case and kind detail routes and left out of the case list", async () => {
  const caseId = await seedClosedCase(t.tdb, t.a.id, t.a.unitId, "2020-01-10T00:00:00Z");
  const h = await call("POST", "/api/retention/holds", "privacy_officer", {
    kind: "separate_storage",
    targetType: "case",
    targetId: caseId,
    reason: "분리보관",
    roles: ["privacy_officer"],
    storageLocation: "분리보관 DB",
    reviewOn: "2099-01-01",
  });
  assert.equal(h.statusCode, 201, h.body);
  const ids = async (role: Role) =>
    (
      (await call("GET", "/api/cases?state=closed&pageSize=100", role)).json() as {
        items: Array<{ id: string }>;
      }
    ).items.map((c) => c.id);
  assert.ok((await ids("privacy_officer")).includes(caseId));
  assert.ok(!(await ids("privacy_manager")).includes(caseId));
  for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/timeline`, `/api/requests/${caseId}`]) {
    const res = await call("GET", url, "privacy_manager");
    assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
    assert.equal(res.json().code, "retention.separate_forbidden");
  }
  // The named role passes the gate (the timeline reads only the case and its events; the bare seeded case has
  // no rights-request row for the kind detail).
  assert.equal((await call("GET", `/api/cases/${caseId}/timeline`, "privacy_officer")).statusCode, 200);
});
