import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assertPublishable,
  k2Table,
  k4IssuanceTable,
  k6Table,
  lookupOf,
  NotPublishableError,
  onTimeRate,
  periodRange,
  previousYear,
  quarterOf,
  quarterRange,
  SEED_003_PETITION_TYPES,
  yearRange,
} from "./index";

const SEOUL = "Asia/Seoul";
const TAIPEI = "Asia/Taipei";

test("K2: quarters and years start at local midnight in the agency's time zone (Seoul UTC+9, Taipei UTC+8)", () => {
  assert.deepEqual(quarterRange(2025, 2, SEOUL), {
    from: Date.parse("2025-03-31T15:00:00Z"),
    to: Date.parse("2025-06-30T15:00:00Z"),
  });
  assert.deepEqual(yearRange(2025, TAIPEI), {
    from: Date.parse("2024-12-31T16:00:00Z"),
    to: Date.parse("2025-12-31T16:00:00Z"),
  });
  assert.deepEqual(quarterRange(2025, 4, SEOUL), {
    from: Date.parse("2025-09-30T15:00:00Z"),
    to: Date.parse("2025-12-31T15:00:00Z"),
  });
  assert.deepEqual(periodRange({ year: 2026 }, SEOUL), yearRange(2026, SEOUL));
  assert.deepEqual(previousYear({ year: 2026, quarter: 1 }), { year: 2025, quarter: 1 });
  assert.deepEqual(previousYear({ year: 2026 }), { year: 2025 });
  // 31 December 2025 23:30 in Seoul is 14:30 UTC: still Q4 2025; 1 January 00:30 Seoul is Q1 2026.
  assert.deepEqual(quarterOf(Date.parse("2025-12-31T14:30:00Z"), SEOUL), { year: 2025, quarter: 4 });
  assert.deepEqual(quarterOf(Date.parse("2025-12-31T15:30:00Z"), SEOUL), { year: 2026, quarter: 1 });
  assert.throws(() => periodRange({ year: 2025, quarter: 5 as 1 }, SEOUL), RangeError);
  assert.throws(() => periodRange({ year: 20250 }, SEOUL), RangeError);
});

test("K2: on-time rate is on time / due to three decimals, null when nothing was due", () => {
  assert.equal(onTimeRate(2, 3), 0.667);
  assert.equal(onTimeRate(0, 4), 0);
  assert.equal(onTimeRate(0, 0), null);
});

test("K2: issuance by channel per quarter reproduces the seed's 2003 FAX row (31,481 = 7,787 + 8,744 + 7,644 + 7,306)", () => {
  const fax = [7787, 8744, 7644, 7306].map((n, i) => ({
    channel: "fax",
    quarter: (i + 1) as 1,
    n,
    due: n,
    onTime: n,
  }));
  const t = k2Table([...fax, { channel: "visit", quarter: 1, n: 2, due: 2, onTime: 1 }]);
  assert.deepEqual(
    t.rows.map((r) => [r.id, ...r.cells]),
    [
      ["fax", 7787, 8744, 7644, 7306, 31481, 1],
      ["kiosk", 0, 0, 0, 0, 0, null],
      ["online", 0, 0, 0, 0, 0, null],
      ["counter", 2, 0, 0, 0, 2, 0.5],
      ["other", 0, 0, 0, 0, 0, null],
      // 31,482 on time of 31,483 due = 0.99997 -> 1.000
      ["total", 7789, 8744, 7644, 7306, 31483, 1],
    ],
  );
});

test("K4: kiosk issuance year on year from the seed (5,660 vs 4,972: +688; the seed prints 690)", () => {
  const t = k4IssuanceTable(
    [
      { previous: true, channel: "kiosk", n: 4972 },
      { previous: false, channel: "kiosk", n: 5660 },
      { previous: false, channel: "online", n: 1488 },
    ],
    { year: 2003 },
    { year: 2002 },
  );
  assert.deepEqual(
    t.rows.map((r) => [r.id, ...r.cells]),
    [
      ["kiosk", 4972, 5660, 688],
      ["online", 0, 1488, 1488],
      ["total", 4972, 7148, 2176],
    ],
  );
});

test("K6: the seed's 2003 disclosure row: 173 received, 167 processed as 118/19/30, 6 withdrawn", () => {
  const t = k6Table(
    [
      { outcome: "granted", n: 118, due: 118, onTime: 118 },
      { outcome: "partly", n: 19, due: 19, onTime: 19 },
      { outcome: "refused", n: 30, due: 30, onTime: 29 },
      { outcome: "withdrawn", n: 6, due: 0, onTime: 0 },
    ],
    { year: 2003 },
  );
  assert.deepEqual(
    t.columns.map((c) => c.id),
    [
      "received",
      "processed",
      "granted",
      "partly",
      "refused",
      "withdrawn",
      "transferred",
      "notHeld",
      "pending",
      "onTimeRate",
    ],
  );
  // 166 of 167 on time = 0.99401 -> 0.994
  assert.deepEqual(t.rows[0].cells, [173, 167, 118, 19, 30, 6, 0, 0, 0, 0.994]);
  assert.equal(t.rows[0].id, "2003");
});

test("K9: a published table holds only codes, catalogue labels and numbers", () => {
  const lookup = lookupOf(SEED_003_PETITION_TYPES);
  const texts = new Set(SEED_003_PETITION_TYPES.flatMap((x) => Object.values(x.label)));
  const ok = k6Table([{ outcome: "granted", n: 1, due: 1, onTime: 1 }], { year: 2025 });
  assertPublishable(ok, texts);
  assert.ok(lookup.size > 0);
  const withName = structuredClone(ok);
  withName.rows[0].label = { text: { ko: "홍길동", "zh-TW": "홍길동", en: "Hong Gildong" } };
  assert.throws(() => assertPublishable(withName, texts), NotPublishableError);
  const withText = structuredClone(ok);
  (withText.rows[0].cells as unknown[])[0] = "010-1234-5678";
  assert.throws(() => assertPublishable(withText, texts), NotPublishableError);
  const withId = structuredClone(ok);
  withId.rows[0].id = "hong gildong@example.org";
  assert.throws(() => assertPublishable(withId, texts), NotPublishableError);
});
