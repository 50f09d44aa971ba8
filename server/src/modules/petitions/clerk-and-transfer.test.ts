import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { seedPetitionTypes } from "./types.service";

let t: TestApp;
let petitionId = "";
before(async () => {
  t = await createTestApp();
  await t.deps.database.db.transaction((tx) => seedPetitionTypes(tx, t.a.id));
  const res = await t.inject({
    method: "POST",
    url: "/api/petitions",
    headers: await t.as("petition_clerk"),
    payload: {
      typeCode: "proposal",
      channel: "counter",
      title: "버스 정류장 의자 설치",
      content: "한빛동 정류장에 의자가 없어 어르신들이 서서 기다립니다.",
      petitioner: { name: "최민원", phone: "010-7777-8888" },
      receivedAt: "2026-03-10T10:00:00+09:00",
      // The desk names the handling unit: a letter needs the officer in charge.
      unitId: t.a.unitId,
      assigneeId: t.a.staffByRole.handler,
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  petitionId = res.json().case.id;
});
after(async () => t.close());

describe("petitions: integration with the shared case routes", () => {
  test("I1: the petition clerk reads the detail page's panels through the petition routes, not /api/cases", async () => {
    const h = await t.as("petition_clerk");
    for (const path of ["", "/timeline", "/notes", "/attachments", "/assignment"]) {
      const r = await t.inject({ method: "GET", url: `/api/petitions/${petitionId}${path}`, headers: h });
      assert.equal(r.statusCode, 200, `${path}: ${r.body}`);
    }
    const tl = await t.inject({ method: "GET", url: `/api/petitions/${petitionId}/timeline`, headers: h });
    assert.ok(
      tl.json().events.some((e: { event: string | null }) => e.event === "receive" || e.event === null),
    );
    // The clerk still has no cases.read: every other kind stays closed to the desk.
    const generic = await t.inject({ method: "GET", url: `/api/cases/${petitionId}/timeline`, headers: h });
    assert.equal(generic.statusCode, 403);
    // The petition routes answer for petitions only.
    const [other] = await t.tdb.query<{ id: string }>(
      "INSERT INTO cases (agency_id, kind, sub_kind, number, deadline_kind, channel, received_at, due_at, original_due_at, state, subject_ref) SELECT agency_id, 'rights_request', 'access', 'RR-TEST-1', deadline_kind, channel, received_at, due_at, original_due_at, state, subject_ref FROM cases WHERE id = $1 RETURNING id",
      [petitionId],
    );
    const notPetition = await t.inject({
      method: "GET",
      url: `/api/petitions/${other.id}/notes`,
      headers: h,
    });
    assert.equal(notPetition.statusCode, 404);
  });

  test("I1: the generic transfer is refused for a petition (no transfer letter there); nothing changes", async () => {
    const h = { ...(await t.as("privacy_officer")), "accept-language": "en" };
    const r = await t.inject({
      method: "POST",
      url: `/api/cases/${petitionId}/transfer`,
      headers: h,
      payload: { to: "한빛구청", reason: "관할 아님" },
    });
    assert.equal(r.statusCode, 409, r.body);
    assert.equal(r.json().code, "cases.transfer_own_action");
    assert.match(r.json().message, /이송/);
    const [c] = await t.tdb.query<{ state: string }>("SELECT state FROM cases WHERE id = $1", [petitionId]);
    assert.equal(c.state, "received");
    // The petition's own 이송 closes it as transferred with the letter.
    const ok = await t.inject({
      method: "POST",
      url: `/api/petitions/${petitionId}/transfer-agency`,
      headers: h,
      payload: { to: "한빛구청", reason: "관할 아님" },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const [c2] = await t.tdb.query<{ state: string }>("SELECT state FROM cases WHERE id = $1", [petitionId]);
    assert.equal(c2.state, "transferred");
  });
});
