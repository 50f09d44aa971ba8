import assert from "node:assert/strict";
import { test } from "node:test";
import { groundLabel, groundShort, identityErrors, maskName, needsGround, releaseIdsFor } from "./view";

test("J1: the requester's name is masked in the list (first and last kept)", () => {
  assert.equal(maskName("홍길동"), "홍*동");
  assert.equal(maskName("王小明"), "王*明");
  assert.equal(maskName("남궁민수"), "남**수");
  assert.equal(maskName("이산"), "이*");
  assert.equal(maskName("Jane Doe"), "J******e");
  assert.equal(maskName(""), "");
  assert.equal(maskName(null), "");
});

test("J1, J4: a ground is shown with its article, short citation and the name in the user's language", () => {
  const g = {
    code: "personal",
    names: { ko: "개인정보", "zh-TW": "個人隱私", en: "Personal information" },
    article: "§9①6",
    short: "9-1-6",
  };
  assert.equal(groundLabel(g, "ko"), "§9①6 9-1-6 — 개인정보");
  assert.equal(groundLabel(g, "zh-TW"), "§9①6 9-1-6 — 個人隱私");
  assert.equal(groundLabel({ ...g, short: null }, "en"), "§9①6 — Personal information");
  assert.equal(groundLabel({ code: "x", names: { en: "Other" } }, "ko"), "Other");
  assert.equal(groundShort({ code: "x", names: { en: "" }, article: "§18①1" }), "§18①1");
});

test("J1: partial and non-disclosure need a ground; full and not held do not", () => {
  assert.deepEqual(["full", "partial", "non_disclosure", "not_held"].map(needsGround), [
    false,
    true,
    true,
    false,
  ]);
});

test("J1: the KR form names both 생년월일 and 사업자등록번호 when neither is given; one is enough; TW is not asked", () => {
  const m = "생년월일 또는 사업자(법인·단체)등록번호 중 하나를 적으십시오";
  assert.deepEqual(identityErrors("KR", { birthDate: "", businessNumber: " " }, m), {
    birthDate: m,
    businessNumber: m,
  });
  assert.deepEqual(identityErrors("KR", { birthDate: "1980-05-17", businessNumber: "" }, m), {});
  assert.deepEqual(identityErrors("KR", { birthDate: "", businessNumber: "123-45-67890" }, m), {});
  assert.deepEqual(identityErrors("TW", { birthDate: "", businessNumber: "" }, m), {});
  // The portal form's input names.
  assert.deepEqual(
    identityErrors("KR", {}, m, {
      birthDate: "requester.birthDate",
      businessNumber: "requester.businessNumber",
    }),
    { "requester.birthDate": m, "requester.businessNumber": m },
  );
});

test("J1: a partial decision releases the ticked redacted files, as a full one does; refusals release none", () => {
  const files = [{ id: "a" }, { id: "b" }, { id: "c" }];
  const ticked = (id: string) => id === "b";
  assert.deepEqual(releaseIdsFor("partial", files, ticked), ["b"]);
  assert.deepEqual(releaseIdsFor("full", files, ticked), ["b"]);
  assert.equal(releaseIdsFor("non_disclosure", files, ticked), undefined);
  assert.equal(releaseIdsFor("not_held", files, ticked), undefined);
});
