// Shared fixtures for the register benchmarks: a full-field personal-data file generator. Not a benchmark itself
// (scripts/bench.mjs runs every bench/*.ts except names starting with "_", so this file exports no run()).
import { randomBytes } from "node:crypto";
import type { FileFields } from "@civicpims/core/registry/validate";
import { type Database, openDatabase } from "@civicpims/server/db/client";
import pg from "pg";

const ITEM_SETS = [
  [
    { name: "성명", kind: "name" },
    { name: "주민등록번호", kind: "rrn", uniqueIdentifier: true, classCode: "rrn" },
    { name: "전화번호", kind: "phone" },
  ],
  [
    { name: "성명", kind: "name" },
    { name: "전자우편", kind: "email" },
    { name: "주소", kind: "address" },
  ],
  [
    { name: "성명", kind: "name" },
    { name: "생년월일", kind: "birthdate" },
    { name: "건강 상태", kind: "health", sensitive: true, classCode: "health" },
  ],
];

/** The i-th synthetic KR file with every field filled; unitIds and systemIds must exist in the agency. */
export function benchFile(i: number, unitIds: string[], systemIds: string[]): FileFields {
  const items = ITEM_SETS[i % ITEM_SETS.length].map((x) => ({
    sensitive: false,
    uniqueIdentifier: false,
    classCode: null,
    ...x,
  }));
  return {
    name: `벤치마크 개인정보파일 ${String(i).padStart(5, "0")}`,
    businessProcess: `업무 절차 설명 ${i}: 접수, 검토, 결과 통보`,
    unitId: unitIds[i % unitIds.length],
    custodianUnitId: unitIds[(i + 1) % unitIds.length],
    accessRequestUnitId: unitIds[i % unitIds.length],
    managingStaffName: "담당 주무관",
    managingStaffContact: "061-000-0000",
    legalBasisCodes: ["art15-1-2", "art15-1-3"],
    legalBasisText: "개인정보 보호법 제15조제1항제3호 및 소관 법령",
    purposeCodes: [],
    purposeText: "민원인 신원 확인, 처리결과 통보",
    categoryCodes: [],
    subjectCategories: ["민원인", "주민"],
    items,
    sources: ["정보주체", "관계 기관"],
    collectionMethods: ["서면", "홈페이지"],
    processingMethod: (["electronic", "paper", "both"] as const)[i % 3],
    fileTypes: ["paper", "system_db"],
    custodyMethod: "잠금 캐비닛 및 서버",
    systemIds: [systemIds[i % systemIds.length]],
    retentionPeriod: "5년",
    retentionYears: 5,
    retentionBasis: "공공기록물 관리에 관한 법률 시행령 제26조",
    recordsClassCode: "5y",
    destructionMethodCode: "shred_paper",
    destructionMethod: "파쇄 및 영구삭제",
    subjectCount: 1000 + i,
    routineRecipients: i % 4 === 0 ? ["행정안전부"] : [],
    internalUsers: ["민원봉사과"],
    externalProcessors: i % 5 === 0 ? "한국지역정보개발원" : null,
    entrusted: i % 5 === 0,
    entrusteeAccess: i % 5 === 0 ? "시스템 유지보수" : null,
    securityMeasures: ["암호화", "접근통제", "접속기록 보관"],
    noticeRequired: true,
    isPublic: i % 7 !== 0,
    exemptionReason: i % 7 === 0 ? "개인정보 보호법 제32조제2항" : null,
    registeredOn: "2020-03-02",
    publishedOn: "2020-03-10",
    lastReviewedOn: "2025-01-15",
    nextReviewOn: "2027-01-15",
    status: "active",
    notes: `비고 ${i}`,
  };
}

/** PostgreSQL for benchmarks when it answers (BENCH_DATABASE_URL or the local test server), else null. */
export async function postgresUrl(): Promise<string | null> {
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return null;
  }
}

export interface BenchTarget {
  name: "pglite" | "postgres";
  open(): Promise<Database>;
  drop(d: Database): Promise<void>;
}

/** PGlite always; PostgreSQL in a throw-away schema when available. */
export async function benchTargets(): Promise<BenchTarget[]> {
  const out: BenchTarget[] = [{ name: "pglite", open: () => openDatabase({}), drop: (d) => d.close() }];
  const url = await postgresUrl();
  if (url) {
    const schema = `bench_${randomBytes(4).toString("hex")}`;
    out.push({
      name: "postgres",
      open: () => openDatabase({ url, schema }),
      drop: async (d) => {
        await d.query(`DROP SCHEMA ${schema} CASCADE`);
        await d.close();
      },
    });
  }
  return out;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
