import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ComputeDeadlineInput, computeDeadline, DeadlineError } from "./index";

const due = (i: ComputeDeadlineInput) => computeDeadline(i).due;
const steps = (i: ComputeDeadlineInput, step: string) =>
  computeDeadline(i).explanation.filter((s) => s.step === step);

function assertDeadlineError(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof DeadlineError && e.code === code);
}

describe("KR Civil Act counting (PIPA requests)", () => {
  test("C7: deadlines.md example: received Mon 2026-03-23, 10 days -> end of Thu 2026-04-02", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "pipa_access", received: "2026-03-23T10:00" }),
      "2026-04-02T23:59:59+09:00",
    );
  });

  test("C7: a UTC instant is counted on its Seoul date", () => {
    // 2026-03-22T16:00Z is already Monday 01:00 in Seoul.
    assert.equal(
      due({ jurisdiction: "KR", kind: "pipa_access", received: "2026-03-22T16:00:00Z" }),
      "2026-04-02T23:59:59+09:00",
    );
  });

  test("C7: receipt on a Friday evening; last day on a substitute holiday moves to the next day", () => {
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "pipa_correction",
      received: "2026-08-07T20:30:00+09:00",
    });
    assert.equal(r.due, "2026-08-18T23:59:59+09:00");
    const shift = r.explanation.find((s) => s.step === "shift");
    assert.equal(shift?.date, "2026-08-17");
    assert.match(shift?.detail ?? "", /광복절 \(대체공휴일\)/);
  });

  test("C7: Chuseok 2025, its substitute day and 한글날 all push the end", () => {
    const r = computeDeadline({ jurisdiction: "KR", kind: "pipa_access", received: "2025-09-26T10:00" });
    assert.equal(r.due, "2025-10-10T23:59:59+09:00");
    assert.deepEqual(
      r.explanation.filter((s) => s.step === "shift").map((s) => s.date),
      ["2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09"],
    );
  });

  test("C7: KR 2026-06-03 local election day moves a last day", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "pipa_suspension", received: "2026-05-24T11:00" }),
      "2026-06-04T23:59:59+09:00",
    );
  });

  test("C7: receipt at exactly 00:00 counts the first day (Civil Act §157 proviso)", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "pipa_access", received: "2026-03-23T00:00" }),
      "2026-04-01T23:59:59+09:00",
    );
  });

  test("C7: a pause (waiting for the requester) adds the stopped days", () => {
    const base = { jurisdiction: "KR", kind: "pipa_access", received: "2026-03-23T10:00" } as const;
    const r = computeDeadline({ ...base, pauses: [{ from: "2026-03-25T10:00", to: "2026-03-27T15:00" }] });
    // 2 stopped days -> last day Sat 04-04 -> Sun -> Mon 04-06.
    assert.equal(r.due, "2026-04-06T23:59:59+09:00");
    assert.equal(r.explanation.filter((s) => s.step === "pause").length, 1);
  });

  test("C7: agency override runs PIPA access through Civil Petitions Act §19 counting", () => {
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "pipa_access",
      received: "2026-03-23T10:00",
      overrides: {
        rules: { pipa_access: { counting: "kr_petition_19", reason: "handled in the petition system" } },
      },
    });
    assert.equal(r.due, "2026-04-03T23:59:59+09:00");
    assert.ok(r.explanation.some((s) => s.step === "override"));
  });

  test("PIPA correction has no extension; PIPA access deferral needs a length", () => {
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "KR",
          kind: "pipa_correction",
          received: "2026-03-23",
          extended: true,
        }),
      "EXTENSION_NOT_ALLOWED",
    );
    assertDeadlineError(
      () =>
        computeDeadline({ jurisdiction: "KR", kind: "pipa_access", received: "2026-03-23", extended: true }),
      "BAD_INPUT",
    );
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "pipa_access",
      received: "2026-03-23T10:00",
      extended: { days: 5 },
    });
    assert.equal(r.due, "2026-04-07T23:59:59+09:00");
    assert.equal(r.verify, true);
  });
});

