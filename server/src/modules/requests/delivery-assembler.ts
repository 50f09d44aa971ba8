import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { cases, rightsRequests } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import type { Locale } from "../../i18n";
import { personalOf } from "./requests.service";

/**
 * "Assemble what CivicPIMS holds about this person" (issue 11 item 4): every module that keeps records about
 * a data subject adds a provider here. A provider finds its records by the subject's blind index
 * (cases.subject_ref) within one agency and returns them as one readable table. Petitions, disclosure cases
 * and consent records register their own providers when those modules exist.
 */
export interface SubjectRecordProvider {
  id: string;
  /** Sheet name per language. */
  title: Record<Locale, string>;
  columns: Record<Locale, string[]>;
  collect(tx: Tx, deps: AppDeps, agencyId: string, subjectRef: string): Promise<string[][]>;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** Rights requests (this module): the subject's own requests, their state and what they asked for. */
export const rightsRequestProvider: SubjectRecordProvider = {
  id: "rights_requests",
  title: { ko: "개인정보 요구", "zh-TW": "個人資料請求", en: "Rights requests" },
  columns: {
    ko: ["접수번호", "요구 유형", "접수일", "처리 상태", "결과", "요구 내용", "대상"],
    "zh-TW": ["收件編號", "請求類型", "收件日", "處理狀態", "結果", "請求內容", "標的"],
    en: ["Receipt number", "Kind", "Received", "State", "Outcome", "What was asked", "Concerning"],
  },
  async collect(tx, deps, agencyId, subjectRef) {
    const rows = await tx
      .select({ c: cases, r: rightsRequests })
      .from(cases)
      .innerJoin(rightsRequests, eq(rightsRequests.caseId, cases.id))
      .where(and(eq(cases.agencyId, agencyId), eq(cases.subjectRef, subjectRef)))
      .orderBy(asc(cases.receivedAt));
    return rows.map(({ c, r }) => {
      const p = personalOf(deps, r);
      return [
        c.number,
        r.requestKind,
        day(c.receivedAt),
        c.state,
        c.outcome ?? "",
        p.content,
        p.targetDescription ?? "",
      ];
    });
  },
};

const providers: SubjectRecordProvider[] = [rightsRequestProvider];

/** Other modules call this at start-up to add their records to the assembled copy. */
export function registerSubjectRecordProvider(p: SubjectRecordProvider): void {
  if (!providers.some((x) => x.id === p.id)) providers.push(p);
}

/** One xlsx workbook, one sheet per record type that has records (a sheet says so when there are none). */
export async function assembleSubjectRecords(
  tx: Tx,
  deps: AppDeps,
  agencyId: string,
  subjectRef: string,
  locale: Locale,
): Promise<{ data: Buffer; filename: string; counts: Record<string, number> }> {
  // Loaded on first use: exceljs is large (issue 10 cold start).
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "CivicPIMS";
  const counts: Record<string, number> = {};
  for (const p of providers) {
    const rows = await p.collect(tx, deps, agencyId, subjectRef);
    counts[p.id] = rows.length;
    const ws = wb.addWorksheet(p.title[locale].slice(0, 31));
    ws.addRow(p.columns[locale]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => {
      c.width = 24;
    });
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const name = { ko: "보유-개인정보", "zh-TW": "保有個人資料", en: "records-held" }[locale];
  return { data, filename: `${name}.xlsx`, counts };
}
