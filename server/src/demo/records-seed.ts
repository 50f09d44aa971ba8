import type { RecordMedium } from "@civicpims/core/records/index";
import { and, count, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { recordSeries, registryFiles, staff, units } from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger, type LedgerInput } from "../modules/audit/ledger.service";
import * as svc from "../modules/records/records.service";
import { todayIn } from "../modules/registry/context";

// Demo records management for hanbit-city (issue 12 item 4): the records unit (A17), six record series after
// seed 003 II (civil-affairs papers, personnel cards, budget and accounts, town-planning drawings, photos,
// visitor logs) and records across retention classes and media. Dates are counted back from the current
// year in the agency's zone, so the demo always shows the same picture: records due for transfer, records
// past their retention (the expiry review), and one record already in the archive. Everything goes through
// the records service the API uses (same checks), in one transaction: a handful of inserts, fast at start.

interface SeriesSpec {
  code: string;
  title: string;
  unit: string;
  classificationCode: string;
  retentionClass: string;
  mediumDefault: RecordMedium;
  /** Name of the demo register file (registry-seed.ts) kept in this series. */
  registryFile?: string;
}

interface RecordSpec {
  series: string;
  refNo: string;
  title: string;
  /** Years before the current year in which the record was produced and closed. */
  producedYearsAgo: number;
  closedYearsAgo: number;
  quantity: number;
  location: string;
  retentionClass?: string;
  /** Transferred to the archive this many years ago (on 15 February). */
  transferredYearsAgo?: number;
}

const SERIES: SeriesSpec[] = [
  {
    code: "HB-CIV",
    title: "민원 처리 서류철",
    unit: "civil-service",
    classificationCode: "1310100",
    retentionClass: "5y",
    mediumDefault: "paper_volume",
    registryFile: "민원사무 처리부",
  },
  {
    code: "HB-EDOC",
    title: "민원 처리 전자문서",
    unit: "civil-service",
    classificationCode: "1310200",
    retentionClass: "3y",
    mediumDefault: "electronic",
  },
  {
    code: "HB-HR",
    title: "인사기록카드",
    unit: "admin-support",
    classificationCode: "1120100",
    retentionClass: "semi_permanent",
    mediumDefault: "card",
    registryFile: "직원 인사기록",
  },
  {
    code: "HB-BUD",
    title: "예산회계 증빙서류철",
    unit: "planning",
    classificationCode: "1210300",
    retentionClass: "5y",
    mediumDefault: "paper_volume",
  },
  {
    code: "HB-URB",
    title: "도시계획 도면",
    unit: "planning",
    classificationCode: "1530100",
    retentionClass: "permanent",
    mediumDefault: "drawing",
  },
  {
    code: "HB-PHO",
    title: "시정 사진 기록",
    unit: "admin-support",
    classificationCode: "1140500",
    retentionClass: "permanent",
    mediumDefault: "photo",
  },
  {
    code: "HB-VIS",
    title: "청사 출입 기록부",
    unit: "admin-support",
    classificationCode: "1150900",
    retentionClass: "1y",
    mediumDefault: "paper_volume",
  },
];

// With the policy below (2 holding years, 1-year records kept at the unit), in year Y:
//  due for transfer (held, closed in Y-3 or earlier, not 1y): CIV-002, EDOC-001, HR-001, BUD-002, URB-001;
//  past retention (end = 31 Dec of closing year + years, before today): CIV-003 (in the archive), EDOC-001,
//  BUD-002, VIS-001; transferred: CIV-003.
const RECORDS: RecordSpec[] = [
  rec("HB-CIV", "HB-CIV-001", "민원 처리 서류 (작년)", 1, 1, 12, "민원봉사과 서고 A-1"),
  rec("HB-CIV", "HB-CIV-002", "민원 처리 서류 (3년 전)", 3, 3, 15, "민원봉사과 서고 A-2"),
  {
    ...rec("HB-CIV", "HB-CIV-003", "민원 처리 서류 (6년 전)", 6, 6, 9, "민원봉사과 서고 A-3"),
    transferredYearsAgo: 2,
  },
  rec("HB-EDOC", "HB-EDOC-001", "민원 처리 전자문서 (4년 전)", 4, 4, 340, "전자기록 생산시스템"),
  rec("HB-EDOC", "HB-EDOC-002", "민원 처리 전자문서 (작년)", 1, 1, 410, "전자기록 생산시스템"),
  rec("HB-HR", "HB-HR-001", "인사기록카드 (퇴직자)", 12, 10, 1400, "행정지원과 보존서가 C-1"),
  rec("HB-BUD", "HB-BUD-001", "예산 집행 증빙 (2년 전)", 2, 2, 30, "기획예산과 서고 B-1"),
  rec("HB-BUD", "HB-BUD-002", "예산 집행 증빙 (8년 전)", 8, 8, 24, "기획예산과 서고 B-2"),
  {
    ...rec("HB-BUD", "HB-BUD-003", "세입세출 결산서 (2년 전)", 2, 2, 3, "기획예산과 서고 B-3"),
    retentionClass: "10y",
  },
  rec("HB-URB", "HB-URB-001", "도시관리계획 결정도", 20, 20, 14, "기획예산과 도면함 D-1"),
  rec("HB-PHO", "HB-PHO-001", "시정 행사 사진 (작년)", 1, 1, 250, "행정지원과 사진함 P-1"),
  rec("HB-VIS", "HB-VIS-001", "청사 출입 기록부 (2년 전)", 2, 2, 2, "행정지원과 문서함"),
  rec("HB-VIS", "HB-VIS-002", "청사 출입 기록부 (작년)", 1, 1, 2, "행정지원과 문서함"),
];

