import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import ExcelJS from "exceljs";
import { roleAssignments, staff } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { createSession, SESSION_COOKIE } from "../auth/session.service";
import { krFile } from "../registry/test-helpers";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

type Headers = Record<string, string>;
async function call(
  method: string,
  url: string,
  payload?: unknown,
  who: Role | Headers = "records_manager",
  ag: "a" | "b" = "a",
) {
  const headers = typeof who === "string" ? await t.as(who, ag) : who;
  return t.inject({ method: method as "GET", url, payload: payload as object, headers });
}
const count = async (table: string, agencyId: string) =>
  Number(
    (
      await t.tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE agency_id = $1`, [
        agencyId,
      ])
    )[0].n,
  );

async function series(code: string, retentionClass: string, mediumDefault = "paper_volume") {
  const res = await call("POST", "/api/records/series", {
    unitId: t.a.unitId,
    code,
    title: `${code} 철`,
    retentionClass,
    mediumDefault,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string };
}
async function record(seriesId: string, refNo: string, over: Record<string, unknown> = {}) {
  const res = await call("POST", "/api/records/items", {
    seriesId,
    refNo,
    title: `기록물 ${refNo}`,
    producedOn: "2003-03-01",
    closedOn: "2003-05-10",
    ...over,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; status: string };
}

describe("records management", () => {
  test("J2/A1: a series or record in another agency's unit is refused and nothing is saved", async () => {
    const before = await count("record_series", t.a.id);
    const res = await call("POST", "/api/records/series", {
      unitId: t.b.unitId,
      code: "X-1",
      title: "foreign",
      retentionClass: "5y",
      mediumDefault: "paper_volume",
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "records.unknown_unit");
    assert.equal(await count("record_series", t.a.id), before);
    const bad = await call("POST", "/api/records/series", {
      unitId: t.a.unitId,
      code: "X-2",
      title: "bad class",
      retentionClass: "7y",
      mediumDefault: "paper_volume",
    });
    assert.equal(bad.json().code, "records.unknown_class");
    const s = await series("X-3", "5y");
    const rec = await call("POST", "/api/records/items", {
      seriesId: s.id,
      refNo: "X-3-1",
      title: "t",
      producedOn: "2003-01-01",
      closedOn: "2003-01-02",
      custodianUnitId: t.b.unitId,
    });
    assert.equal(rec.json().code, "records.unknown_unit");
    assert.equal(await count("records", t.a.id), 0);
    // A record in agency B's series: as unknown as a missing one.
    const foreign = await call(
      "POST",
      "/api/records/items",
      {
        seriesId: s.id,
        refNo: "B-1",
        title: "t",
        producedOn: "2003-01-01",
        closedOn: "2003-01-02",
      },
      "records_manager",
      "b",
    );
    assert.equal(foreign.json().code, "records.unknown_series");
  });

  test("J2: a record's schedule dates come from its class, counted from 1 January after closing", async () => {
    const s = await series("S-5", "5y");
    const r = await record(s.id, "S-5-1");
    const got = (await call("GET", `/api/records/items/${r.id}`)).json();
    assert.equal(got.retentionEnd, "2008-12-31");
    assert.equal(got.transferDueOn, "2006-01-01");
    assert.equal(got.medium, "paper_volume");
    const due = (await call("GET", "/api/records/reviews/due?asOf=2009-01-01")).json() as Array<{
      refNo: string;
    }>;
    assert.ok(due.some((d) => d.refNo === "S-5-1"));
    const notYet = (await call("GET", "/api/records/reviews/due?asOf=2008-12-31")).json() as Array<{
      refNo: string;
    }>;
    assert.ok(!notYet.some((d) => d.refNo === "S-5-1"));
  });

  test("J3: records due for transfer are listed and transferred with their archive location", async () => {
    const s = await series("T-10", "10y");
    const a = await record(s.id, "T-10-1", { closedOn: "2003-12-31" });
    await record(s.id, "T-10-2", { producedOn: "2005-01-01", closedOn: "2005-06-01" });
    const due = (await call("GET", "/api/records/transfers/due?asOf=2006-01-01")).json() as Array<{
      refNo: string;
    }>;
    assert.deepEqual(
      due.filter((d) => d.refNo.startsWith("T-10")).map((d) => d.refNo),
      ["T-10-1"],
    );
    const tr = await call("POST", "/api/records/transfers", {
      recordIds: [a.id],
      transferredOn: "2006-02-01",
      archiveLocation: "자료관 서가 3-2",
    });
    assert.equal(tr.statusCode, 201, tr.body);
    const got = (await call("GET", `/api/records/items/${a.id}`)).json();
    assert.equal(got.status, "transferred");
    assert.equal(got.archiveLocation, "자료관 서가 3-2");
    const again = await call("POST", "/api/records/transfers", {
      recordIds: [a.id],
      transferredOn: "2006-02-02",
      archiveLocation: "x",
    });
    assert.equal(again.json().code, "records.not_transferable");
  });

  test("J5: an expiry review is approved by someone else, never its proposer; destroy waits for destruction", async () => {
    const s = await series("R-1", "1y");
    const r = await record(s.id, "R-1-1");
    const noReason = await call("POST", "/api/records/reviews", {
      recordId: r.id,
      decision: "reclassify",
      reason: "x",
    });
    assert.equal(noReason.json().code, "records.new_class_required");
    const p = await call("POST", "/api/records/reviews", {
      recordId: r.id,
      decision: "destroy",
      reason: "보존기간 경과",
    });
    assert.equal(p.statusCode, 201, p.body);
    const review = p.json();
    const self = await call("POST", `/api/records/reviews/${review.id}/approve`);
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, "records.self_approval");
    const handler = await call("POST", `/api/records/reviews/${review.id}/approve`, undefined, "handler");
    assert.equal(handler.statusCode, 403, "approval needs the permission");
    // A second records manager approves.
    const db = t.deps.database.db;
    const [other] = await db
      .insert(staff)
      .values({ agencyId: t.a.id, unitId: t.a.unitId, username: "rm2.a", displayName: "RM 2" })
      .returning();
    await db.insert(roleAssignments).values({ agencyId: t.a.id, staffId: other.id, role: "records_manager" });
    const sess = await createSession(db, t.deps.config, {
      agencyId: t.a.id,
      staffId: other.id,
      mfaPassed: true,
    });
    const h = { cookie: `${SESSION_COOKIE}=${sess.token}`, "x-csrf-token": sess.csrfToken };
    const ok = await call("POST", `/api/records/reviews/${review.id}/approve`, undefined, h);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().approvedBy, other.id);
    const got = (await call("GET", `/api/records/items/${r.id}`)).json();
    assert.equal(got.status, "destruction_pending");
    assert.equal(got.destructionReviewId, review.id);
    const twice = await call("POST", `/api/records/reviews/${review.id}/approve`, undefined, h);
    assert.equal(twice.json().code, "records.review_closed");
  });

  test("J3: inventory against the register gives held / missing / unregistered (hand count)", async () => {
    const s1 = await series("I-1", "3y");
    const s2 = await series("I-2", "3y");
    await record(s1.id, "I-1-1", { quantity: 4 });
    await record(s1.id, "I-1-2", { quantity: 2 });
    await record(s2.id, "I-2-1", { quantity: 3 });
    // Register: I-1 = 6, I-2 = 3. Counted: I-1 = 5 (1 missing), I-2 = 4 (1 unregistered).
    const res = await call("POST", "/api/records/inventory-checks", {
      checkedOn: "2004-01-15",
      counts: [
        { seriesId: s1.id, counted: 5 },
        { seriesId: s2.id, counted: 4 },
      ],
      foundRefNos: ["I-1-1", "I-2-1", "I-2-9"],
    });
    assert.equal(res.statusCode, 201, res.body);
    const c = res.json();
    assert.equal(c.result, "discrepancies");
    assert.deepEqual(
      c.lines.map((l: Record<string, number>) => [
        l.registered,
        l.counted,
        l.held,
        l.missing,
        l.unregistered,
      ]),
      [
        [6, 5, 5, 1, 0],
        [3, 4, 3, 0, 1],
      ],
    );
    assert.deepEqual(c.items, { held: ["I-1-1", "I-2-1"], missing: ["I-1-2"], unregistered: ["I-2-9"] });
    const handler = await call(
      "POST",
      "/api/records/inventory-checks",
      { checkedOn: "2004-01-15", counts: [{ seriesId: s1.id, counted: 1 }] },
      "handler",
    );
    assert.equal(handler.statusCode, 403);
  });

  test("K5: holdings by class and medium as of 2003-12-31, every cell against a hand count, and the xlsx", async () => {
    // Fresh agency state is shared with earlier tests: count only this test's classes via a dedicated set
    // on a TW agency (B) that no other test touches.
    const post = (url: string, body: unknown) => call("POST", url, body, "records_manager", "b");
    const mk = async (code: string, cls: string, medium: string) => {
      const r = await post("/api/records/series", {
        unitId: t.b.unitId,
        code,
        title: code,
        retentionClass: cls,
        mediumDefault: medium,
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };
    const perm = await mk("K-P", "permanent", "paper_volume");
    const five = await mk("K-5", "5y", "electronic");
    const card = await mk("K-C", "permanent", "card");
    const rec = async (seriesId: string, refNo: string, quantity: number, producedOn: string) => {
      const r = await post("/api/records/items", {
        seriesId,
        refNo,
        title: refNo,
        producedOn,
        closedOn: producedOn,
        quantity,
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };
    await rec(perm, "K1", 3, "1999-01-01");
    await rec(perm, "K2", 2, "2003-12-31");
    await rec(perm, "K3", 9, "2004-01-01"); // after the date
    await rec(five, "K4", 7, "2002-01-01");
    const out = await rec(five, "K5", 5, "2002-01-01");
    await rec(card, "K6", 100, "1980-01-01");
    const archived = await rec(perm, "K7", 1, "2000-01-01");
    // K5 leaves the holdings on 2003-06-30 (transferred out); K7 goes to the agency's own archive (still held).
    assert.equal(
      (
        await post("/api/records/transfers", {
          recordIds: [out],
          transferredOn: "2003-06-30",
          destination: "external",
          archiveLocation: "국가기록원",
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (
        await post("/api/records/transfers", {
          recordIds: [archived],
          transferredOn: "2003-06-30",
          archiveLocation: "자료관",
        })
      ).statusCode,
      201,
    );
    const tbl = (
      await call("GET", "/api/records/stats/holdings?asOf=2003-12-31", undefined, "records_manager", "b")
    ).json();
    assert.deepEqual(tbl.classes, ["permanent", "30y", "20y", "10y", "5y", "3y", "1y"]);
    const zero = Object.fromEntries(tbl.classes.map((c: string) => [c, 0]));
    assert.deepEqual(tbl.cells, {
      paper_volume: { ...zero, permanent: 6 },
      card: { ...zero, permanent: 100 },
      drawing: zero,
      electronic: { ...zero, "5y": 7 },
      photo: zero,
      film: zero,
      tape: zero,
    });
    assert.equal(tbl.total, 113);
    assert.equal(tbl.colTotals.permanent, 106);
    // Before the transfer out, K5 (5 items) still counted.
    const earlier = (
      await call("GET", "/api/records/stats/holdings?asOf=2003-06-29", undefined, "records_manager", "b")
    ).json();
    assert.equal(earlier.cells.electronic["5y"], 12);
    const x = await call(
      "GET",
      "/api/records/stats/holdings.xlsx?asOf=2003-12-31",
      undefined,
      "records_manager",
      "b",
    );
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.equal(ws.getRow(3).getCell(2).value, 6, "paper volumes total");
    assert.equal(ws.getRow(3).getCell(3).value, 6, "paper volumes permanent");
    assert.equal(ws.getRow(10).getCell(2).value, 113, "grand total");
    assert.equal(
      (await call("GET", "/api/records/stats/holdings", undefined, "handler", "b")).statusCode,
      403,
    );
  });

  test("J2: a register file references a records-schedule series of its own agency only", async () => {
    const s = await series("F-1", "10y");
    const ok = await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, { name: "기록 연계 파일", recordsSeriesId: s.id, recordsClassCode: "10y" }),
      "privacy_officer",
    );
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().recordsSeriesId, s.id);
    const bSeries = (
      await t.tdb.query<{ id: string }>("SELECT id FROM record_series WHERE agency_id = $1 LIMIT 1", [t.b.id])
    )[0];
    const bad = await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, { name: "남의 분류 파일", recordsSeriesId: bSeries.id }),
      "privacy_officer",
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /recordsSeriesId/);
  });

  test("J2: the register file form round-trips its records series (create, show, change, clear)", async () => {
    const s1 = await series("F-2", "5y");
    const s2 = await series("F-3", "3y", "electronic");
    const created = await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, { name: "분류 왕복 파일", recordsSeriesId: s1.id }),
      "privacy_officer",
    );
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    const show = async () => {
      const res = await call("GET", `/api/registry/files/${id}`, undefined, "privacy_officer");
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as {
        version: number;
        recordsSeriesId: string | null;
        recordsSeries: { id: string; code: string; title: string; retentionClass: string } | null;
      };
    };
    let f = await show();
    assert.equal(f.recordsSeriesId, s1.id);
    assert.deepEqual(f.recordsSeries, { id: s1.id, code: "F-2", title: "F-2 철", retentionClass: "5y" });
    // The form sends only the changed field with the version and a reason.
    const change = await call(
      "PATCH",
      `/api/registry/files/${id}`,
      { recordsSeriesId: s2.id, version: f.version, reason: "기록물 분류 변경" },
      "privacy_officer",
    );
    assert.equal(change.statusCode, 200, change.body);
    f = await show();
    assert.equal(f.recordsSeries?.code, "F-3");
    // A foreign series is refused on change too, and the file keeps its series.
    const bSeries = (
      await t.tdb.query<{ id: string }>("SELECT id FROM record_series WHERE agency_id = $1 LIMIT 1", [t.b.id])
    )[0];
    const bad = await call(
      "PATCH",
      `/api/registry/files/${id}`,
      { recordsSeriesId: bSeries.id, version: f.version, reason: "x" },
      "privacy_officer",
    );
    assert.equal(bad.statusCode, 400);
    assert.equal((await show()).recordsSeries?.code, "F-3");
    const clear = await call(
      "PATCH",
      `/api/registry/files/${id}`,
      { recordsSeriesId: null, version: f.version, reason: "분류 해제" },
      "privacy_officer",
    );
    assert.equal(clear.statusCode, 200, clear.body);
    f = await show();
    assert.equal(f.recordsSeriesId, null);
    assert.equal(f.recordsSeries, null);
  });
});
