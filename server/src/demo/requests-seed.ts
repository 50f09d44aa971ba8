import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cases, registryFiles, requestItems, roleAssignments, staff, units } from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger, type LedgerInput } from "../modules/audit/ledger.service";
import { type Actor, agencyInfo, transition } from "../modules/cases/case.service";
import * as svc from "../modules/requests/requests.service";

// Demo rights requests (issue 6): open, overdue, extended, waiting and closed requests in both countries, made
// through the same services the API uses (so states, clocks, timelines, letters and ledger entries are real).

type Person = { name: string; email?: string; address?: string; birthDate?: string };

interface DemoRequest {
  kind: string;
  actions?: string[];
  channel: "online" | "visit" | "mail" | "fax" | "email";
  daysAgo: number;
  requester: Person;
  content: string;
  /** What happens after receipt. */
  flow:
    | "received"
    | "review"
    | "overdue"
    | "waiting"
    | "extended"
    | "granted_closed"
    | "refused_closed"
    | "partly_notified";
  ground?: string;
}

const KR: DemoRequest[] = [
  {
    kind: "access",
    channel: "online",
    daysAgo: 1,
    flow: "received",
    requester: { name: "김하늘", email: "haneul.kim@example.kr", birthDate: "1988-04-12" },
    content: "2025년 주민등록 등·초본 발급 내역 열람",
  },
  {
    kind: "access",
    channel: "visit",
    daysAgo: 3,
    flow: "review",
    requester: { name: "이도윤", email: "doyun.lee@example.kr", birthDate: "1979-11-02" },
    content: "복지급여 신청서 및 심사 기록 열람",
  },
  {
    kind: "correction_deletion",
    actions: ["correction"],
    channel: "mail",
    daysAgo: 25,
    flow: "overdue",
    requester: { name: "박서연", address: "한빛시 중앙로 12", birthDate: "1992-07-30" },
    content: "민원 처리 기록의 주소 정정",
  },
  {
    kind: "suspension",
    channel: "email",
    daysAgo: 4,
    flow: "waiting",
    requester: { name: "최지우", email: "jiwoo.choi@example.kr", birthDate: "1985-01-20" },
    content: "홍보 문자 발송 목적의 처리 정지",
  },
  {
    kind: "access",
    channel: "online",
    daysAgo: 6,
    flow: "granted_closed",
    requester: { name: "정민준", email: "minjun.jung@example.kr", birthDate: "1990-09-09" },
    content: "CCTV 영상 열람(2026-10-01 14시 시청 민원실)",
  },
  {
    kind: "access",
    channel: "fax",
    daysAgo: 8,
    flow: "refused_closed",
    ground: "art35-4-3-ma",
    requester: { name: "강예린", email: "yerin.kang@example.kr", birthDate: "1983-03-15" },
    content: "감사 진행 중인 조사 기록 열람",
  },
];

const TW: DemoRequest[] = [
  {
    kind: "query",
    channel: "online",
    daysAgo: 1,
    flow: "received",
    requester: { name: "林怡君", email: "yijun.lin@example.tw", birthDate: "1987-05-05" },
    content: "查詢本所保有之本人陳情案件資料",
  },
  {
    kind: "copy",
    channel: "visit",
    daysAgo: 5,
    flow: "extended",
    requester: { name: "陳志明", email: "zhiming.chen@example.tw", birthDate: "1975-12-01" },
    content: "申請製給 2025 年低收入戶審查資料複製本",
  },
  {
    kind: "inspection",
    channel: "mail",
    daysAgo: 40,
    flow: "overdue",
    requester: { name: "黃美玲", address: "青山區中正路 100 號", birthDate: "1969-08-18" },
    content: "申請閱覽本人之里民服務紀錄",
  },
  {
    kind: "deletion",
    channel: "email",
    daysAgo: 6,
    flow: "waiting",
    requester: { name: "張家豪", email: "jiahao.zhang@example.tw", birthDate: "1995-02-14" },
    content: "請求刪除已逾保存期限之志工報名資料",
  },
  {
    kind: "correction",
    channel: "online",
    daysAgo: 10,
    flow: "partly_notified",
    requester: { name: "王淑芬", email: "shufen.wang@example.tw", birthDate: "1972-10-10" },
    content: "更正戶籍地址及聯絡電話",
  },
  {
    kind: "copy",
    channel: "online",
    daysAgo: 12,
    flow: "refused_closed",
    ground: "art10-2",
    requester: { name: "李建宏", email: "jianhong.li@example.tw", birthDate: "1980-06-06" },
    content: "申請製給調查中案件之個人資料複製本",
  },
];

const DAY = 86_400_000;