function rec(
  series: string,
  refNo: string,
  title: string,
  producedYearsAgo: number,
  closedYearsAgo: number,
  quantity: number,
  location: string,
): RecordSpec {
  return { series, refNo, title, producedYearsAgo, closedYearsAgo, quantity, location };
}

async function seedOne(tx: Tx, agencyId: string, ledger: LedgerInput[]): Promise<number> {
  const unitRows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.agencyId, agencyId));
  const unitId = (code: string) => {
    const u = unitRows.find((r) => r.code === code);
    if (!u) throw new Error(`demo unit missing: ${code}`);
    return u.id;
  };
  // The records manager makes the entries (created_by, transferred_by are staff).
  const [manager] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.agencyId, agencyId), eq(staff.username, "records.jung")));
  if (!manager) throw new Error("demo records manager missing");
  const actor = { agencyId, actorId: manager.id, actorLabel: "civicpims seed-demo" };
  const year = Number(todayIn("Asia/Seoul").slice(0, 4));

  await svc.saveSettings(tx, agencyId, {
    recordsUnitId: unitId("records"),
    archiveName: "한빛시 기록관",
    holdingYears: 2,
    keepAtUnit: ["1y"],
  });
  ledger.push({ ...actor, action: "records.settings.update", resourceType: "record_settings" });

  const seriesIds = new Map<string, string>();
  for (const s of SERIES) {
    const row = await svc.createSeries(tx, agencyId, {
      code: s.code,
      title: s.title,
      unitId: unitId(s.unit),
      classificationCode: s.classificationCode,
      retentionClass: s.retentionClass,
      mediumDefault: s.mediumDefault,
      custodianUnitId: unitId(s.unit),
    });
    seriesIds.set(s.code, row.id);
    // Register files reference their records-schedule class (J2): the demo links the matching files.
    if (s.registryFile)
      await tx
        .update(registryFiles)
        .set({ recordsSeriesId: row.id })
        .where(and(eq(registryFiles.agencyId, agencyId), eq(registryFiles.name, s.registryFile)));
    ledger.push({
      ...actor,
      action: "records.series.create",
      resourceType: "record_series",
      resourceId: row.id,
    });
  }
  for (const r of RECORDS) {
    const row = await svc.createRecord(tx, agencyId, manager.id, {
      seriesId: seriesIds.get(r.series) as string,
      refNo: r.refNo,
      title: r.title,
      producedOn: `${year - r.producedYearsAgo}-03-02`,
      closedOn: `${year - r.closedYearsAgo}-12-20`,
      retentionClass: r.retentionClass,
      quantity: r.quantity,
      location: r.location,
    });
    ledger.push({ ...actor, action: "records.record.create", resourceType: "record", resourceId: row.id });
    if (r.transferredYearsAgo !== undefined) {
      const t = await svc.transfer(tx, agencyId, manager.id, {
        recordIds: [row.id],
        transferredOn: `${year - r.transferredYearsAgo}-02-15`,
        destination: "archive",
        archiveLocation: "한빛시 기록관 제1서고 01-03",
        note: "정기 이관",
      });
      ledger.push({
        ...actor,
        action: "records.transfer",
        resourceType: "record_transfer",
        resourceId: t.id,
      });
    }
  }
  return RECORDS.length;
}

/**
 * Seeds the demo records of hanbit-city (idempotent: an agency that already has series is left alone).
 * Returns the number of records created per agency code.
 */
export async function seedRecordsDemo(
  deps: AppDeps,
  agencyIdsByCode: Record<string, string>,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const agencyId = agencyIdsByCode["hanbit-city"];
  if (!agencyId) return out;
  await deps.database.db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(recordSeries)
      .where(eq(recordSeries.agencyId, agencyId));
    if (Number(n) > 0) {
      out["hanbit-city"] = 0;
      return;
    }
    const ledger: LedgerInput[] = [];
    out["hanbit-city"] = await seedOne(tx, agencyId, ledger);
    await appendLedger(tx, ledger, deps.ledger);
  });
  return out;
}
