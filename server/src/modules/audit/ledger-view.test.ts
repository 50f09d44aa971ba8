// Issue 11 item 5: a ledger auditors can read. Expected strings are written by hand; blind indexes
// are computed here with node:crypto from hand-normalised keys, not with the code under test.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { cases, registryFiles } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import { appendLedger, type LedgerInput } from "./ledger.service";

let t: TestApp;
const ref = (key: string) =>
  createHmac("sha256", t.deps.secrets.blindIndexKey).update(`subject:${key}`).digest("hex").slice(0, 32);
const ids = { caseA: "", fileA: "", fileB: "" };

async function append(entries: LedgerInput[]) {
  await t.deps.database.db.transaction((tx) => appendLedger(tx, entries, t.deps.ledger));
}

before(async () => {
  t = await createTestApp();
  const db = t.deps.database.db;
  const now = new Date("2026-03-01T00:00:00Z");
  const [c] = await db
    .insert(cases)
    .values({
      agencyId: t.a.id,
      kind: "rights_request",
      number: "2026-열람-0007",
      channel: "online",
      subKind: "access",
      deadlineKind: "days",
      receivedAt: now,
      dueAt: now,
      originalDueAt: now,
    })
    .returning();
  const [fa] = await db
    .insert(registryFiles)
    .values({
      agencyId: t.a.id,
      name: "주민등록 민원 파일",
      unitId: t.a.unitId,
      processingMethod: "electronic",
    })
    .returning();
  const [fb] = await db
    .insert(registryFiles)
    .values({ agencyId: t.b.id, name: "Other agency's file", unitId: t.b.unitId, processingMethod: "paper" })
    .returning();
  Object.assign(ids, { caseA: c.id, fileA: fa.id, fileB: fb.id });
  const officer = t.a.staffByRole.privacy_officer;
  const handler = t.a.staffByRole.handler;
  await append([
    // Seoul: 2026-02-28 23:59:59, just outside a filter for 1 March.
    {
      agencyId: t.a.id,
      actorId: officer,
      actorLabel: "privacy_officer.A",
      action: "registry.file.create",
      resourceType: "registry_file",
      resourceId: fa.id,
      occurredAt: new Date("2026-02-28T14:59:59Z"),
    },
    // Seoul: 2026-03-01 09:30:05.
    {
      agencyId: t.a.id,
      actorId: officer,
      actorLabel: "privacy_officer.A",
      action: "registry.file.create",
      resourceType: "registry_file",
      resourceId: fa.id,
      occurredAt: new Date("2026-03-01T00:30:05Z"),
    },
    // Same action by another staff member: the staff filter leaves it out.
    {
      agencyId: t.a.id,
      actorId: handler,
      actorLabel: "handler.A",
      action: "registry.file.create",
      resourceType: "registry_file",
      resourceId: fa.id,
      occurredAt: new Date("2026-03-01T01:00:00Z"),
    },
    // An id of agency B's file in an entry of agency A must not be named.
    {
      agencyId: t.a.id,
      actorId: officer,
      actorLabel: "privacy_officer.A",
      action: "registry.file.update",
      resourceType: "registry_file",
      resourceId: fb.id,
      occurredAt: new Date("2026-03-01T02:00:00Z"),
    },
    // A rights request indexes its subject as "person:<name>|<birth date>" ...
    {
      agencyId: t.a.id,
      actorId: handler,
      actorLabel: "handler.A",
      action: "cases.case.read",
      resourceType: "case",
      resourceId: c.id,
      subjectRef: ref("PERSON:홍길동|19800102"),
      occurredAt: new Date("2026-03-02T00:00:00Z"),
    },
    // ... the register's subject search as "<name>|<birth date>" ...
    {
      agencyId: t.a.id,
      actorId: officer,
      actorLabel: "privacy_officer.A",
      action: "registry.subject_search",
      subjectRef: ref("홍길동|19800102"),
      occurredAt: new Date("2026-03-02T00:01:00Z"),
    },
    // ... someone else, and a requester known by e-mail only.
    {
      agencyId: t.a.id,
      actorId: handler,
      actorLabel: "handler.A",
      action: "cases.case.read",
      resourceType: "case",
      resourceId: c.id,
      subjectRef: ref("PERSON:홍길순|19800102"),
      occurredAt: new Date("2026-03-02T00:02:00Z"),
    },
    {
      agencyId: t.a.id,
      actorId: handler,
      actorLabel: "handler.A",
      action: "requests.request.read",
      resourceType: "case",
      resourceId: c.id,
      subjectRef: ref("EMAIL:HONG@EXAMPLE.ORG"),
      occurredAt: new Date("2026-03-02T00:03:00Z"),
    },
  ]);
});
after(async () => t.close());

