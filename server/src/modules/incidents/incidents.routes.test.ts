import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../../test-support/app";
import { appendLedger } from "../audit/ledger.service";
import { krFile, twFile } from "../registry/test-helpers";
import { runEscalations } from "./escalation";
import { runNotification } from "./notify";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(role: Role, method: string, url: string, payload?: unknown, who: "a" | "b" = "a") {
  const headers = { ...(await t.as(role, who)), "accept-language": "en" };
  return t.inject({ method: method as "GET", url, payload: payload as object, headers });
}
const PO: Role = "privacy_officer";
const count = async (sql: string, args: unknown[] = []) =>
  Number((await t.tdb.query<{ n: string }>(sql, args))[0].n);

async function file(who: "a" | "b", subjectCount: number, name: string) {
  const ag = who === "a" ? t.a : t.b;
  const body = { ...(who === "a" ? krFile(ag.unitId) : twFile(ag.unitId)), name, subjectCount };
  const res = await call(PO, "POST", "/api/registry/files", body, who);
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

const incidentBody = (fileIds: string[], extra: Record<string, unknown> = {}) => ({
  title: "Misplaced export",
  kind: "leak",
  automated: true,
  detectedAt: "2026-03-02T22:30:00+08:00",
  description: "An export was mailed to the wrong office",
  fileIds,
  ...extra,
});

describe("incidents", () => {
  test("F1, F3, F4: a TW incident detected 2026-03-02 22:30 Taipei has its reports due 2026-03-03 02:30", async () => {
    const f = await file("b", 20, "tw incident file");
    const res = await call(PO, "POST", "/api/incidents", incidentBody([f]), "b");
    assert.equal(res.statusCode, 201, res.body);
    const inc = res.json();
    assert.equal(inc.subjectCount, 20, "estimated from the register file");
    assert.equal(inc.routing.code, "tw_secretariat_cert", "F2: automated processing goes to the secretariat");
    const report = inc.clocks.find((c: { code: string }) => c.code === "tw_internal_report");
    assert.equal(report.dueAt, "2026-03-02T18:30:00.000Z");
    assert.equal(report.applies, true);
    assert.match(report.dueText, /March 3, 2026/);
    assert.match(report.dueText, /2:30/);
    assert.match(report.explanation, /四十五/);
    assert.equal(inc.checklist.length, 13);
    assert.equal(inc.checklist[0].code, "cut_path");
  });

  test("F6: KR regulator report applies at 1,000 subjects and is explained; below it does not", async () => {
    const big = await file("a", 1000, "kr big file");
    const small = await file("a", 999, "kr small file");
    const detected = "2026-03-02T09:00:00+09:00";
    const a = (
      await call(PO, "POST", "/api/incidents", incidentBody([big], { detectedAt: detected }))
    ).json();
    const rep = (i: {
      clocks: { code: string; applies: boolean; dueAt: string; verify: boolean; reasons: string[] }[];
    }) => i.clocks.find((c) => c.code === "kr_regulator_report");
    const created = (
      await call(PO, "POST", "/api/incidents", incidentBody([small], { detectedAt: detected }))
    ).json();
    // The test register file holds resident numbers and health data: each alone makes the report due.
    assert.equal(rep(created)?.applies, true);
    assert.ok(rep(created)?.reasons.some((r) => r.includes("unique identifiers")));
    const b = (
      await call(PO, "PATCH", `/api/incidents/${created.id}`, { sensitive: false, uniqueIdentifier: false })
    ).json();
    assert.equal(rep(a)?.applies, true);
    assert.equal(rep(a)?.dueAt, "2026-03-05T00:00:00.000Z");
    assert.equal(rep(a)?.verify, true);
    assert.ok(rep(a)?.reasons.some((r) => r.includes("1000")));
    assert.equal(rep(b)?.applies, false);
  });

  test("F1: bad input is refused with a clear error and nothing is saved", async () => {
    const before = await count("SELECT count(*)::text AS n FROM incidents");
    const cases: [unknown, number][] = [
      [incidentBody([], { kind: "meteor" }), 400],
      [incidentBody([], { detectedAt: "2999-01-01T00:00:00Z" }), 400],
      [incidentBody(["00000000-0000-4000-8000-000000000000"]), 400],
      [incidentBody([], { occurredAt: "2026-03-03T00:00:00+08:00" }), 400],
    ];
    for (const [body, status] of cases) {
      const res = await call(PO, "POST", "/api/incidents", body);
      assert.equal(res.statusCode, status, res.body);
      assert.ok(res.json().message, "a message for people");
    }
    // Another agency's file is unknown here.
    const other = await file("b", 5, "b only file");
    assert.equal((await call(PO, "POST", "/api/incidents", incidentBody([other]))).statusCode, 400);
    assert.equal(await count("SELECT count(*)::text AS n FROM incidents"), before);
  });

  test("F5: a notification run whose mail server fails half way resumes and mails nobody twice", async () => {
    const f = await file("a", 6, "kr notify file");
    const inc = (await call(PO, "POST", "/api/incidents", incidentBody([f]))).json();
    const notice = {
      facts: "An export reached the wrong office.",
      measures: "The file was recovered.",
      advice: "Watch for unusual mail.",
      contact: "Privacy desk 02-000-0000",
      compensation: "Costs of replacing documents are refunded.",
    };
    // Without the notice parts a run is refused.
    assert.equal((await call(PO, "POST", `/api/incidents/${inc.id}/notify`)).statusCode, 400);
    assert.equal((await call(PO, "PUT", `/api/incidents/${inc.id}/notice`, notice)).statusCode, 200);
    const people = [1, 2, 3, 4, 5, 6].map((n) => ({ name: `Person ${n}`, email: `p${n}@example.org` }));
    const add = await call(PO, "POST", `/api/incidents/${inc.id}/recipients`, {
      recipients: [...people, people[0], { name: "Post only", postalAddress: "1 Main Street, Seoul" }],
    });
    assert.equal(add.statusCode, 201, add.body);
    assert.deepEqual([add.json().added, add.json().duplicates], [7, 1]);
    const again = await call(PO, "POST", `/api/incidents/${inc.id}/recipients`, {
      recipients: people.slice(0, 2),
    });
    assert.equal(again.json().added, 0, "the same people are not listed twice");

    const delivered: string[] = [];
    let budget = 3;
    const flaky = {
      sendMail: async (m: { to: string }) => {
        if (budget-- <= 0)
          throw Object.assign(new Error(`connection lost to ${m.to}`), { code: "ECONNECTION" });
        delivered.push(m.to);
        return { messageId: `<${delivered.length}@test>` };
      },
    };
    const now = new Date(Date.now() + 1000);
    const first = await runNotification(t.deps, t.a.id, inc.id, { transport: flaky as never, now, batch: 4 });
    assert.equal(first.queued, 6);
    assert.equal(first.printed, 1);
    assert.equal(delivered.length, 3);
    // The second run (mail server back, retry time reached) sends only the three that failed.
    const good = {
      sendMail: async (m: { to: string }) => {
        delivered.push(m.to);
        return { messageId: `<${delivered.length}@test>` };
      },
    };
    const second = await runNotification(t.deps, t.a.id, inc.id, {
      transport: good as never,
      now: new Date(now.getTime() + 2 * 3_600_000),
    });
    assert.equal(second.queued, 0, "nothing queued again");
    assert.equal(delivered.length, 6);
    assert.equal(new Set(delivered).size, 6, "nobody mailed twice");
    const log = (await call(PO, "GET", `/api/incidents/${inc.id}/deliveries`)).json();
    assert.deepEqual(log.counts, { sent: 6, printed: 1 });
    assert.ok(log.rows.every((r: { addressMasked: string }) => r.addressMasked.includes("***")));
    assert.ok(!JSON.stringify(log).includes("p1@example.org"), "addresses stay masked");
    // The post recipient got a numbered notice letter with the five F5 parts, downloadable from the log.
    const post = log.rows.find((r: { channel: string }) => r.channel === "post");
    assert.ok(post.letterNumber, "the letter's number is shown in the log");
    const pdf = await call(PO, "GET", `/api/incidents/${inc.id}/deliveries/${post.id}/letter.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.equal(
      await count(
        "SELECT count(*)::text AS n FROM letters WHERE kind = 'incident_notice' AND agency_id = $1",
        [t.a.id],
      ),
      1,
      "one letter for the one post recipient, not remade by the second run",
    );
    // An e-mail recipient has no letter.
    const mail = log.rows.find((r: { channel: string }) => r.channel === "email");
    assert.equal(
      (await call(PO, "GET", `/api/incidents/${inc.id}/deliveries/${mail.id}/letter.pdf`)).statusCode,
      404,
    );
  });

  test("F5: the regulator report downloads as a PDF", async () => {
    const f = await file("b", 3, "tw report file");
    const inc = (await call(PO, "POST", "/api/incidents", incidentBody([f]), "b")).json();
    const res = await call(PO, "GET", `/api/incidents/${inc.id}/report.pdf`, undefined, "b");
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.equal(res.rawPayload.subarray(0, 5).toString(), "%PDF-");
  });

  test("F3: escalation mail goes to the contacts once per stage", async () => {
    const f = await file("b", 3, "tw escalation file");
    const now = new Date();
    const inc = (
      await call(PO, "POST", "/api/incidents", incidentBody([f], { detectedAt: now.toISOString() }), "b")
    ).json();
    const c = await call(
      "system_admin",
      "POST",
      "/api/incidents/contacts",
      { role: "contact_window", person: { name: "Window Person", email: "window@example.org" } },
      "b",
    );
    assert.equal(c.statusCode, 201, c.body);
    const mails = () =>
      count(
        "SELECT count(*)::text AS n FROM mail_outbox WHERE purpose = 'incident_escalation' AND agency_id = $1",
        [t.b.id],
      );
    await runEscalations(t.deps, new Date(now.getTime() + 60_000));
    const none = await mails();
    await runEscalations(t.deps, new Date(now.getTime() + 2.1 * 3_600_000));
    const half = await mails();
    assert.ok(half > none, "half-time escalation queued");
    await runEscalations(t.deps, new Date(now.getTime() + 2.2 * 3_600_000));
    assert.equal(await mails(), half, "the same stage is not sent twice");
    assert.equal(
      await count(
        "SELECT count(*)::text AS n FROM incident_escalations WHERE incident_id = $1 AND stage = 'half'",
        [inc.id],
      ),
      2,
      "one row per clock",
    );
  });

  test("F4: starting the first checklist item meets the TW 'measures started' clock and stops its escalation", async () => {
    const f = await file("b", 3, "tw checklist file");
    const now = new Date();
    const inc = (
      await call(PO, "POST", "/api/incidents", incidentBody([f], { detectedAt: now.toISOString() }), "b")
    ).json();
    const clock = (i: { clocks: { code: string; state: string; metAt: string | null }[] }, code: string) =>
      i.clocks.find((c) => c.code === code);
    assert.equal(clock(inc, "tw_response_start")?.state, "running");
    const started = await call(
      PO,
      "PATCH",
      `/api/incidents/${inc.id}/checklist/cut_path`,
      { started: true },
      "b",
    );
    assert.equal(started.statusCode, 200, started.body);
    const view = (await call(PO, "GET", `/api/incidents/${inc.id}`, undefined, "b")).json();
    assert.equal(clock(view, "tw_response_start")?.state, "met");
    assert.equal(clock(view, "tw_response_start")?.metAt, started.json().startedAt);
    assert.equal(clock(view, "tw_internal_report")?.state, "running", "the report clock is not met by it");
    // A second item started later does not move the mark.
    await call(PO, "PATCH", `/api/incidents/${inc.id}/checklist/save_data`, { done: true }, "b");
    const again = (await call(PO, "GET", `/api/incidents/${inc.id}`, undefined, "b")).json();
    assert.equal(clock(again, "tw_response_start")?.metAt, started.json().startedAt);
    // At half time (2 h of 4) only the report clock escalates.
    await runEscalations(t.deps, new Date(now.getTime() + 2.1 * 3_600_000));
    const stages = await t.tdb.query<{ clock_code: string }>(
      "SELECT clock_code FROM incident_escalations WHERE incident_id = $1",
      [inc.id],
    );
    assert.deepEqual(
      stages.map((r) => r.clock_code),
      ["tw_internal_report"],
    );
  });

  test("issue 13 item 4: scope from the ledger counts reads per account in the window, exportable as xlsx", async () => {
    const f = await file("a", 3, "kr scope file");
    // Reads and exports of the file as other modules log them (the ledger is the only source).
    const pm = t.a.staffByRole.privacy_manager;
    const entry = (action: string) => ({
      action,
      agencyId: t.a.id,
      actorId: pm,
      actorLabel: "pm",
      resourceType: "registry_file",
      resourceId: f,
      result: "ok" as const,
    });
    await t.deps.database.db.transaction((tx) =>
      appendLedger(
        tx,
        [entry("registry.file.read"), entry("registry.file.read"), entry("registry.xlsx.export")],
        t.deps.ledger,
      ),
    );
    const inc = (await call(PO, "POST", "/api/incidents", incidentBody([f]))).json();
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const res = await call(
      PO,
      "GET",
      `/api/incidents/${inc.id}/scope?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    assert.equal(res.statusCode, 200, res.body);
    const rows = res.json().accounts as { actorId: string; total: number }[];
    const mine = rows.find((r) => r.actorId === pm) as unknown as {
      reads: number;
      exports: number;
      total: number;
    };
    assert.deepEqual([mine.reads, mine.exports, mine.total], [2, 1, 3], JSON.stringify(rows));
    const x = await call(
      PO,
      "GET",
      `/api/incidents/${inc.id}/scope.xlsx?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    assert.equal(x.statusCode, 200);
    assert.equal(x.rawPayload.subarray(0, 2).toString(), "PK");
    const bad = await call(
      PO,
      "GET",
      `/api/incidents/${inc.id}/scope?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`,
    );
    assert.equal(bad.statusCode, 400);
  });

  test("issue 13 item 6: corrective actions past their due date show as overdue on the dashboard", async () => {
    const f = await file("a", 3, "kr action file");
    const inc = (await call(PO, "POST", "/api/incidents", incidentBody([f]))).json();
    assert.equal(
      (
        await call(PO, "POST", `/api/incidents/${inc.id}/actions`, {
          title: "Train staff",
          dueOn: "2026-01-01",
        })
      ).statusCode,
      201,
    );
    const d = (await call(PO, "GET", "/api/incidents/dashboard")).json();
    assert.ok(d.overdueActions >= 1);
    // The open incident shows with the clock due first (KR: notify subjects and the report, both 72 h).
    const shown = d.incidents.find((i: { id: string }) => i.id === inc.id);
    assert.ok(shown, "the open incident is on the card");
    assert.equal(shown.nextClock.dueAt, "2026-03-05T14:30:00.000Z", "72 hours after 2026-03-02 22:30 +08:00");
    assert.equal(shown.nextClock.overdue, true);
    assert.ok(
      d.actions.some((a: { title: string; overdue: boolean }) => a.title === "Train staff" && a.overdue),
    );
  });
});
