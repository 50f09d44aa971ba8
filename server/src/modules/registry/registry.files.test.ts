import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, krFile, twFile } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

describe("personal-data files", () => {
  test("B2/B3: a file with every field is created, read back and derived flags are set", async () => {
    const res = await call("POST", "/api/registry/files", krFile(t.a.unitId));
    assert.equal(res.statusCode, 201, res.body);
    const f = res.json();
    assert.equal(f.version, 1);
    assert.equal(f.hasSensitive, true);
    assert.equal(f.hasUniqueIdentifier, true);
    assert.equal(f.unitCode, "u1");
    const got = (await call("GET", `/api/registry/files/${f.id}`)).json();
    for (const [k, v] of Object.entries(krFile(t.a.unitId))) {
      if (k === "items") continue;
      assert.deepEqual(got[k], v, k);
    }
    assert.deepEqual(got.items[1], {
      name: "주민등록번호",
      kind: "rrn",
      sensitive: false,
      uniqueIdentifier: true,
      classCode: "rrn",
    });
  });

  test("B1/item 8: update needs a reason and the current version; history shows a field-level diff with who and why", async () => {
    const f = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "이력 파일" }))).json();
    const noReason = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: 1,
      retentionPeriod: "3년",
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().code, "registry.reason_required");
    const ok = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: 1,
      reason: "보유기간 단축",
      retentionPeriod: "3년",
      purposeText: "변경된 목적",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);
    assert.equal(ok.json().name, "이력 파일", "absent fields keep their value");
    const stale = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: 1,
      reason: "늦은 변경",
      retentionPeriod: "10년",
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, "registry.stale_version");
    assert.equal(stale.json().details.currentVersion, 2);
    const hist = await call("GET", `/api/registry/history/file/${f.id}`);
    assert.equal(hist.statusCode, 200);
    const h = hist.json();
    assert.deepEqual(
      h.map((x: { action: string }) => x.action),
      ["create", "update"],
    );
    assert.equal(h[1].reason, "보유기간 단축");
    assert.equal(h[1].actorId, t.a.staffByRole.privacy_officer);
    assert.deepEqual(h[1].changes.map((c: { path: string }) => c.path).sort(), [
      "purposeText",
      "retentionPeriod",
    ]);
    assert.deepEqual(
      h[1].changes.find((c: { path: string }) => c.path === "retentionPeriod"),
      { path: "retentionPeriod", kind: "changed", before: "5년", after: "3년" },
    );
  });

  test("B2/B6: unknown codes, out-of-range dates and unknown units are refused per field, in the caller's language", async () => {
    const bad = krFile(t.a.unitId, {
      name: "잘못된 파일",
      legalBasisCodes: ["nope"],
      registeredOn: "1970-01-01",
      isPublic: false,
      exemptionReason: null,
      custodianUnitId: t.b.unitId,
    });
    for (const [lang, word] of [
      ["ko", "알 수 없는 코드"],
      ["zh-TW", "不存在"],
      ["en", "unknown code"],
    ] as const) {
      const res = await call("POST", "/api/registry/files", bad, "a", "privacy_officer", {
        "x-locale": lang,
      });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      assert.equal(body.code, "registry.invalid");
      const codes = body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort();
      // A new non-public file needs no exemption reason: it waits for publication (issue 11 item 3);
      // withdrawing a published one does (registry.public-default.test.ts).
      assert.deepEqual(codes, [
        "custodianUnitId:unknown_unit",
        "legalBasisCodes:unknown_code",
        "registeredOn:date_out_of_range",
      ]);
      assert.ok(
        body.details.find((d: { code: string }) => d.code === "unknown_code").message.includes(word),
        `${lang}: ${JSON.stringify(body.details)}`,
      );
    }
    const [{ n }] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM registry_files WHERE name = '잘못된 파일'",
    );
    assert.equal(n, 0);
  });

  test("B9: a public file not published a month after registration shows on the dashboard", async () => {
    await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, { name: "미공개 신규 파일", registeredOn: "2024-01-02", publishedOn: null }),
    );
    await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, { name: "공개된 파일", registeredOn: "2024-01-02", publishedOn: "2024-01-20" }),
    );
    const dash = (await call("GET", "/api/registry/dashboard")).json();
    const names = dash.publicationOverdue.map((f: { name: string }) => f.name);
    assert.ok(names.includes("미공개 신규 파일"));
    assert.ok(!names.includes("공개된 파일"));
  });

  test("A2/E2: a handler granted for one unit changes only that unit's files", async () => {
    const [other] = await t.tdb.query<{ id: string }>(
      "INSERT INTO units (agency_id, code, name_local) VALUES ($1, 'u2', '다른 부서') RETURNING id",
      [t.a.id],
    );
    const [s] = await t.tdb.query<{ id: string }>(
      "INSERT INTO staff (agency_id, unit_id, username, display_name) VALUES ($1, $2, 'scoped.handler', '부서 담당자') RETURNING id",
      [t.a.id, t.a.unitId],
    );
    await t.tdb.query(
      "INSERT INTO role_assignments (agency_id, staff_id, role, unit_id) VALUES ($1, $2, 'handler', $3)",
      [t.a.id, s.id, t.a.unitId],
    );
    const { createSession, SESSION_COOKIE } = await import("../auth/session.service");
    const sess = await createSession(t.tdb.db, t.deps.config, {
      agencyId: t.a.id,
      staffId: s.id,
      mfaPassed: true,
    });
    const headers = {
      cookie: `${SESSION_COOKIE}=${sess.token}`,
      "x-csrf-token": sess.csrfToken,
      "x-locale": "ko",
    };
    const own = await t.inject({
      method: "POST",
      url: "/api/registry/files",
      payload: krFile(t.a.unitId, { name: "내 부서 파일" }),
      headers,
    });
    assert.equal(own.statusCode, 201, own.body);
    const foreign = await t.inject({
      method: "POST",
      url: "/api/registry/files",
      payload: krFile(other.id, { name: "남의 부서 파일" }),
      headers,
    });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json().code, "registry.unit_scope");
    assert.match(foreign.json().message, /소속 부서/);
    const officerFile = (
      await call("POST", "/api/registry/files", krFile(other.id, { name: "다른 부서 파일" }))
    ).json();
    const patch = await t.inject({
      method: "PATCH",
      url: `/api/registry/files/${officerFile.id}`,
      payload: { version: 1, reason: "x", notes: "y" },
      headers,
    });
    assert.equal(patch.statusCode, 403);
    const move = await t.inject({
      method: "PATCH",
      url: `/api/registry/files/${own.json().id}`,
      payload: { version: 1, reason: "이관", unitId: other.id },
      headers,
    });
    assert.equal(move.statusCode, 403, "cannot move a file out of the unit");
    // Flows and provisions of another unit's file are out of reach too.
    const flow = await call("POST", `/api/registry/files/${officerFile.id}/flows`, {
      direction: "out",
      counterpart: "행정안전부",
    });
    assert.equal(flow.statusCode, 201, flow.body);
    const flowDel = await t.inject({
      method: "DELETE",
      url: `/api/registry/flows/${flow.json().id}`,
      payload: { version: 1, reason: "x" },
      headers,
    });
    assert.equal(flowDel.statusCode, 403, flowDel.body);
    const prov = await call("POST", "/api/registry/provisions", {
      fileId: officerFile.id,
      recipient: "행정안전부",
      legalGroundCode: "art17-1-1",
      purpose: "통계",
      kind: "routine",
    });
    assert.equal(prov.statusCode, 201, prov.body);
    const provPatch = await t.inject({
      method: "PATCH",
      url: `/api/registry/provisions/${prov.json().id}`,
      payload: { version: 1, reason: "x", purpose: "변경" },
      headers,
    });
    assert.equal(provPatch.statusCode, 403, provPatch.body);
    const device = await call("POST", "/api/registry/devices", {
      name: "다른 부서 CCTV",
      location: "민원실",
      purpose: "시설 안전",
      count: 1,
      recordingHours: "24시간",
      retentionDays: 30,
      unitId: other.id,
    });
    assert.equal(device.statusCode, 201, device.body);
    const devicePatch = await t.inject({
      method: "PATCH",
      url: `/api/registry/devices/${device.json().id}`,
      payload: { version: 1, reason: "x", count: 2 },
      headers,
    });
    assert.equal(devicePatch.statusCode, 403, devicePatch.body);
  });

  test("B3: duplicate file name in the same unit -> 409", async () => {
    await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "중복" }));
    const dup = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "중복" }));
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().code, "registry.duplicate_name");
  });

  test("item 8: deleting a referenced file is refused with the referencing kinds; an unreferenced one is deleted with history", async () => {
    const f = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "참조 파일" }))).json();
    const prov = await call("POST", "/api/registry/provisions", {
      fileId: f.id,
      recipient: "행정안전부",
      legalGroundCode: "art17-1-1",
      purpose: "통계",
      kind: "routine",
    });
    assert.equal(prov.statusCode, 201, prov.body);
    const del = await call("DELETE", `/api/registry/files/${f.id}`, { version: 1, reason: "폐지" });
    assert.equal(del.statusCode, 409);
    assert.equal(del.json().code, "registry.file_referenced");
    assert.deepEqual(del.json().details, [{ kind: "provision", count: 1 }]);
    assert.match(del.json().message, /provision 1/);
    const g = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "삭제 파일" }))).json();
    const ok = await call("DELETE", `/api/registry/files/${g.id}`, { version: 1, reason: "중복 등록" });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await call("GET", `/api/registry/files/${g.id}`)).statusCode, 404);
    const h = (await call("GET", `/api/registry/history/file/${g.id}`)).json();
    assert.equal(h.at(-1).action, "delete");
    assert.equal(h.at(-1).reason, "중복 등록");
  });

  test("item 8: other modules register reference counters (rights requests, retention records) and deletion asks them", async () => {
    const { registerFileReference } = await import("./references");
    await t.tdb.query(
      "CREATE TABLE IF NOT EXISTS fake_rights_requests (id serial primary key, agency_id uuid, file_id uuid)",
    );
    const off = registerFileReference({
      kind: "rights_request",
      // Counters run inside the caller's transaction (q), never on a separate connection.
      count: async (q, agencyId, fileId) => {
        const r = (await q.execute(
          sql`SELECT count(*)::int AS n FROM fake_rights_requests WHERE agency_id = ${agencyId} AND file_id = ${fileId}`,
        )) as unknown as { rows: Array<{ n: number }> };
        return r.rows[0].n;
      },
    });
    try {
      const f = (
        await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "청구 대상 파일" }))
      ).json();
      await t.tdb.query("INSERT INTO fake_rights_requests (agency_id, file_id) VALUES ($1, $2)", [
        t.a.id,
        f.id,
      ]);
      const del = await call("DELETE", `/api/registry/files/${f.id}`, { version: 1, reason: "x" });
      assert.equal(del.statusCode, 409);
      assert.deepEqual(del.json().details, [{ kind: "rights_request", count: 1 }]);
    } finally {
      off();
    }
  });

  test("B1: list filters (unit, sensitive, unique id, public, review due), paging and sorting", async () => {
    const b = (who: string) => ({ ...twFile(t.b.unitId), name: who });
    for (let i = 0; i < 7; i++) {
      const res = await call("POST", "/api/registry/files", b(`檔案${i}`), "b");
      assert.equal(res.statusCode, 201, res.body);
    }
    await call(
      "POST",
      "/api/registry/files",
      twFile(t.b.unitId, {
        name: "非公開檔案",
        isPublic: false,
        exemptionReason: "政府資訊公開法第18條",
        items: [{ name: "病歷", sensitive: true }],
        nextReviewOn: "2020-01-01",
      }),
      "b",
    );
    const page1 = (await call("GET", "/api/registry/files?pageSize=3&sort=name", undefined, "b")).json();
    assert.equal(page1.total, 8);
    assert.equal(page1.items.length, 3);
    const page3 = (
      await call("GET", "/api/registry/files?pageSize=3&page=3&sort=name", undefined, "b")
    ).json();
    assert.equal(page3.items.length, 2);
    const sens = (await call("GET", "/api/registry/files?sensitive=true", undefined, "b")).json();
    assert.deepEqual(
      sens.items.map((x: { name: string }) => x.name),
      ["非公開檔案"],
    );
    const uniq = (await call("GET", "/api/registry/files?uniqueId=true", undefined, "b")).json();
    assert.equal(uniq.total, 7);
    const nonPublic = (await call("GET", "/api/registry/files?public=false", undefined, "b")).json();
    assert.equal(nonPublic.total, 1);
    const due = (await call("GET", "/api/registry/files?reviewDue=true", undefined, "b")).json();
    assert.deepEqual(
      due.items.map((x: { name: string }) => x.name),
      ["非公開檔案"],
    );
    const q = (
      await call(
        "GET",
        `/api/registry/files?q=${encodeURIComponent("檔案3")}&unitId=${t.b.unitId}`,
        undefined,
        "b",
      )
    ).json();
    assert.deepEqual(
      q.items.map((x: { name: string }) => x.name),
      ["檔案3"],
    );
    const desc = (await call("GET", "/api/registry/files?sort=-name&pageSize=1", undefined, "b")).json();
    assert.equal(desc.items[0].name, "非公開檔案");
  });

  test("B9/item 10: the public list shows public active files only, with TW purposes and categories named; no login needed", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/public/registry/agency-b/files",
      headers: { "accept-language": "zh-TW" },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.agency.jurisdiction, "TW");
    const names = body.files.map((f: { name: string }) => f.name);
    assert.ok(names.includes("檔案0"));
    assert.ok(!names.includes("非公開檔案"), "non-public file leaked");
    const f0 = body.files.find((f: { name: string }) => f.name === "檔案0");
    assert.equal(f0.purposes[0].code, "001");
    assert.ok(f0.purposes[0].name.length > 0);
    assert.equal(f0.categories[0].code, "C001");
    assert.ok(!("notes" in f0) && !("managingStaffName" in f0));
    const unknown = await t.inject({ method: "GET", url: "/api/public/registry/no-such-agency/files" });
    assert.equal(unknown.statusCode, 404);
  });

  test("A1/E2: agency A can neither read nor change agency B's register records", async () => {
    const bFile = (await call("GET", "/api/registry/files?pageSize=1", undefined, "b")).json().items[0];
    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/api/registry/files/${bFile.id}`],
      ["PATCH", `/api/registry/files/${bFile.id}`, { version: bFile.version, reason: "x", name: "hijack" }],
      ["DELETE", `/api/registry/files/${bFile.id}`, { version: bFile.version, reason: "x" }],
      ["GET", `/api/registry/history/file/${bFile.id}`],
      ["GET", `/api/registry/files/${bFile.id}/flows`],
      ["POST", `/api/registry/files/${bFile.id}/flows`, { direction: "in", counterpart: "x" }],
      ["POST", `/api/registry/files/${bFile.id}/risk-assessments`, { scores: {}, assessedOn: "2026-01-01" }],
      [
        "POST",
        "/api/registry/provisions",
        { fileId: bFile.id, recipient: "x", legalGroundCode: "art17-1-1", purpose: "x", kind: "routine" },
      ],
      ["POST", "/api/registry/entrustments", { vendor: "x", tasks: "x", fileIds: [bFile.id] }],
      ["POST", "/api/registry/files", krFile(t.b.unitId, { name: "B 부서에 만들기" })],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(method, url, payload, "a");
      assert.ok([404, 400].includes(res.statusCode), `${method} ${url} -> ${res.statusCode} ${res.body}`);
    }
    const still = (await call("GET", `/api/registry/files/${bFile.id}`, undefined, "b")).json();
    assert.equal(still.name, bFile.name);
    assert.equal(still.version, bFile.version);
    const listA = (await call("GET", "/api/registry/files?pageSize=200")).json();
    assert.ok(!listA.items.some((x: { id: string }) => x.id === bFile.id));
  });
});
