import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { computeDeadline } from "@civicpims/core/calendar/index";
import { checkEntry, checkSettings, expandDates, isDateKey, toEngineOverrides } from "./override-rules";

describe("calendar override rules (pure)", () => {
  test("ranges expand day by day across month and year ends; bad dates are caught", () => {
    assert.deepEqual(expandDates("2026-12-30", "2027-01-02"), [
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
    assert.deepEqual(expandDates("2024-02-28", "2024-03-01"), ["2024-02-28", "2024-02-29", "2024-03-01"]);
    assert.equal(isDateKey("2026-02-30"), false);
    assert.equal(isDateKey("2026-2-3"), false);
    assert.equal(isDateKey("2026-02-28"), true);
  });

  test("C7: entries become the engine's lists (closure and temporary holiday both close the office)", () => {
    const o = toEngineOverrides(
      [
        { kind: "closure", dateFrom: "2026-09-28", dateTo: "2026-09-29", reason: "颱風停止上班" },
        { kind: "holiday", dateFrom: "2026-06-03", dateTo: "2026-06-03", reason: "제9회 전국동시지방선거" },
        { kind: "workday", dateFrom: "2026-02-07", dateTo: "2026-02-07", reason: "補行上班" },
        { kind: "removal", dateFrom: "2026-05-01", dateTo: "2026-05-01", reason: "works on Labour Day" },
      ],
      { officeHours: null, rules: { pipa_access: { counting: "kr_petition_19" } } },
    );
    assert.deepEqual(
      o.closures?.map((c) => c.date),
      ["2026-09-28", "2026-09-29", "2026-06-03"],
    );
    assert.equal(o.workdays?.[0].reason, "補行上班");
    assert.equal(o.removals?.[0].date, "2026-05-01");
    assert.equal(o.officeHours, undefined);
    assert.equal(o.rules?.pipa_access.counting, "kr_petition_19");
    // The engine takes it as is: a TW access request whose last day is closed ends a working day later.
    const r = computeDeadline({
      jurisdiction: "TW",
      kind: "tw_pdpa_access",
      received: "2026-09-13T10:00",
      overrides: o,
    });
    assert.equal(r.due, "2026-09-30T23:59:59+08:00");
  });

  test("entries: overlap, long ranges, removals off holidays and workdays on working days are refused", () => {
    const others = [
      { id: "x", kind: "closure" as const, dateFrom: "2026-03-10", dateTo: "2026-03-12", reason: "r" },
    ];
    const base = { kind: "closure" as const, reason: "r" };
    assert.equal(
      checkEntry({ ...base, dateFrom: "2026-03-12", dateTo: "2026-03-13" }, others, "KR", "Asia/Seoul")?.code,
      "overlap",
    );
    assert.equal(
      checkEntry({ ...base, dateFrom: "2026-03-13", dateTo: "2026-03-13" }, others, "KR", "Asia/Seoul"),
      null,
    );
    assert.equal(
      checkEntry({ ...base, dateFrom: "2026-03-01", dateTo: "2026-04-15" }, [], "KR", "Asia/Seoul")?.code,
      "range_too_long",
    );
    assert.equal(
      checkEntry({ ...base, dateFrom: "2026-03-05", dateTo: "2026-03-04" }, [], "KR", "Asia/Seoul")?.code,
      "bad_range",
    );
    // 2026-03-02 is the KR substitute holiday for 1 March; 2026-03-03 is an ordinary Tuesday.
    assert.equal(
      checkEntry(
        { kind: "removal", dateFrom: "2026-03-02", dateTo: "2026-03-02", reason: "r" },
        [],
        "KR",
        "Asia/Seoul",
      ),
      null,
    );
    assert.equal(
      checkEntry(
        { kind: "removal", dateFrom: "2026-03-03", dateTo: "2026-03-03", reason: "r" },
        [],
        "KR",
        "Asia/Seoul",
      )?.code,
      "not_a_holiday",
    );
    assert.equal(
      checkEntry(
        { kind: "workday", dateFrom: "2026-03-07", dateTo: "2026-03-07", reason: "r" },
        [],
        "TW",
        "Asia/Taipei",
      ),
      null,
    );
    assert.equal(
      checkEntry(
        { kind: "workday", dateFrom: "2026-03-09", dateTo: "2026-03-09", reason: "r" },
        [],
        "TW",
        "Asia/Taipei",
      )?.code,
      "already_working",
    );
  });

  test("settings: the engine schema, office hours that compile, known kinds, counting of the jurisdiction", () => {
    assert.equal(
      checkSettings("KR", { rules: { pipa_access: { counting: "kr_petition_19", reason: "via 민원" } } }).ok,
      true,
    );
    const unknown = checkSettings("KR", { rules: { tw_foi: { days: 3 } } });
    assert.equal(!unknown.ok && unknown.problem.code, "unknown_kind");
    const foreign = checkSettings("TW", { rules: { tw_foi: { counting: "kr_civil_act" } } });
    assert.equal(!foreign.ok && foreign.problem.code, "counting_not_for_jurisdiction");
    const shape = checkSettings("KR", { officeHours: { open: "9:00", close: "18:00" } });
    assert.equal(!shape.ok && shape.problem.code, "invalid_settings");
    const extra = checkSettings("KR", { closures: [] });
    assert.equal(!extra.ok && extra.problem.code, "invalid_settings");
    const hours = checkSettings("KR", { officeHours: { open: "09:00", close: "09:30" } });
    assert.equal(!hours.ok && hours.problem.code, "invalid_office_hours");
    const breaks = checkSettings("KR", {
      officeHours: { open: "09:00", close: "18:00", breaks: [{ from: "19:00", to: "20:00" }] },
    });
    assert.equal(!breaks.ok && breaks.problem.code, "invalid_office_hours");
  });
});