async function officer(tx: Tx, agencyId: string): Promise<Actor> {
  const [s] = await tx
    .select({ id: staff.id, username: staff.username })
    .from(roleAssignments)
    .innerJoin(staff, eq(staff.id, roleAssignments.staffId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, "privacy_officer"),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .limit(1);
  return s ? { id: s.id, label: s.username } : { id: null, label: "demo" };
}

async function seedAgency(tx: Tx, deps: AppDeps, agencyId: string, ledger: LedgerInput[]): Promise<number> {
  const agency = await agencyInfo(tx, agencyId);
  const actor = await officer(tx, agencyId);
  const audit = (e: LedgerInput) =>
    ledger.push({ agencyId, actorId: actor.id, actorLabel: actor.label, ...e });
  const s: svc.ServiceCtx = { tx, deps, agency, actor, audit };
  const files = await tx
    .select({ id: registryFiles.id })
    .from(registryFiles)
    .where(eq(registryFiles.agencyId, agencyId))
    .orderBy(asc(registryFiles.name))
    .limit(3);
  // The demo agencies receive rights requests at their civil-service desk (민원봉사과 / 民政課), whose default
  // handler takes them (issue 11), so the demo work queue has cases to show.
  const [desk] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), inArray(units.code, ["civil-service", "civil-affairs"])));
  const list = agency.jurisdiction === "KR" ? KR : TW;
  const now = Date.now();
  for (const [i, d] of list.entries()) {
    const c = await svc.createRequest(
      s,
      {
        kind: d.kind,
        actions: d.actions,
        requesterType: "self",
        requester: d.requester,
        content: d.content,
        unitId: desk?.id,
        targetFileIds: files.length ? [files[i % files.length].id] : undefined,
        targetDescription: files.length ? undefined : d.content,
        delivery: d.requester.email ? { method: "email" } : { method: "post", address: d.requester.address },
      },
      {
        channel: d.channel,
        receivedAt: new Date(now - d.daysAgo * DAY),
        locale: agency.defaultLocale,
        emailVerifiedAt: d.channel === "online" ? new Date(now - d.daysAgo * DAY) : null,
      },
    );
    if (d.flow === "received") continue;
    await svc.recordIdentity(s, c.id, {
      personRole: "requester",
      method:
        d.channel === "visit"
          ? "id_card_in_person"
          : d.channel === "online"
            ? "mobile_phone"
            : "document_copy",
      documentType: agency.jurisdiction === "KR" ? "주민등록증" : "國民身分證",
      result: "verified",
    });
    if (d.flow === "review" || d.flow === "overdue") continue;
    if (d.flow === "waiting") {
      await transition(
        tx,
        agency,
        c.id,
        {
          type: "pause",
          reason: agency.jurisdiction === "KR" ? "정지 대상 처리 목적 확인 요청" : "請補正欲刪除資料之範圍",
        },
        { actor, audit },
      );
      continue;
    }
    if (d.flow === "extended") {
      await transition(
        tx,
        agency,
        c.id,
        { type: "extend", reason: "資料分散於多個單位，需調閱檔案" },
        { actor, audit },
      );
      continue;
    }
    const items = await tx
      .select({ id: requestItems.id })
      .from(requestItems)
      .where(eq(requestItems.caseId, c.id));
    const decision =
      d.flow === "granted_closed" ? "granted" : d.flow === "refused_closed" ? "refused" : "partly";
    await svc.decide(s, c.id, {
      items: items.map((it, k) => ({
        itemId: it.id,
        decision: decision === "partly" && k > 0 ? "granted" : decision,
        ...(decision !== "granted" ? { groundCode: d.ground ?? "contrary_to_law", note: "demo" } : {}),
      })),
    });
    await svc.notifyRequester(s, c.id);
    if (d.flow !== "partly_notified") await transition(tx, agency, c.id, { type: "close" }, { actor, audit });
  }
  return list.length;
}

/**
 * Seeds demo requests for the given agencies (idempotent: an agency that already has rights requests is left
 * alone). Seed the register first so requests point at real files. Returns the number created per code.
 */
export async function seedRequestsDemo(
  deps: AppDeps,
  agencyIdsByCode: Record<string, string> | Map<string, string>,
): Promise<Record<string, number>> {
  const entries = agencyIdsByCode instanceof Map ? [...agencyIdsByCode] : Object.entries(agencyIdsByCode);
  const out: Record<string, number> = {};
  await deps.database.db.transaction(async (tx) => {
    const ledger: LedgerInput[] = [];
    for (const [code, agencyId] of entries) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), eq(cases.kind, "rights_request")));
      out[code] = Number(n) > 0 ? 0 : await seedAgency(tx, deps, agencyId, ledger);
    }
    if (ledger.length) await appendLedger(tx, ledger, deps.ledger);
  });
  return out;
}
