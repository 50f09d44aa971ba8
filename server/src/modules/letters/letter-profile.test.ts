// Issue 11 item 4 (letters): the agency profile fields letters need, the KR 보완 letter from the completion
// notice, the TW ROC-year 發文字號, and the refusal to issue a letter that would lack a required field.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sampleLetterData } from "@civicpims/core/letters/index";
import * as mupdf from "mupdf";
import { createTestApp, type TestApp } from "../../test-support/app";
import { generateLetter } from "./letters.service";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const squash = (s: string) => s.replace(/\s+/g, "");
function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let text = "";
  for (let i = 0; i < doc.countPages(); i++)
    text += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return squash(text);
}

async function call(
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: unknown,
  w: "a" | "b" = "a",
  locale?: string,
) {
  return t.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { ...(await t.as("privacy_officer", w)), ...(locale ? { "x-locale": locale } : {}) },
  });
}

const letterCount = async (agencyId: string) =>
  (
    await t.tdb.query<{ n: number }>("SELECT count(*)::int AS n FROM letters WHERE agency_id = $1", [
      agencyId,
    ])
  )[0].n;

describe("letters: agency profile and required fields (issue 11 item 4)", () => {
  test("A1: the letter profile fields (head of agency, appeal body, TW 字) round-trip through the API", async () => {
    const patch = {
      headTitle: "區長",
      headName: "陳測試",
      appealBody: "測試市政府",
      docNumberPrefix: "測區秘",
      fax: "(07)000-1001",
    };
    const res = await call("PATCH", "/api/org/agency", patch, "b");
    assert.equal(res.statusCode, 200, res.body);
    const got = (await call("GET", "/api/org/agency", undefined, "b")).json();
    for (const [k, v] of Object.entries(patch)) assert.equal(got[k], v, k);
    const bad = await call("PATCH", "/api/org/agency", { docNumberPrefix: "測 區!" }, "b");
    assert.equal(bad.statusCode, 400, bad.body);
    const again = (await call("GET", "/api/org/agency", undefined, "b")).json();
    assert.equal(again.docNumberPrefix, "測區秘");
  });

  test("TW 發文字號 in the ROC-year form: 2031 -> 120, serials of 7 digits in order", async () => {
    const make = () =>
      t.deps.database.db.transaction((tx) =>
        generateLetter(tx, t.deps, {
          agencyId: t.b.id,
          kind: "tw_refusal",
          locale: "zh-TW",
          data: sampleLetterData("TW", "tw_refusal") as Record<string, unknown>,
          issuedAt: new Date("2031-01-10T02:00:00Z"),
        }),
      );
    const first = await make();
    const second = await make();
    assert.equal(first.number, "測區秘字第1200000001號");
    assert.equal(second.number, "測區秘字第1200000002號");
    const text = pdfText(first.pdf);
    for (const w of [
      "發文字號測區秘字第1200000001號",
      "發文日期中華民國120年1月10日",
      "速別普通件",
      "正本王小明君",
      "副本",
      "區長陳測試",
      "測試市政府",
    ])
      assert.ok(text.includes(w), w);
  });

  test("C6: a KR completion notice produces a numbered 보완 letter with what, by when, the officer and the head", async () => {
    const created = await call("POST", "/api/requests", {
      kind: "access",
      channel: "visit",
      requesterType: "self",
      requester: { name: "홍길동", email: "hong@example.kr", birthDate: "1980-05-05" },
      content: "민원 처리 기록 열람",
      targetDescription: "민원 처리 기록",
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().case.id as string;
    const before = await letterCount(t.a.id);
    const res = await call("POST", `/api/requests/${id}/completion-notice`, {
      missing: "위임장 원본",
      fixBy: "2030-03-04",
    });
    assert.equal(res.statusCode, 200, res.body);
    const letter = res.json().letter;
    assert.equal(letter.kind, "pipa_supplement_notice");
    assert.equal(await letterCount(t.a.id), before + 1);
    const pdf = await t.inject({
      method: "GET",
      url: `/api/letters/${letter.id}/pdf`,
      headers: await t.as("privacy_officer"),
    });
    assert.equal(pdf.statusCode, 200);
    const text = pdfText(pdf.rawPayload);
    for (const w of [
      "보완요청서",
      "보완할사항:위임장원본",
      "보완기한:2030.3.4.까지",
      "되돌려",
      "가상시장",
      "담당자privacy_officerofagency-a",
      "연락처000-0000-0000",
      "문서번호",
      "시행일",
    ])
      assert.ok(text.includes(w), w);
  });

  test("a letter the law requires the head of agency on is refused while the profile lacks it: localised, nothing numbered", async () => {
    const cleared = await call("PATCH", "/api/org/agency", { headTitle: null });
    assert.equal(cleared.statusCode, 200, cleared.body);
    const before = await letterCount(t.a.id);
    const payload = {
      kind: "pipa_access_deferral_refusal",
      locale: "ko",
      data: sampleLetterData("KR", "pipa_access_deferral_refusal"),
    };
    const ko = await call("POST", "/api/letters", payload, "a", "ko");
    assert.equal(ko.statusCode, 422, ko.body);
    assert.equal(ko.json().code, "letters.profile_incomplete");
    assert.ok(ko.json().message.includes("기관장 직위"), ko.json().message);
    assert.ok(ko.json().details.some((d: { profileField?: string }) => d.profileField === "headTitle"));
    const en = await call("POST", "/api/letters", payload, "a", "en");
    assert.ok(en.json().message.includes("Head of agency (title)"), en.json().message);
    assert.equal(await letterCount(t.a.id), before);
    await call("PATCH", "/api/org/agency", { headTitle: "가상시장" });

    // TW: no 字 for the 發文字號 -> the same refusal, in Chinese, naming the field.
    await call("PATCH", "/api/org/agency", { docNumberPrefix: null }, "b");
    const tw = await call(
      "POST",
      "/api/letters",
      { kind: "tw_refusal", locale: "zh-TW", data: sampleLetterData("TW", "tw_refusal") },
      "b",
      "zh-TW",
    );
    assert.equal(tw.statusCode, 422, tw.body);
    assert.equal(tw.json().code, "letters.profile_incomplete");
    assert.ok(tw.json().message.includes("發文字號字軌"), tw.json().message);
  });
});
