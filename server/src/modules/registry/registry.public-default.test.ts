import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, krFile } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

const publicNames = async () =>
  ((await call("GET", `/api/public/registry/${t.a.code}/files`)).json().files as Array<{ name: string }>).map(
    (f) => f.name,
  );

describe("B1/B9 (issue 11 item 3): files are published only by an explicit choice", () => {
  test("B9: a file created without saying otherwise is not public and not on the portal list", async () => {
    const { isPublic: _omit, publishedOn: _p, ...body } = krFile(t.a.unitId, { name: "기본 비공개 파일" });
    const res = await call("POST", "/api/registry/files", body);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().isPublic, false);
    assert.equal(res.json().exemptionReason, null, "not yet published is not an exemption");
    assert.ok(!(await publicNames()).includes("기본 비공개 파일"));
  });

  test("B9: the public preview shows the entry as the portal list will (names, not codes), before publishing", async () => {
    const { isPublic: _omit, publishedOn: _p, ...body } = krFile(t.a.unitId, { name: "미리보기 파일" });
    const f = (await call("POST", "/api/registry/files", body)).json();
    const res = await call("GET", `/api/registry/files/${f.id}/public-preview`, undefined, "a", "handler", {
      "x-locale": "en",
    });
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.isPublic, false);
    assert.equal(p.jurisdiction, "KR");
    assert.equal(p.entry.name, "미리보기 파일");
    assert.equal(p.entry.retentionPeriod, "5년");
    // krFile's legal basis art15-1-3: PIPA §15(1)3, "unavoidable for a public agency's duties under law".
    assert.equal(p.entry.legalBasis.codes[0].code, "art15-1-3");
    assert.match(p.entry.legalBasis.codes[0].name, /public|duties|law/i);
    assert.equal(p.entry.legalBasis.text, "민원 처리에 관한 법률 제8조");
    // Nothing staff-only leaks into what would be published.
    assert.equal(p.entry.managingStaffName, undefined);
    assert.equal(p.entry.notes, undefined);
    assert.ok(!(await publicNames()).includes("미리보기 파일"), "previewing publishes nothing");
  });

  test("B9: withdrawing a published file needs the exemption reason; publishing needs none", async () => {
    const f = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "철회 파일" }))).json();
    assert.equal(f.isPublic, true, "an explicit isPublic: true is honoured");
    const withdraw = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: f.version,
      reason: "비공개 전환",
      isPublic: false,
    });
    assert.equal(withdraw.statusCode, 400, withdraw.body);
    assert.deepEqual(
      withdraw.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
      ["exemptionReason:exemption_required"],
    );
    const ok = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: f.version,
      reason: "비공개 전환",
      isPublic: false,
      exemptionReason: "개인정보 보호법 제32조제2항",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const again = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: ok.json().version,
      reason: "재공개",
      isPublic: true,
      exemptionReason: null,
    });
    assert.equal(again.statusCode, 200, again.body);
    assert.ok((await publicNames()).includes("철회 파일"));
  });

  test("B9: the preview of another agency's file is not found", async () => {
    const f = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "남의 파일" }))).json();
    const res = await call("GET", `/api/registry/files/${f.id}/public-preview`, undefined, "b");
    assert.equal(res.statusCode, 404);
  });
});
