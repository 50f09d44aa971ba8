import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addMonths, monthWeeks, moveByKey } from "./grid";

describe("calendar year grid", () => {
  test("months start on the right weekday and cover every day", () => {
    const mar = monthWeeks(2026, 3); // 2026-03-01 is a Sunday
    assert.equal(mar[0][0], "2026-03-01");
    const feb = monthWeeks(2026, 2); // 2026-02-01 is a Sunday, 28 days
    assert.equal(feb.length, 4);
    const jul = monthWeeks(2026, 7); // 2026-07-01 is a Wednesday
    assert.deepEqual(jul[0].slice(0, 4), [null, null, null, "2026-07-01"]);
    for (let m = 1; m <= 12; m++) {
      const days = monthWeeks(2024, m).flat().filter(Boolean);
      assert.equal(days.length, new Date(Date.UTC(2024, m, 0)).getUTCDate());
      assert.ok(monthWeeks(2024, m).every((w) => w.length === 7));
    }
  });

  test("keyboard moves: days, weeks, week ends, months (clamped)", () => {
    assert.equal(moveByKey("ArrowRight", "2026-12-31"), "2027-01-01");
    assert.equal(moveByKey("ArrowUp", "2026-03-05"), "2026-02-26");
    assert.equal(moveByKey("Home", "2026-03-18"), "2026-03-15");
    assert.equal(moveByKey("End", "2026-03-18"), "2026-03-21");
    assert.equal(moveByKey("PageDown", "2026-01-31"), "2026-02-28");
    assert.equal(addMonths("2024-03-31", -1), "2024-02-29");
    assert.equal(moveByKey("a", "2026-03-18"), null);
  });
});
