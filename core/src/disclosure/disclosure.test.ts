import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assertNoPendingThirdParty,
  checkDecision,
  computeDisclosureFees,
  DisclosureRuleViolation,
  krCitizenSchema,
  remedyDues,
  twCitizenSchema,
} from "./index";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DisclosureRuleViolation ? e.code : String(e);
  }
  return "passed";
};
const seoulDate = (ms: number) => new Date(ms).toLocaleDateString("en-CA", { timeZone: "Asia/Seoul" });
const taipeiDate = (ms: number) => new Date(ms).toLocaleDateString("en-CA", { timeZone: "Asia/Taipei" });

test("J1: partial and non-disclosure need a ground of the pack; full and not held cite none", () => {
  assert.equal(
    code(() => checkDecision("KR", { outcome: "partial", groundCodes: [] })),
    "ground_required",
  );
  assert.equal(
    code(() => checkDecision("KR", { outcome: "non_disclosure", groundCodes: [] })),
    "ground_required",
  );
  assert.equal(
    code(() => checkDecision("KR", { outcome: "full", groundCodes: ["art9-1-6"] })),
    "grounds_not_allowed",
  );
  assert.equal(
    code(() => checkDecision("KR", { outcome: "not_held", groundCodes: [] })),
    "note_required",
  );
  assert.equal(
    code(() => checkDecision("KR", { outcome: "partial", groundCodes: ["art18-1-6"] })),
    "unknown_ground",
  );
  const g = checkDecision("KR", { outcome: "partial", groundCodes: ["art9-1-6", "art9-1-7"] });
  assert.deepEqual(
    g.map((e) => [e.article, e.attributes?.short]),
    [
      ["공공기관의 정보공개에 관한 법률 제9조제1항제6호", "9①6"],
      ["공공기관의 정보공개에 관한 법률 제9조제1항제7호", "9①7"],
    ],
  );
  const t = checkDecision("TW", { outcome: "non_disclosure", groundCodes: ["art18-1-6"] });
  assert.equal(t[0].attributes?.short, "18Ⅰ6");
});

test("J1/J4: a decision waits for an outstanding third-party opinion (KR §11③, TW §12②)", () => {
  const now = Date.parse("2026-03-25T01:00:00Z");
  const open = { id: "a", notifiedAt: now - 86_400_000, responseDueAt: now + 86_400_000, opinion: null };
  assert.equal(
    code(() => assertNoPendingThirdParty([open], now)),
    "third_party_pending",
  );
  assert.equal(
    code(() => assertNoPendingThirdParty([{ ...open, opinion: "object" }], now)),
    "passed",
  );
  assert.equal(
    code(() => assertNoPendingThirdParty([{ ...open, responseDueAt: now - 1 }], now)),
    "passed",
  );
});

test("J1: remedy due dates after a KR notice on Mon 2026-03-23 (hand-counted, Civil Act §157, §161)", () => {
  const notified = Date.parse("2026-03-23T10:00:00+09:00");
  const d = remedyDues("KR", notified, "Asia/Seoul");
  // 30 days from 03-24 -> Wed 04-22; 90 days -> Sun 06-21, moved to Mon 06-22.
  assert.deepEqual(
    d.map((r) => [r.code, seoulDate(r.dueMs)]),
    [
      ["objection", "2026-04-22"],
      ["admin_appeal", "2026-06-22"],
      ["admin_litigation", "2026-06-22"],
    ],
  );
});

test("J4: TW 訴願 30 days after a notice on Mon 2026-03-23 (APA Art 48) -> Wed 04-22", () => {
  const d = remedyDues("TW", Date.parse("2026-03-23T10:00:00+08:00"), "Asia/Taipei");
  assert.deepEqual(
    d.map((r) => [r.code, taipeiDate(r.dueMs)]),
    [["appeal", "2026-04-22"]],
  );
});

test("J1/J4: the request forms of each country", () => {
  const kr = {
    requester: { name: "홍길동", birthDate: "1980-01-02", address: "한빛시 1", phone: "010-0000-0000" },
    content: "2025년 도로 보수 공사 계약서",
    methods: ["copy"],
    receipt: "email",
  };
  assert.ok(krCitizenSchema.safeParse(kr).success);
  const noId = { ...kr, requester: { ...kr.requester, birthDate: undefined } };
  assert.equal(krCitizenSchema.safeParse(noId).success, false);
  assert.equal(krCitizenSchema.safeParse({ ...kr, methods: ["fly"] }).success, false);
  const tw = {
    requester: { name: "王小明", idNumber: "A123456789", address: "臺北市1號", phone: "02-0000-0000" },
    content: "114年度道路維修契約",
    itemCount: 2,
    purpose: "學術研究",
    methods: ["copy"],
    receipt: "post",
  };
  assert.ok(twCitizenSchema.safeParse(tw).success);
  assert.equal(twCitizenSchema.safeParse({ ...tw, purpose: "" }).success, false);
});

test("J1: fees from the table (KR 3 pages: 250 + 2 x 50), waiver sets the due to 0", () => {
  const f = computeDisclosureFees(
    "KR",
    [
      { code: "copy_a4", quantity: 1 },
      { code: "copy_a4_more", quantity: 2 },
    ],
    false,
  );
  assert.equal(f.total, 350);
  assert.equal(computeDisclosureFees("KR", [{ code: "copy_a4", quantity: 1 }], true).due, 0);
  assert.equal(
    code(() => computeDisclosureFees("TW", [{ code: "nope", quantity: 1 }], false)),
    "unknown_fee",
  );
});
