import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dayToKey, formatZoned, fromLocal, keyToDay, parseInstant, toLocal, weekday } from "./zoned";

describe("time-zone helpers (Intl only)", () => {
  test("day numbers round-trip with the civil calendar, 1900-2200", () => {
    for (let day = -25567; day < 84000; day += 37) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      assert.equal(dayToKey(day), iso);
      assert.equal(keyToDay(iso), day);
      assert.equal(weekday(day), new Date(day * 86_400_000).getUTCDay());
    }
  });

  test("formatZoned matches Intl for fixed, half-hour and DST zones", () => {
    const zones = ["Asia/Seoul", "Asia/Taipei", "Asia/Kolkata", "America/New_York", "Europe/London"];
    for (const tz of zones) {
      for (
        let t = Date.parse("2026-01-01T00:00:00Z");
        t < Date.parse("2027-01-01T00:00:00Z");
        t += 86_400_000 * 3 + 3_600_000 * 7
      ) {
        const s = formatZoned(t, tz);
        assert.equal(Date.parse(s), Math.floor(t / 1000) * 1000, `${tz} ${s}`);
        const local = new Intl.DateTimeFormat("en-CA", {
          timeZone: tz,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
        }).format(t);
        assert.equal(s.slice(0, 10), local, tz);
      }
    }
  });

  test("wall-clock parsing in the agency zone, across a DST change", () => {
    assert.equal(parseInstant("2026-03-23T10:00", "Asia/Seoul"), Date.parse("2026-03-23T01:00:00Z"));
    assert.equal(parseInstant("2026-03-08T12:00", "America/New_York"), Date.parse("2026-03-08T16:00:00Z"));
    assert.equal(parseInstant("2026-03-07T12:00", "America/New_York"), Date.parse("2026-03-07T17:00:00Z"));
    const t = fromLocal(keyToDay("2026-11-01"), 12 * 3_600_000, "America/New_York");
    assert.deepEqual(toLocal(t, "America/New_York"), {
      day: keyToDay("2026-11-01"),
      msOfDay: 12 * 3_600_000,
    });
    assert.throws(() => parseInstant("2026-13-01", "Asia/Seoul"), RangeError);
  });
});
