import { and, count, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { archiveEntries, archiveSettings, units } from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger } from "../modules/audit/ledger.service";
import { fontBytes } from "../modules/letters/fonts";
import { guardArchive, publishEntry } from "../modules/redaction/archive.service";

// Demo public archive (issue 12 item 3): both demo agencies opt in, and hanbit-city publishes one released
// document (minutes of its information-disclosure deliberation committee, with no personal data) so the
// portal archive is not empty. The file goes through the same PII publication guard as the API; a demo
// document that the guard refused would stop the seed rather than be published past it.

export const DEMO_ARCHIVE_DOC = {
  title: "2025년 제1회 정보공개심의회 회의록 (공개본)",
  summary: "공개 청구 3건의 공개 여부 심의 결과와 정보공개 목록 정비 계획. 위원 명단은 직위로만 적었습니다.",
  documentDate: "2025-03-14",
  unit: "admin-support",
  filename: "정보공개심의회-회의록-2025-1.pdf",
} as const;

const LINES = [
  "한빛시 정보공개심의회 회의록 (공개본)",
  "",
  "일시: 2025년 3월 14일 14:00 ~ 15:30",
  "장소: 한빛시청 본관 3층 소회의실",
  "참석: 위원장(부시장), 내부 위원 2명, 외부 위원 3명",
  "",
  "1. 심의 안건",
  "  가. 도로 보수 공사 계약서 공개 청구: 전부 공개",
  "  나. 업무추진비 집행 내역 공개 청구: 부분 공개 (법인 영업상 비밀 부분 비공개)",
  "  다. 감사 진행 중인 사안의 자료 공개 청구: 비공개 (감사 종료 후 재검토)",
  "",
  "2. 정보공개 목록 정비",
  "  부서별 정보목록을 분기마다 갱신하고, 공개 결정된 자료는 공개 자료실에 게시한다.",
  "",
  "3. 다음 회의: 2025년 6월 중 (추후 공지)",
];

/** The demo document: one A4 page in Noto Sans KR (pdfkit embeds only the glyphs used). */
export async function demoArchivePdf(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    info: { Title: DEMO_ARCHIVE_DOC.title, Producer: "CivicPIMS demo", Creator: "CivicPIMS demo" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on("end", () => r()));
  doc.registerFont("kr", fontBytes("kr"));
  doc.font("kr").fontSize(11);
  let y = 72;
  for (const l of LINES) {
    if (l) doc.text(l, 64, y);
    y += 22;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Opts the demo agencies in (an agency that already has a setting keeps it: a demo admin who opted out is
 * not overruled) and publishes the demo document once for hanbit-city. Returns the entries published.
 */
export async function seedArchiveDemo(
  deps: AppDeps,
  ids: Record<string, string | undefined>,
): Promise<number> {
  const db = deps.database.db;
  for (const id of Object.values(ids))
    if (id) await db.insert(archiveSettings).values({ agencyId: id, enabled: true }).onConflictDoNothing();
  const agencyId = ids["hanbit-city"];
  if (!agencyId) return 0;
  const [{ n }] = await db
    .select({ n: count() })
    .from(archiveEntries)
    .where(eq(archiveEntries.agencyId, agencyId));
  if (Number(n) > 0) return 0;
  const data = await demoArchivePdf();
  const actor = { id: null, label: "civicpims seed-demo" };
  const meta = {
    title: DEMO_ARCHIVE_DOC.title,
    summary: DEMO_ARCHIVE_DOC.summary,
    documentDate: DEMO_ARCHIVE_DOC.documentDate,
  };
  const file = { filename: DEMO_ARCHIVE_DOC.filename, data };
  // The guard first (it also refuses when the agency opted out): nothing is published past it.
  try {
    await guardArchive(db, deps, agencyId, file, meta, actor);
  } catch (e) {
    if ((e as { code?: string }).code === "archive.disabled") return 0;
    throw e;
  }
  return db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.agencyId, agencyId), eq(units.code, DEMO_ARCHIVE_DOC.unit)));
    const row = await publishEntry(tx, deps, agencyId, { ...meta, ...file, unitId: unit?.id ?? null }, actor);
    await appendLedger(
      tx,
      [
        {
          action: "archive.entry.publish",
          agencyId,
          actorLabel: actor.label,
          resourceType: "archive_entry",
          resourceId: row.id,
          details: { caseId: null, size: row.size, documentDate: row.documentDate },
        },
      ],
      deps.ledger,
    );
    return 1;
  });
}