type Item = {
  seq: number;
  action: string;
  actionLabel: string | null;
  resourceId: string | null;
  targetLabel: string | null;
  actorName: string | null;
  subjectRef: string | null;
};

async function list(query: string, locale = "ko") {
  const res = await t.inject({
    method: "GET",
    url: `/api/audit/ledger?${query}`,
    headers: { ...(await t.as("auditor")), "x-locale": locale },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Item[]; total: number };
}

describe(`readable ledger on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("E3: targets show as receipt number / file name, action as a phrase, only within the caller's agency", async () => {
    const r = await list("action=registry.file.update");
    assert.equal(r.total, 1);
    assert.equal(r.items[0].resourceId, ids.fileB);
    assert.equal(r.items[0].targetLabel, null, "another agency's file got a name");
    assert.equal(r.items[0].actionLabel, "개인정보파일 변경");

    const created = await list("action=registry.file.create", "zh-TW");
    assert.equal(created.total, 3);
    assert.deepEqual(
      created.items.map((i) => [i.targetLabel, i.actionLabel]),
      [
        ["주민등록 민원 파일", "個人資料檔案登錄"],
        ["주민등록 민원 파일", "個人資料檔案登錄"],
        ["주민등록 민원 파일", "個人資料檔案登錄"],
      ],
    );
    const reads = await list("action=cases.case.read", "en");
    assert.deepEqual(
      reads.items.map((i) => [i.targetLabel, i.actionLabel]),
      [
        ["2026-열람-0007", "Case viewed"],
        ["2026-열람-0007", "Case viewed"],
      ],
    );
  });

  test("E3: staff member filter by id and the date range as days in the agency's zone", async () => {
    const officer = t.a.staffByRole.privacy_officer;
    const r = await list(`action=registry.file.create&actorId=${officer}&from=2026-03-01&to=2026-03-01`);
    assert.equal(r.total, 1, "the 23:59:59 entry of 28 Feb (Seoul) or the handler's entry slipped in");
    assert.equal(r.items[0].actorName, "privacy_officer of agency-a");
  });

  test("E3: data subject by name + birth date or by identifier, never stored", async () => {
    const headers = await t.as("auditor");
    const lookup = async (body: Record<string, string>) => {
      const res = await t.inject({
        method: "POST",
        url: "/api/audit/ledger/subject-refs",
        headers,
        payload: body,
      });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { refs: string[] }).refs;
    };
    const byName = await lookup({ name: "홍 길동", birthdate: "1980-01-02" });
    const r = await list(`subject=${byName.join(",")}`);
    // The auditor's own look-up is recorded under the same person (by blind index only).
    assert.deepEqual(r.items.map((i) => i.action).sort(), [
      "audit.ledger.subject_lookup",
      "cases.case.read",
      "registry.subject_search",
    ]);
    assert.ok(r.items.every((i) => i.subjectRef !== ref("PERSON:홍길순|19800102")));

    const byMail = await lookup({ identifier: "hong@example.org" });
    const m = await list(`subject=${byMail.join(",")}`);
    assert.deepEqual(m.items.map((i) => i.action).sort(), [
      "audit.ledger.subject_lookup",
      "requests.request.read",
    ]);

    const bad = await t.inject({
      method: "POST",
      url: "/api/audit/ledger/subject-refs",
      headers: { ...headers, "x-locale": "ko" },
      payload: { name: "홍길동" },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "audit.subject_input");
    assert.equal(bad.json().message, "이름과 생년월일을 함께 입력하거나 식별번호를 입력하세요.");

    const leaked = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE details::text LIKE '%길동%' OR details::text ILIKE '%hong@%'",
    );
    assert.equal(Number(leaked[0].n), 0, "a typed name or identifier reached the ledger");
    const [lk] = await t.tdb.query<{ subject_ref: string }>(
      "SELECT subject_ref FROM ledger_entries WHERE action = 'audit.ledger.subject_lookup' ORDER BY seq LIMIT 1",
    );
    assert.ok(byName.includes(lk.subject_ref));
  });

  test("E3: the CSV export applies the current filter, with Korean headers and Seoul wall-clock times", async () => {
    const officer = t.a.staffByRole.privacy_officer;
    const res = await t.inject({
      method: "GET",
      url: `/api/audit/ledger/export?format=csv&action=registry.file.create&actorId=${officer}`,
      headers: { ...(await t.as("auditor")), "x-locale": "ko" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    assert.equal(
      lines[0],
      '"순번","일시 (Asia/Seoul)","직원","접속 주소","행위","행위 코드","대상","대상 종류","대상 ID","정보주체 참조값","목적","결과","해시"',
    );
    assert.equal(lines.length, 3, "two matching entries");
    assert.match(
      lines[1],
      /^"\d+","2026-02-28 23:59:59","privacy_officer of agency-a \(privacy_officer\.A\)","","개인정보파일 등록","registry\.file\.create","주민등록 민원 파일","registry_file",/,
    );
    assert.match(lines[2], /^"\d+","2026-03-01 09:30:05",.*,"성공","[0-9a-f]{64}"$/);
  });

  test("E3: the xlsx export in Chinese: localised headers, Seoul times, filter applied", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/audit/ledger/export?format=xlsx&action=cases.case.read",
      headers: { ...(await t.as("auditor")), "x-locale": "zh-TW" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1, 8), [
      "序號",
      "時間 (Asia/Seoul)",
      "人員",
      "連線位址",
      "動作",
      "動作代碼",
      "對象",
    ]);
    assert.equal(ws.rowCount, 3);
    assert.equal(ws.getRow(2).getCell(2).value, "2026-03-02 09:00:00");
    assert.equal(ws.getRow(2).getCell(5).value, "案件檢視");
    assert.equal(ws.getRow(2).getCell(7).value, "2026-열람-0007");
  });

  test("E3: an export whose filter matches nothing says so instead of sending an empty file", async () => {
    for (const [locale, message] of [
      ["ko", "현재 조건에 맞는 기록이 없어 내보낼 내용이 없습니다. 조건을 바꿔 다시 시도하세요."],
      [
        "en",
        "No entries match the current filter, so there is nothing to export. Change the filter and try again.",
      ],
    ]) {
      const res = await t.inject({
        method: "GET",
        url: "/api/audit/ledger/export?format=csv&action=org.unit.delete",
        headers: { ...(await t.as("auditor")), "x-locale": locale },
      });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, "audit.empty_export");
      assert.equal(res.json().message, message);
    }
  });

  test("E3: facets list action phrases, the agency's own staff and the checkpoint policy", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/audit/ledger/facets",
      headers: { ...(await t.as("auditor")), "x-locale": "ko" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json() as {
      actions: Array<{ action: string; label: string }>;
      staff: Array<{ id: string; displayName: string }>;
      timeZone: string;
      checkpoints: { every: number; minutes: number; nextAtSeq: number };
    };
    assert.equal(f.actions.find((a) => a.action === "registry.file.create")?.label, "개인정보파일 등록");
    assert.ok(f.staff.some((s) => s.id === t.a.staffByRole.handler));
    assert.ok(!f.staff.some((s) => s.id === t.b.staffByRole.handler), "another agency's staff listed");
    assert.equal(f.timeZone, "Asia/Seoul");
    assert.equal(f.checkpoints.every, t.deps.config.ledgerCheckpointEvery);
    assert.equal(f.checkpoints.minutes, t.deps.config.ledgerCheckpointMinutes);
    assert.equal(f.checkpoints.nextAtSeq % f.checkpoints.every, 0);
  });
});
