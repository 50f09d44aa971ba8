import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { guardArchive } from "../modules/redaction/archive.service";
import { createTestApp, type TestApp } from "../test-support/app";
import { DEMO_ARCHIVE_DOC, demoArchivePdf, seedArchiveDemo } from "./archive-seed";
import { findAgencyByCode, seedDemo } from "./seed";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test("J1/J3: the demo opts both agencies into the public archive and publishes one clean document for hanbit-city", async () => {
  await seedDemo(t.deps, { password: "Demo#Password-2026" });
  const hanbit = await findAgencyByCode(t.deps, "hanbit-city");
  const qingshan = await findAgencyByCode(t.deps, "qingshan-district");
  assert.ok(hanbit && qingshan);
  const ids = { "hanbit-city": hanbit.id, "qingshan-district": qingshan.id };
  // Second run: nothing new (idempotent).
  assert.equal(await seedArchiveDemo(t.deps, ids), 0);
  const settings = await t.tdb.query<{ code: string; enabled: boolean }>(
    `SELECT a.code, s.enabled FROM archive_settings s JOIN agencies a ON a.id = s.agency_id ORDER BY a.code`,
  );
  assert.deepEqual(
    settings.map((r) => ({ ...r })),
    [
      { code: "hanbit-city", enabled: true },
      { code: "qingshan-district", enabled: true },
    ],
  );

  // The portal shows the one document with its unit (demo-data.ts: admin-support is 행정지원과).
  const res = await t.inject({
    method: "GET",
    url: `/api/portal/hanbit-city/archive?q=${encodeURIComponent("정보공개심의회")}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.total, 1);
  assert.equal(body.items[0].title, "2025년 제1회 정보공개심의회 회의록 (공개본)");
  assert.equal(body.items[0].documentDate, "2025-03-14");
  assert.equal(body.items[0].unit, "행정지원과");
  const file = await t.inject({
    method: "GET",
    url: `/api/portal/hanbit-city/archive/${body.items[0].id}/file`,
  });
  assert.equal(file.statusCode, 200);
  assert.equal(file.rawPayload.subarray(0, 5).toString(), "%PDF-");

  // The Taiwanese agency is opted in with an empty archive (200, not 404).
  const tw = await t.inject({ method: "GET", url: "/api/portal/qingshan-district/archive" });
  assert.equal(tw.statusCode, 200, tw.body);
  assert.equal(tw.json().total, 0);

  // The demo document passes the PII publication guard as it is (no throw).
  await guardArchive(
    t.deps.database.db,
    t.deps,
    hanbit.id,
    { filename: DEMO_ARCHIVE_DOC.filename, data: await demoArchivePdf() },
    {
      title: DEMO_ARCHIVE_DOC.title,
      summary: DEMO_ARCHIVE_DOC.summary,
      documentDate: DEMO_ARCHIVE_DOC.documentDate,
    },
    { id: null, label: "test" },
  );
});