describe("KR Civil Petitions Act §19 (minwon, disclosure)", () => {
  test("I2: 3 working hours ('즉시') from a receipt before office hours start at 09:00", () => {
    const r = computeDeadline({ jurisdiction: "KR", kind: "minwon", hours: 3, received: "2026-03-24T07:30" });
    assert.equal(r.due, "2026-03-24T12:00:00+09:00");
    assert.equal(
      steps({ jurisdiction: "KR", kind: "minwon", hours: 3, received: "2026-03-24T07:30" }, "start")[0]?.date,
      "2026-03-24T09:00:00+09:00",
    );
  });

  test("I2: receipt during lunch starts at 13:00", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "minwon", hours: 3, received: "2026-03-24T12:20" }),
      "2026-03-24T16:00:00+09:00",
    );
  });

  test("I2: receipt on a Friday evening: hours start on Monday morning", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "minwon", hours: 3, received: "2026-08-07T19:00" }),
      "2026-08-10T12:00:00+09:00",
    );
  });

  test("I2: online certificate 4 working hours skips the 2026-06-03 election day", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "minwon", hours: 4, received: "2026-06-02T16:00" }),
      "2026-06-04T11:00:00+09:00",
    );
  });

  test("I2: 5 days = 40 working hours from 17:00", () => {
    assert.equal(
      due({ jurisdiction: "KR", kind: "minwon", days: 5, received: "2026-03-24T17:00" }),
      "2026-03-31T17:00:00+09:00",
    );
  });

  test("I2: 7 days (grievance): first day included, Lunar New Year and weekends skipped", () => {
    const r = computeDeadline({ jurisdiction: "KR", kind: "minwon", days: 7, received: "2026-02-12T15:00" });
    assert.equal(r.due, "2026-02-25T23:59:59+09:00");
    assert.deepEqual(
      r.explanation.filter((s) => s.step === "skip").map((s) => s.date),
      ["2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-21", "2026-02-22"],
    );
  });

  test("I2: a minwon extension is once and up to the original period", () => {
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "minwon",
      days: 7,
      received: "2026-02-12T15:00",
      extended: true,
    });
    assert.equal(r.due, "2026-03-09T23:59:59+09:00"); // 7 working days from 02-26, 03-02 substitute holiday skipped
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "KR",
          kind: "minwon",
          days: 7,
          received: "2026-02-12",
          extended: { days: 8 },
        }),
      "EXTENSION_TOO_LONG",
    );
  });

  test("disclosure (foi) over Chuseok, extended by 10 days from the day after the original end", () => {
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "foi",
      received: "2026-09-22T17:00",
      extended: true,
    });
    const orig = r.explanation.find((s) => s.step === "original-due");
    assert.equal(orig?.date, "2026-10-08T23:59:59+09:00");
    assert.equal(r.due, "2026-10-23T23:59:59+09:00");
    assert.ok(
      r.explanation.some((s) => s.step === "verify"),
      "foi §19 counting is marked (verify)",
    );
  });

  test("a second extension is refused with a typed error", () => {
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "KR",
          kind: "foi",
          received: "2026-09-22",
          extended: [{ days: 10 }, { days: 5 }],
        }),
      "EXTENSION_LIMIT",
    );
  });

  test("an extension decided after the original due date is refused", () => {
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "KR",
          kind: "foi",
          received: "2026-09-22",
          extended: { days: 10, at: "2026-10-09T09:00" },
        }),
      "EXTENSION_AFTER_DUE",
    );
  });

  test("a pause on an hour-counted petition adds the paused working hours", () => {
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "minwon",
      hours: 3,
      received: "2026-03-24T09:00",
      pauses: [{ from: "2026-03-24T10:00", to: "2026-03-24T14:00", reason: "보완 요구" }],
    });
    assert.equal(r.due, "2026-03-24T16:00:00+09:00"); // 3 paused working hours (10-12, 13-14) + 3 to count
  });
});

