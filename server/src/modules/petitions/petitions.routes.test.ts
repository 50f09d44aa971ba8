import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../test-support/app";
import { candidateKeys, candidates } from "./petitions.service";
import { seedPetitionTypes } from "./types.service";

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await t.deps.database.db.transaction((tx) => seedPetitionTypes(tx, t.a.id));
});
after(async () => t.close());

const po = (w: "a" | "b" = "a") => t.as("privacy_officer", w);
async function call(
  method: "POST" | "PUT" | "GET" | "DELETE",
  url: string,
  payload?: unknown,
  w: "a" | "b" = "a",
) {
  return t.inject({ method, url, payload: payload as object, headers: await po(w) });
}
async function count(table: string, where = "true", params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
}

const petition = (over: Record<string, unknown> = {}) => ({
  typeCode: "proposal",
  channel: "counter",
  title: "도로 보수 요청",
  content: "한빛동 12번지 앞 도로에 큰 구멍이 있어 보행자가 넘어질 위험이 있습니다. 빠른 보수를 요청합니다.",
  petitioner: { name: "김민원", phone: "010-2222-3333" },
  // Tuesday 10 March 2026, 10:00 KST.
  receivedAt: "2026-03-10T10:00:00+09:00",
  ...over,
});

describe("petitions (staff)", () => {
  test("I1, I2: intake at the counter gets PT-YYYY-NNNNNN, the type's period on the minwon clock, a receipt slip", async () => {
    const res = await call("POST", "/api/petitions", petition());
    assert.equal(res.statusCode, 201, res.body);
    const p = res.json();
    assert.match(p.case.number, /^PT-2026-\d{6}$/);
    assert.equal(p.case.channel, "counter");
    assert.equal(p.case.deadlineKind, "minwon");
    assert.equal(p.case.requestKind, "proposal");
    // proposal = 14 days, §19(2): first day counted, Saturdays and holidays not: received Tue 10 Mar 2026;
    // working days 10,11,12,13 | 16-20 | 23-27 = 14 -> due end of Fri 27 Mar 2026 (hand count).
    assert.equal(p.case.dueAt.slice(0, 10), "2026-03-27");
    assert.equal(p.petitioner.name, "김민원");
    assert.ok(p.letters.some((l: { kind: string }) => l.kind === "petition_receipt"));
    const [raw] = await t.tdb.query<{ content_enc: string; search_text: string }>(
      "SELECT content_enc, search_text FROM petitions WHERE case_id = $1",
      [p.case.id],
    );
    assert.ok(!raw.content_enc.includes("구멍"));
    assert.ok(raw.search_text.includes("구멍"));
  });

  test("I2: an online certificate is due 4 working hours after receipt", async () => {
    const res = await call(
      "POST",
      "/api/petitions",
      petition({
        typeCode: "online_certificate",
        channel: "online",
        receivedAt: "2026-03-10T10:00:00+09:00",
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    // 10:00 + 4 working hours with the 12:00-13:00 lunch break -> 15:00 KST = 06:00Z (office hours 09-18).
    const due = new Date(res.json().case.dueAt).getTime();
    assert.ok(
      due >= Date.parse("2026-03-10T14:00:00+09:00") && due <= Date.parse("2026-03-10T15:00:00+09:00"),
      res.json().case.dueAt,
    );
  });

  test("I2: a petition type whose period is missing is refused with a clear error, nothing saved", async () => {
    await t.tdb.query(
      "UPDATE petition_types SET period_days = NULL, period_hours = NULL WHERE agency_id = $1 AND code = 'inspection'",
      [t.a.id],
    );
    const before = await count("cases", "agency_id = $1", [t.a.id]);
    const res = await t.inject({
      method: "POST",
      url: "/api/petitions",
      payload: petition({ typeCode: "inspection" }),
      headers: { ...(await po()), "accept-language": "en" },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "petitions.period_missing");
    assert.match(res.json().message, /no processing period/);
    assert.equal(await count("cases", "agency_id = $1", [t.a.id]), before);
    // Editing the type without a period is refused too.
    const put = await call("PUT", "/api/petitions/types/inspection", {
      group: "statutory",
      nameKo: "검사",
      nameZh: "檢查",
      nameEn: "Inspection",
      citation: "x",
    });
    assert.equal(put.statusCode, 400);
    assert.equal(put.json().code, "petitions.period_missing");
  });

  test("I1: transfer to another unit of the agency keeps the due date; a unit of another agency is refused, nothing saved", async () => {
    const p = (await call("POST", "/api/petitions", petition())).json();
    const unit = (await call("POST", "/api/org/units", { code: "road", nameLocal: "도로과" }, "a")).json();
    const tr = await call("POST", `/api/petitions/${p.case.id}/transfer-unit`, {
      unitId: unit.id,
      reason: "소관 부서",
    });
    assert.equal(tr.statusCode, 200, tr.body);
    assert.equal(tr.json().case.unitId, unit.id);
    assert.equal(tr.json().case.dueAt, p.case.dueAt);
    const events = await count("case_events", "case_id = $1 AND type = 'unit_transfer'", [p.case.id]);
    assert.equal(events, 1);
    const bad = await call("POST", `/api/petitions/${p.case.id}/transfer-unit`, {
      unitId: t.b.unitId,
      reason: "x",
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "petitions.unit_other_agency");
    const [row] = await t.tdb.query<{ unit_id: string; version: number }>(
      "SELECT unit_id, version FROM cases WHERE id = $1",
      [p.case.id],
    );
    assert.equal(row.unit_id, unit.id);
    assert.equal(await count("case_events", "case_id = $1 AND type = 'unit_transfer'", [p.case.id]), 1);
  });

  test("I1: 이송 closes the petition as transferred with the letter to the petitioner", async () => {
    const p = (await call("POST", "/api/petitions", petition())).json();
    const res = await call("POST", `/api/petitions/${p.case.id}/transfer-agency`, {
      to: "한빛도 도로관리사업소",
      reason: "도 관리 도로",
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, "transferred");
    assert.equal(res.json().outcome, "transferred");
    assert.equal(res.json().letter.kind, "petition_transfer");
  });

  test("I2: one extension with notice; a second is refused", async () => {
    const p = (await call("POST", "/api/petitions", petition({ receivedAt: undefined }))).json();
    await t.tdb.query("UPDATE cases SET state = 'in_review' WHERE id = $1", [p.case.id]);
    const ext = await call("POST", `/api/cases/${p.case.id}/extend`, { reason: "현장 조사 필요" });
    assert.equal(ext.statusCode, 200, ext.body);
    assert.equal(ext.json().letter.kind, "petition_extension_notice");
    // Extended by the original period (14 days): due moves past the original.
    assert.ok(ext.json().dueAt > p.case.dueAt);
    const again = await call("POST", `/api/cases/${p.case.id}/extend`, { reason: "다시" });
    assert.equal(again.statusCode, 409);
  });

  test("I5, A17: a guardian is named while open, shown until closed, refused after", async () => {
    const p = (await call("POST", "/api/petitions", petition())).json();
    const handler = t.a.staffByRole.handler;
    const g = await call("PUT", `/api/petitions/${p.case.id}/guardian`, { staffId: handler });
    assert.equal(g.statusCode, 200, g.body);
    assert.equal(g.json().guardian.id, handler);
    const ans = await call("POST", `/api/petitions/${p.case.id}/answer`, {
      outcome: "granted",
      summary: "보수 완료",
    });
    assert.equal(ans.statusCode, 200, ans.body);
    assert.equal(ans.json().state, "notified");
    assert.equal(ans.json().letter.kind, "petition_answer");
    const close = await call("POST", `/api/cases/${p.case.id}/close`, {});
    assert.equal(close.statusCode, 200, close.body);
    const after = await call("PUT", `/api/petitions/${p.case.id}/guardian`, { staffId: handler });
    assert.equal(after.statusCode, 409);
    assert.equal(after.json().code, "petitions.guardian_closed");
  });

  test("I1: repeat petitions by blind index and similar text via trigram are proposed; the handler links", async () => {
    const first = (
      await call(
        "POST",
        "/api/petitions",
        petition({ petitioner: { name: "박반복", email: "park@example.kr" } }),
      )
    ).json();
    const second = (
      await call(
        "POST",
        "/api/petitions",
        petition({
          petitioner: { name: "박반복", email: "PARK@example.kr" },
          title: "다른 건",
          content: "공원 화장실 청소를 자주 해 주십시오.",
        }),
      )
    ).json();
    assert.ok(second.candidates.samePetitioner.some((c: { caseId: string }) => c.caseId === first.case.id));
    // A third, by someone else, nearly the same text as the first: found by similarity.
    const cand = await call("POST", "/api/petitions/candidates", {
      content: "한빛동 12번지 앞 도로에 큰 구멍이 있어 보행자가 넘어질 위험이 있습니다. 보수를 요청합니다.",
      petitioner: { name: "이웃", phone: "010-9999-0000" },
    });
    assert.equal(cand.statusCode, 200, cand.body);
    const sim = cand.json().similar;
    assert.ok(
      sim.some((c: { caseId: string }) => c.caseId === first.case.id),
      JSON.stringify(sim),
    );
    assert.ok(sim.every((c: { score: number }) => c.score >= 0.3));
    assert.equal(cand.json().samePetitioner.length, 0);
    const link = await call("POST", `/api/petitions/${second.case.id}/links`, {
      otherCaseId: first.case.id,
      kind: "repeat",
    });
    assert.equal(link.statusCode, 201, link.body);
    assert.equal(link.json().links[0].otherNumber, first.case.number);
    const b = await call("POST", `/api/petitions/${second.case.id}/links`, {
      otherCaseId: first.case.id,
      kind: "repeat",
    });
    assert.equal(b.statusCode, 409);
  });

  test("I1: list by kind with the petitioner's name; another agency's petition is not found", async () => {
    const list = await call("GET", "/api/petitions?pageSize=100");
    assert.equal(list.statusCode, 200, list.body);
    assert.ok(list.json().items.length >= 5);
    assert.ok(list.json().items.every((i: { kind: string }) => i.kind === "petition"));
    const id = list.json().items[0].id;
    const other = await call("GET", `/api/petitions/${id}`, undefined, "b");
    assert.equal(other.statusCode, 404);
  });
});

describe("similar-petition lookup (the trigram index)", () => {
  test("I1: similar text is found through the indexable % operator whatever the session's pg_trgm threshold", async () => {
    // The lookup uses % so the GIN index serves it (bench/similar-petitions.ts: a scan of every petition
    // otherwise). % follows pg_trgm.similarity_threshold; a caller's session set to 0.95 must not hide a
    // candidate at >= 0.3 (SIMILARITY.show), so the service pins the threshold for its transaction.
    const text = "가로등 고장으로 밤길이 어둡습니다. 새빛로 삼거리 가로등 세 개를 수리해 주십시오.";
    const filed = await call(
      "POST",
      "/api/petitions",
      petition({
        content: text,
        title: "가로등 수리",
        petitioner: { name: "최가로", phone: "010-4444-5555" },
      }),
    );
    assert.equal(filed.statusCode, 201, filed.body);
    const id = filed.json().case.id;
    const keys = candidateKeys(t.deps, {
      content: "새빛로 삼거리 가로등 세 개가 고장으로 밤길이 어둡습니다. 수리 바랍니다.",
      petitioner: { name: "다른이" },
    });
    const r = await t.deps.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL pg_trgm.similarity_threshold = 0.95`);
      return candidates(tx, t.deps, t.a.id, keys);
    });
    const hit = r.similar.find((c) => c.caseId === id);
    assert.ok(hit, JSON.stringify(r.similar));
    assert.ok(hit.score >= 0.3 && hit.score < 0.95, String(hit.score));
  });
});
