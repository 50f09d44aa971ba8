import { and, count, eq } from "drizzle-orm";
import { cases, staff } from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger, type LedgerInput } from "../modules/audit/ledger.service";
import { type Actor, agencyInfo } from "../modules/cases/case.service";
import * as svc from "../modules/petitions/petitions.service";
import { seedPetitionTypes } from "../modules/petitions/types.service";

// Demo petitions (issue 12) for the Korean demo agency: the seed 003 type catalogue and a handful of
// petitions through the same service the API uses (numbers, clocks, receipt slips and ledger are real).
// Names and contacts are fictional.
const DEMO = [
  {
    typeCode: "life_construction",
    channel: "patrol",
    daysAgo: 1,
    title: "보도블록 파손",
    content: "한빛로 3길 버스정류장 앞 보도블록이 깨져 있습니다. 순찰 중 발견.",
    petitioner: { name: "순찰 보고", phone: "02-000-0001" },
  },
  {
    typeCode: "proposal",
    channel: "online",
    daysAgo: 3,
    title: "공원 운동기구 추가 설치 건의",
    content: "한빛공원에 어르신용 운동기구를 더 설치해 주시기 바랍니다.",
    petitioner: { name: "정건의", email: "gunui.jung@example.kr" },
  },
  {
    typeCode: "proposal",
    channel: "counter",
    daysAgo: 2,
    title: "공원 운동기구 설치 요청",
    content: "한빛공원에 어르신 운동기구를 추가로 설치해 주시기 바랍니다.",
    petitioner: { name: "오이웃", phone: "010-0000-1234" },
  },
  {
    typeCode: "permit",
    channel: "post",
    daysAgo: 5,
    title: "옥외광고물 허가 신청",
    content: "한빛상가 2층 간판 설치 허가를 신청합니다.",
    petitioner: { name: "한상인", address: "한빛시 상가로 2", phone: "010-0000-5678" },
  },
  {
    typeCode: "online_certificate",
    channel: "online",
    daysAgo: 0,
    title: "인터넷 증명 발급",
    content: "주민등록표 등본 인터넷 발급 신청",
    petitioner: { name: "김증명", email: "cert.kim@example.kr" },
  },
] as const;

export async function seedPetitionsDemo(deps: AppDeps, agencyId: string | undefined): Promise<number> {
  if (!agencyId) return 0;
  return deps.database.db.transaction(async (tx) => {
    await seedPetitionTypes(tx, agencyId);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.agencyId, agencyId), eq(cases.kind, "petition")));
    if (Number(n) > 0) return 0;
    const agency = await agencyInfo(tx, agencyId);
    const [clerk] = await tx
      .select({ id: staff.id, username: staff.username })
      .from(staff)
      .where(eq(staff.agencyId, agencyId))
      .limit(1);
    const actor: Actor = { id: clerk?.id ?? null, label: clerk?.username ?? "civicpims seed-demo" };
    const ledger: LedgerInput[] = [];
    const audit = (e: LedgerInput) =>
      ledger.push({ agencyId, actorId: actor.id, actorLabel: actor.label, ...e });
    const s: svc.ServiceCtx = { tx, deps, agency, actor, audit };
    for (const d of DEMO) {
      const { typeCode, title, content, petitioner, channel, daysAgo } = d;
      await svc.createPetition(
        s,
        { typeCode, title, content, petitioner: { ...petitioner } },
        {
          channel,
          receivedAt: new Date(Date.now() - daysAgo * 86_400_000),
          locale: "ko",
        },
      );
    }
    if (ledger.length) await appendLedger(tx, ledger, deps.ledger);
    return DEMO.length;
  });
}