describe("TW Administrative Procedure Act Art 48", () => {
  test("C7: 15 days ending on a Saturday end on the following Monday at 12:00", () => {
    const r = computeDeadline({ jurisdiction: "TW", kind: "tw_foi", received: "2026-03-06T21:00" });
    assert.equal(r.due, "2026-03-23T12:00:00+08:00");
    assert.match(r.explanation.find((s) => s.step === "shift")?.detail ?? "", /Art 48\(4\)/);
  });

  test("C7: Saturday end whose Monday is a holiday -> next working day (verify)", () => {
    const r = computeDeadline({ jurisdiction: "TW", kind: "tw_pdpa_access", received: "2026-03-20T10:00" });
    assert.equal(r.due, "2026-04-07T23:59:59+08:00");
    assert.equal(r.verify, true);
  });

  test("C7: Lunar New Year 2026 (bridge day 02-20) pushes the end to Monday noon", () => {
    assert.equal(
      due({ jurisdiction: "TW", kind: "tw_pdpa_access", received: "2026-02-05T10:00" }),
      "2026-02-23T12:00:00+08:00",
    );
  });

  test("C7: Lunar New Year 2025 break", () => {
    assert.equal(
      due({ jurisdiction: "TW", kind: "tw_pdpa_access", received: "2025-01-12T10:00" }),
      "2025-02-03T12:00:00+08:00",
    );
  });

  test("C7: a make-up workday Saturday (2025-02-08) is not a rest day", () => {
    assert.equal(
      due({ jurisdiction: "TW", kind: "tw_foi", received: "2025-01-24T10:00" }),
      "2025-02-08T23:59:59+08:00",
    );
    const overrides = { workdays: [{ date: "2026-03-21", reason: "補行上班" }] };
    assert.equal(
      due({ jurisdiction: "TW", kind: "tw_foi", received: "2026-03-06T21:00", overrides }),
      "2026-03-21T23:59:59+08:00",
    );
  });

  test("C7: a typhoon-day override moves the deadline and names the reason", () => {
    const base = { jurisdiction: "TW", kind: "tw_pdpa_access", received: "2026-03-02T10:00" } as const;
    assert.equal(due(base), "2026-03-17T23:59:59+08:00");
    const r = computeDeadline({
      ...base,
      overrides: { closures: [{ date: "2026-03-17", reason: "typhoon: 停止上班" }] },
    });
    assert.equal(r.due, "2026-03-18T23:59:59+08:00");
    assert.match(r.explanation.find((s) => s.step === "shift")?.detail ?? "", /typhoon/);
  });

  test("C7: one extension of at most 15 days; a second is refused", () => {
    const r = computeDeadline({
      jurisdiction: "TW",
      kind: "tw_pdpa_access",
      received: "2026-03-02T10:00",
      extended: true,
    });
    assert.equal(r.due, "2026-04-01T23:59:59+08:00");
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "TW",
          kind: "tw_pdpa_access",
          received: "2026-03-02",
          extended: { days: 16 },
        }),
      "EXTENSION_TOO_LONG",
    );
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "TW",
          kind: "tw_pdpa_access",
          received: "2026-03-02",
          extended: [{}, {}],
        }),
      "EXTENSION_LIMIT",
    );
  });

  test("C7: correction 30 days, extension 30 days", () => {
    const r = computeDeadline({
      jurisdiction: "TW",
      kind: "tw_pdpa_correction",
      received: "2026-03-02T10:00",
      extended: true,
    });
    // 03-02 + 30 = 04-01 (Wed); + 30 = 05-01 (Labour Day, agencies closed) -> Sat 05-02 -> Mon 05-04 12:00.
    assert.equal(r.due, "2026-05-04T12:00:00+08:00");
  });
});

describe("bad input", () => {
  test("unknown kind, jurisdiction, missing period, bad dates", () => {
    assertDeadlineError(
      () => computeDeadline({ jurisdiction: "KR", kind: "nope", received: "2026-01-05" }),
      "UNKNOWN_KIND",
    );
    assertDeadlineError(
      () => computeDeadline({ jurisdiction: "JP", kind: "foi", received: "2026-01-05" }),
      "UNKNOWN_JURISDICTION",
    );
    assertDeadlineError(
      () => computeDeadline({ jurisdiction: "KR", kind: "minwon", received: "2026-01-05" }),
      "BAD_INPUT",
    );
    assertDeadlineError(
      () => computeDeadline({ jurisdiction: "KR", kind: "foi", received: "2026-02-30" }),
      "BAD_INPUT",
    );
    assertDeadlineError(
      () => computeDeadline({ jurisdiction: "KR", kind: "foi", received: "yesterday" }),
      "BAD_INPUT",
    );
    assertDeadlineError(
      () => computeDeadline({ jurisdiction: "KR", kind: "minwon", received: "2026-01-05", days: 2.5 }),
      "BAD_INPUT",
    );
    assertDeadlineError(
      () =>
        computeDeadline({
          jurisdiction: "KR",
          kind: "foi",
          received: "2026-01-05",
          pauses: [{ from: "2026-01-07", to: "2026-01-06" }],
        }),
      "BAD_INPUT",
    );
  });
});
