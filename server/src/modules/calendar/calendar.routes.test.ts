import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../../test-support/app";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(
  method: string,
  url: string,
  payload?: unknown,
  who: "a" | "b" = "a",
  role: Role = "privacy_officer",
) {
  return t.inject({
    method: method as "GET",
    url,
    payload: payload as object,
    headers: await t.as(role, who),
  });
}

const localDate = (iso: string, tz: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date(iso));

async function newRequest(w: "a" | "b") {
  const res = await call(
    "POST",
    "/api/requests",
    {
      kind: w === "a" ? "access" : "copy",
      channel: "email",
      requesterType: "self",
      requester: { name: "王小明", email: "wang@example.tw" },
      content: "申請閱覽",
    },
    w,
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json().case as { id: string; number: string; dueAt: string };
}

async function caseDue(id: string, w: "a" | "b") {
  const r = await call("GET", `/api/cases/${id}`, undefined, w);
  assert.equal(r.statusCode, 200, r.body);
  return r.json().dueAt as string;
}

describe("agency calendar", () => {
  test("C7: a typhoon closure on the last day of a TW 15-day period moves the deadline to the next working day", async () => {
    const ask = { kind: "tw_pdpa_access", received: "2026-03-02T10:00" };
    const before = await call("POST", "/api/calendar/what-if", ask, "b");
    assert.equal(before.statusCode, 200, before.body);
    assert.equal(before.json().current.due, "2026-03-17T23:59:59+08:00");
    // Checked as a draft first (nothing saved), then saved.
    const draft = await call(
      "POST",
      "/api/calendar/what-if",
      {
        ...ask,
        draft: { kind: "closure", dateFrom: "2026-03-17", reason: "颱風停止上班" },
      },
      "b",
    );
    assert.equal(draft.json().current.due, "2026-03-17T23:59:59+08:00");
    assert.equal(draft.json().withDraft.due, "2026-03-18T23:59:59+08:00");
    const saved = await call(
      "POST",
      "/api/calendar/overrides",
      {
        kind: "closure",
        dateFrom: "2026-03-17",
        reason: "颱風停止上班",
        scopeNote: "臺北市政府公告",
      },
      "b",
    );
    assert.equal(saved.statusCode, 201, saved.body);
    const after = await call("POST", "/api/calendar/what-if", ask, "b");
    const r = after.json().current;
    assert.equal(r.due, "2026-03-18T23:59:59+08:00");
    assert.ok(
      r.explanation.some((s: { detail: string }) => s.detail.includes("颱風停止上班")),
      "the explanation names the closure",
    );
    const year = (await call("GET", "/api/calendar/year/2026", undefined, "b")).json();
    const day = year.days.find((d: { date: string }) => d.date === "2026-03-17");
    assert.equal(day.working, false);
    assert.equal(day.status, "closure");
    assert.equal(day.name, "颱風停止上班");
    assert.equal(day.overrideId, saved.json().override.id);
    await call("DELETE", `/api/calendar/overrides/${saved.json().override.id}`, undefined, "b");
  });

  test("C7, I2: adding an override recomputes an open case's due date, with a timeline event and ledger entries", async () => {
    const c = await newRequest("b");
    const due0 = await caseDue(c.id, "b");
    const lastDay = localDate(due0, "Asia/Taipei");
    const add = await call(
      "POST",
      "/api/calendar/overrides",
      {
        kind: "closure",
        dateFrom: lastDay,
        reason: "颱風停止上班",
      },
      "b",
    );
    assert.equal(add.statusCode, 201, add.body);
    const moved = add.json().moved as Array<{ caseId: string; from: string; to: string }>;
    const mine = moved.find((m) => m.caseId === c.id);
    assert.ok(mine, "the open case is listed as moved");
    const due1 = await caseDue(c.id, "b");
    assert.ok(Date.parse(due1) > Date.parse(due0), `${due1} is later than ${due0}`);
    assert.equal(mine.from, new Date(due0).toISOString());
    assert.equal(mine.to, new Date(due1).toISOString());
    assert.ok(localDate(due1, "Asia/Taipei") > lastDay);

    const timeline = (await call("GET", `/api/cases/${c.id}/timeline`, undefined, "b")).json();
    const ev = timeline.events.find((e: { event: string }) => e.event === "due_moved_by_calendar");
    assert.ok(ev, "timeline event written");
    assert.equal(ev.details.from, new Date(due0).toISOString());
    assert.equal(ev.details.to, new Date(due1).toISOString());
    assert.equal(ev.details.reason, "颱風停止上班");

    const ledger = await t.tdb.query<{ action: string; resource_id: string }>(
      "SELECT action, resource_id FROM ledger_entries WHERE action IN ('calendar.override.create', 'cases.due_moved_by_calendar') AND agency_id = $1 ORDER BY seq",
      [t.b.id],
    );
    assert.ok(
      ledger.some((l) => l.action === "calendar.override.create" && l.resource_id === add.json().override.id),
    );
    assert.ok(ledger.some((l) => l.action === "cases.due_moved_by_calendar" && l.resource_id === c.id));

    // Removing the entry moves it back, again with an event.
    const del = await call("DELETE", `/api/calendar/overrides/${add.json().override.id}`, undefined, "b");
    assert.equal(del.statusCode, 200, del.body);
    assert.equal(await caseDue(c.id, "b"), due0);
    const events = (await call("GET", `/api/cases/${c.id}/timeline`, undefined, "b"))
      .json()
      .events.filter((e: { event: string }) => e.event === "due_moved_by_calendar");
    assert.equal(events.length, 2);
  });

  test("C7: a running pause is not counted as a calendar move (paused cases keep their stored date)", async () => {
    const c = await newRequest("a");
    const idn = await call("POST", `/api/requests/${c.id}/identity`, {
      personRole: "requester",
      method: "mobile_phone",
      documentType: "휴대전화",
      result: "verified",
    });
    assert.equal(idn.statusCode < 300, true, idn.body);
    const p = await call("POST", `/api/cases/${c.id}/pause`, { reason: "보완 요청" });
    assert.equal(p.statusCode, 200, p.body);
    // Received five days ago, paused for the last three: the stored date excludes the running pause
    // (the resume adds it), so a calendar change must not add it either.
    await t.tdb.query(
      "UPDATE cases SET received_at = received_at - interval '5 days', paused_since = paused_since - interval '3 days' WHERE id = $1",
      [c.id],
    );
    await t.tdb.query(
      "UPDATE case_pauses SET started_at = started_at - interval '3 days' WHERE case_id = $1",
      [c.id],
    );
    const [row] = await t.tdb.query<{ received_at: Date | string }>(
      "SELECT received_at FROM cases WHERE id = $1",
      [c.id],
    );
    const add = await call("POST", "/api/calendar/overrides", {
      kind: "closure",
      dateFrom: "2030-01-07",
      reason: "먼 미래 휴무",
    });
    assert.equal(add.statusCode, 201, add.body);
    const unpaused = await call("POST", "/api/calendar/what-if", {
      kind: "pipa_access",
      received: new Date(row.received_at).toISOString(),
    });
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    assert.equal(seconds(await caseDue(c.id, "a")), seconds(unpaused.json().current.due));
    await call("DELETE", `/api/calendar/overrides/${add.json().override.id}`);
  });

  test("I2: a change that would make a granted extension too long is refused and nothing is saved", async () => {
    const c = await newRequest("a");
    await call("POST", `/api/requests/${c.id}/identity`, {
      personRole: "requester",
      method: "mobile_phone",
      documentType: "휴대전화",
      result: "verified",
    });
    const ext = await call("POST", `/api/cases/${c.id}/extend`, { reason: "정당한 사유로 연기", days: 10 });
    assert.equal(ext.statusCode, 200, ext.body);
    const due = await caseDue(c.id, "a");
    const put = await call("PUT", "/api/calendar/settings", {
      rules: { pipa_access: { extensionMaxDays: 3, reason: "test" } },
    });
    assert.equal(put.statusCode, 409, put.body);
    assert.equal(put.json().code, "calendar.case_conflict");
    assert.ok(put.json().details.cases.some((x: { number: string }) => x.number === c.number));
    const s = (await call("GET", "/api/calendar/settings")).json();
    assert.equal(s.rules.pipa_access, undefined, "settings were not saved");
    assert.equal(await caseDue(c.id, "a"), due);
    await call("POST", `/api/cases/${c.id}/withdraw`, { reason: "테스트 종료" });
  });

  test("C7, I2: new cases and case transitions use the agency calendar (case clock reads the table)", async () => {
    const first = await newRequest("b");
    const lastDay = localDate(await caseDue(first.id, "b"), "Asia/Taipei");
    const add = await call(
      "POST",
      "/api/calendar/overrides",
      { kind: "closure", dateFrom: lastDay, reason: "颱風停止上班" },
      "b",
    );
    assert.equal(add.statusCode, 201, add.body);
    const moved = await caseDue(first.id, "b");
    assert.ok(localDate(moved, "Asia/Taipei") > lastDay);
    // A case received now is due on the moved date straight away.
    const second = await newRequest("b");
    assert.equal(localDate(await caseDue(second.id, "b"), "Asia/Taipei"), localDate(moved, "Asia/Taipei"));
    // A transition recomputes the clock and keeps the closure.
    const idn = await call(
      "POST",
      `/api/requests/${first.id}/identity`,
      {
        personRole: "requester",
        method: "mobile_phone",
        documentType: "身分證",
        result: "verified",
      },
      "b",
    );
    assert.ok(idn.statusCode < 300, idn.body);
    assert.equal(await caseDue(first.id, "b"), moved);
    await call("DELETE", `/api/calendar/overrides/${add.json().override.id}`, undefined, "b");
  });

  test("C7: a make-up workday counts as working (KR petition days, Saturdays skipped)", async () => {
    const ask = { kind: "minwon", days: 6, received: "2026-03-23T10:00" };
    const plain = (await call("POST", "/api/calendar/what-if", ask)).json().current;
    assert.equal(plain.due, "2026-03-30T23:59:59+09:00");
    const w = await call("POST", "/api/calendar/overrides", {
      kind: "workday",
      dateFrom: "2026-03-28",
      reason: "대체 근무일(시험)",
    });
    assert.equal(w.statusCode, 201, w.body);
    const withWorkday = (await call("POST", "/api/calendar/what-if", ask)).json().current;
    assert.equal(withWorkday.due, "2026-03-28T23:59:59+09:00");
    const day = (await call("GET", "/api/calendar/year/2026"))
      .json()
      .days.find((d: { date: string }) => d.date === "2026-03-28");
    assert.equal(day.working, true);
    assert.equal(day.status, "override-workday");
    // A workday on a day already worked and a removal of a non-holiday are refused.
    const bad1 = await call("POST", "/api/calendar/overrides", {
      kind: "workday",
      dateFrom: "2026-03-25",
      reason: "x",
    });
    assert.equal(bad1.json().code, "calendar.already_working");
    const bad2 = await call("POST", "/api/calendar/overrides", {
      kind: "removal",
      dateFrom: "2026-03-25",
      reason: "x",
    });
    assert.equal(bad2.json().code, "calendar.not_a_holiday");
    const overlap = await call("POST", "/api/calendar/overrides", {
      kind: "closure",
      dateFrom: "2026-03-27",
      dateTo: "2026-03-29",
      reason: "x",
    });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, "calendar.overlap");
    await call("DELETE", `/api/calendar/overrides/${w.json().override.id}`);
  });

  test("C7: the year lists package holidays, rule-pack days and agency entries with source and reason", async () => {
    const e = await call("POST", "/api/calendar/overrides", {
      kind: "holiday",
      dateFrom: "2026-05-01",
      reason: "노동절 휴무(기관 결정)",
    });
    assert.equal(e.statusCode, 201, e.body);
    const y = (await call("GET", "/api/calendar/year/2026")).json();
    assert.equal(y.days.length, 365);
    const election = y.holidays.find((h: { date: string }) => h.date === "2026-06-03");
    assert.ok(election, "2026-06-03 local election day is listed");
    assert.equal(election.origin, "rule_pack");
    assert.ok(election.source.length > 0);
    assert.ok(
      y.holidays.every((h: { origin: string }) => h.origin === "package" || h.origin === "rule_pack"),
    );
    const may1 = y.days.find((d: { date: string }) => d.date === "2026-05-01");
    assert.equal(may1.working, false);
    assert.equal(may1.overrideKind, "holiday");
    assert.equal(may1.name, "노동절 휴무(기관 결정)");
    assert.ok(y.overrides.some((o: { reason: string }) => o.reason === "노동절 휴무(기관 결정)"));
    assert.equal(y.workingDays, y.days.filter((d: { working: boolean }) => d.working).length);
    // PATCH keeps the reason required and the history in the ledger.
    const p = await call("PATCH", `/api/calendar/overrides/${e.json().override.id}`, {
      reason: "",
      version: 1,
    });
    assert.equal(p.statusCode, 400);
    const p2 = await call("PATCH", `/api/calendar/overrides/${e.json().override.id}`, {
      scopeNote: "본청만",
      version: 1,
    });
    assert.equal(p2.statusCode, 200, p2.body);
    const stale = await call("PATCH", `/api/calendar/overrides/${e.json().override.id}`, {
      scopeNote: "x",
      version: 1,
    });
    assert.equal(stale.json().code, "calendar.stale");
    const rows = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE resource_id = $1 ORDER BY seq",
      [e.json().override.id],
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ["calendar.override.create", "calendar.override.update"],
    );
    await call("DELETE", `/api/calendar/overrides/${e.json().override.id}`);
  });

  test("C7: counting-rule overrides and office hours are validated by the engine schema and used", async () => {
    const ask = { kind: "pipa_access", received: "2026-03-23T10:00" };
    assert.equal((await call("POST", "/api/calendar/what-if", ask)).json().current.counting, "kr_civil_act");
    const put = await call("PUT", "/api/calendar/settings", {
      officeHours: { open: "09:00", close: "18:00", breaks: [{ from: "12:00", to: "13:00" }] },
      rules: {
        pipa_access: { counting: "kr_petition_19", reason: "PIPA requests run through the petition system" },
      },
    });
    assert.equal(put.statusCode, 200, put.body);
    const r = (await call("POST", "/api/calendar/what-if", ask)).json().current;
    assert.equal(r.counting, "kr_petition_19");
    // §19(2): 10 days, first day included, Saturdays and holidays skipped: 23-27, 30, 31, 1-3 Apr.
    assert.equal(r.due, "2026-04-03T23:59:59+09:00");
    const unknown = await call("PUT", "/api/calendar/settings", { rules: { nope: { days: 3 } } });
    assert.equal(unknown.json().code, "calendar.unknown_kind");
    const twCounting = await call("PUT", "/api/calendar/settings", {
      rules: { pipa_access: { counting: "tw_apa_48" } },
    });
    assert.equal(twCounting.json().code, "calendar.counting_not_for_jurisdiction");
    const badShape = await call("PUT", "/api/calendar/settings", {
      officeHours: { open: "9", close: "18:00" },
    });
    assert.equal(badShape.json().code, "calendar.invalid_settings");
    const badHours = await call("PUT", "/api/calendar/settings", {
      officeHours: { open: "18:00", close: "09:00" },
    });
    assert.equal(badHours.json().code, "calendar.invalid_office_hours");
    // Shorter office hours change hour-counted petitions: 3 working hours from 09:00 with 09:00-11:00, 13:00-18:00.
    await call("PUT", "/api/calendar/settings", {
      officeHours: { open: "09:00", close: "18:00", breaks: [{ from: "11:00", to: "13:00" }] },
    });
    const h = (
      await call("POST", "/api/calendar/what-if", { kind: "minwon", hours: 3, received: "2026-03-24T09:00" })
    ).json();
    assert.equal(h.current.due, "2026-03-24T14:00:00+09:00");
    const s = (await call("GET", "/api/calendar/settings")).json();
    assert.equal(s.officeHours.breaks[0].from, "11:00");
    assert.deepEqual(s.rules, {});
    assert.ok(s.kinds.some((k: { kind: string }) => k.kind === "pipa_access"));
    await call("PUT", "/api/calendar/settings", {});
  });

  test("cross-agency isolation: another agency's entries are unknown and never move its deadlines", async () => {
    const mine = await call(
      "POST",
      "/api/calendar/overrides",
      {
        kind: "closure",
        dateFrom: "2026-03-17",
        reason: "agency a only",
      },
      "a",
    );
    assert.equal(mine.statusCode, 201, mine.body);
    const id = mine.json().override.id;
    const listB = (await call("GET", "/api/calendar/overrides", undefined, "b")).json();
    assert.ok(!listB.some((o: { id: string }) => o.id === id));
    assert.equal(
      (await call("PATCH", `/api/calendar/overrides/${id}`, { reason: "x" }, "b")).statusCode,
      404,
    );
    assert.equal((await call("DELETE", `/api/calendar/overrides/${id}`, undefined, "b")).statusCode, 404);
    const dayB = (await call("GET", "/api/calendar/year/2026", undefined, "b"))
      .json()
      .days.find((d: { date: string }) => d.date === "2026-03-17");
    assert.equal(dayB.working, true);
    const twDue = (
      await call(
        "POST",
        "/api/calendar/what-if",
        { kind: "tw_pdpa_access", received: "2026-03-02T10:00" },
        "b",
      )
    ).json();
    assert.equal(twDue.current.due, "2026-03-17T23:59:59+08:00");
    assert.equal((await call("DELETE", `/api/calendar/overrides/${id}`, undefined, "a")).statusCode, 200);
  });

  test("roles: every staff member reads, only system_admin and privacy_officer write; bad input is refused", async () => {
    assert.equal((await call("GET", "/api/calendar/year/2026", undefined, "a", "handler")).statusCode, 200);
    const denied = await call(
      "POST",
      "/api/calendar/overrides",
      { kind: "closure", dateFrom: "2026-08-01", reason: "x" },
      "a",
      "handler",
    );
    assert.equal(denied.statusCode, 403);
    const admin = await call(
      "POST",
      "/api/calendar/overrides",
      { kind: "closure", dateFrom: "2026-08-03", reason: "정전" },
      "a",
      "system_admin",
    );
    assert.equal(admin.statusCode, 201, admin.body);
    const noReason = await call("POST", "/api/calendar/overrides", {
      kind: "closure",
      dateFrom: "2026-08-04",
    });
    assert.equal(noReason.statusCode, 400);
    const tooLong = await call("POST", "/api/calendar/overrides", {
      kind: "closure",
      dateFrom: "2026-08-01",
      dateTo: "2026-10-01",
      reason: "x",
    });
    assert.equal(tooLong.json().code, "calendar.range_too_long");
    const backwards = await call("POST", "/api/calendar/overrides", {
      kind: "closure",
      dateFrom: "2026-08-10",
      dateTo: "2026-08-09",
      reason: "x",
    });
    assert.equal(backwards.json().code, "calendar.bad_range");
    const badKind = await call("POST", "/api/calendar/what-if", {
      kind: "nope",
      received: "2026-03-02T10:00",
    });
    assert.equal(badKind.statusCode, 400);
    assert.equal(badKind.json().code, "calendar.deadline_input");
    await call("DELETE", `/api/calendar/overrides/${admin.json().override.id}`);
  });
});
