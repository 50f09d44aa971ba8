import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canonicalChannel,
  KR_PETITION_TYPES,
  PETITION_CHANNELS,
  PetitionTypeError,
  periodOf,
  similarityBand,
} from "./catalogue";

const byGroup = (g: string) => KR_PETITION_TYPES.filter((t) => t.group === g);

test("I1, I2: seed 003 groups — 7 유기한 types, 6 생활민원 types, certificates, instant counter items", () => {
  // 003 I-2-나 columns: 인허가 면허 승인 신고등록 진정이의 건의기타 검사.
  assert.deepEqual(
    byGroup("statutory").map((t) => t.names.ko),
    ["인허가", "면허", "승인", "신고·등록", "진정·이의", "건의·기타", "검사"],
  );
  // 003 I-2-다 columns: 건설 청소 환경 건축 교통 기타.
  assert.deepEqual(
    byGroup("life_report").map((t) => t.names.ko),
    ["건설민원", "청소민원", "환경민원", "건축민원", "교통민원", "기타 생활민원"],
  );
  assert.deepEqual(
    byGroup("instant").map((t) => t.names.ko),
    ["호적 등·초본", "신원조회 회보", "호적 제신고"],
  );
});

test("I2: periods — online certificates 4 hours (the seed's only stated period), the rest marked verify", () => {
  const online = KR_PETITION_TYPES.find((t) => t.code === "online_certificate");
  assert.deepEqual(online?.period, { hours: 4 });
  assert.equal(online?.verify, undefined);
  assert.deepEqual(KR_PETITION_TYPES.find((t) => t.code === "proposal")?.period, { days: 14 });
  assert.deepEqual(KR_PETITION_TYPES.find((t) => t.code === "grievance")?.period, { days: 7 });
  for (const t of KR_PETITION_TYPES) {
    assert.ok(t.citation.length > 0, t.code);
    if (t.code !== "online_certificate") assert.equal(t.verify, true, t.code);
  }
});

test("I2: a type without a period (or with both) is refused with period_missing / period_invalid", () => {
  assert.throws(
    () => periodOf({ code: "x", periodDays: null, periodHours: null }),
    (e) => e instanceof PetitionTypeError && e.code === "period_missing",
  );
  assert.throws(
    () => periodOf({ code: "x", periodDays: 3, periodHours: 4 }),
    (e) => e instanceof PetitionTypeError && e.code === "period_invalid",
  );
  assert.deepEqual(periodOf({ code: "x", periodDays: null, periodHours: 4 }), { hours: 4 });
});

test("I1: eight channels; rights-request visit/mail count as counter/post", () => {
  assert.deepEqual(
    [...PETITION_CHANNELS],
    ["counter", "post", "fax", "kiosk", "online", "phone", "email", "patrol"],
  );
  assert.equal(canonicalChannel("visit"), "counter");
  assert.equal(canonicalChannel("mail"), "post");
  assert.equal(canonicalChannel("fax"), "fax");
});

test("I1: similarity bands (0.3 pg_trgm default, 0.6 strong)", () => {
  assert.equal(similarityBand(0.29), null);
  assert.equal(similarityBand(0.3), "similar");
  assert.equal(similarityBand(0.6), "strong");
});
