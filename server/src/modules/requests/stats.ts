import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { Locale } from "../../i18n";

export type Period = "month" | "quarter" | "year";

export interface StatsRow {
  period: string;
  kind: string;
  total: number;
  byOutcome: Record<string, number>;
  byChannel: Record<string, number>;
  open: number;
  decided: number;
  onTime: number;
  /** Decided on or before the due date / decided (null when nothing was decided). */
  onTimeRate: number | null;
  avgDaysToDecision: number | null;
}

const LABEL: Record<Period, string> = { month: "YYYY-MM", quarter: 'YYYY-"Q"Q', year: "YYYY" };

/**
 * Rights-request statistics of one agency (issue 6 item 7, K-module reports): counts by kind, outcome
 * and channel, on-time rate and mean time to decision, per month, quarter or year of receipt in the
 * agency's time zone.
 */
export async function requestStats(
  q: Queryable,
  agencyId: string,
  timeZone: string,
  opts: { period: Period; from?: string; to?: string },
): Promise<StatsRow[]> {
  const from = opts.from ?? "1900-01-01";
  const to = opts.to ?? "2999-12-31";
  const label = sql.raw(`'${LABEL[opts.period]}'`);
  const unit = sql.raw(`'${opts.period}'`);
  const r = (await q.execute(sql`
    SELECT to_char(date_trunc(${unit}, received_at AT TIME ZONE ${timeZone}), ${label}) AS period,
           sub_kind AS kind, coalesce(outcome, 'open') AS outcome, channel,
           count(*)::int AS n,
           count(*) FILTER (WHERE decided_at IS NOT NULL)::int AS decided,
           count(*) FILTER (WHERE decided_at IS NOT NULL AND decided_at <= due_at)::int AS on_time,
           coalesce(sum(extract(epoch FROM decided_at - received_at)) FILTER (WHERE decided_at IS NOT NULL), 0)::float8 AS secs
    FROM cases
    WHERE agency_id = ${agencyId} AND kind = 'rights_request'
      AND (received_at AT TIME ZONE ${timeZone})::date BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2`)) as unknown as {
    rows: Array<{
      period: string;
      kind: string;
      outcome: string;
      channel: string;
      n: number;
      decided: number;
      on_time: number;
      secs: number;
    }>;
  };
  const out = new Map<string, StatsRow & { secs: number }>();
  for (const x of r.rows) {
    const key = `${x.period}\u0000${x.kind}`;
    let row = out.get(key);
    if (!row) {
      row = {
        period: x.period,
        kind: x.kind,
        total: 0,
        byOutcome: {},
        byChannel: {},
        open: 0,
        decided: 0,
        onTime: 0,
        onTimeRate: null,
        avgDaysToDecision: null,
        secs: 0,
      };
      out.set(key, row);
    }
    const n = Number(x.n);
    row.total += n;
    row.byOutcome[x.outcome] = (row.byOutcome[x.outcome] ?? 0) + n;
    row.byChannel[x.channel] = (row.byChannel[x.channel] ?? 0) + n;
    if (x.outcome === "open") row.open += n;
    row.decided += Number(x.decided);
    row.onTime += Number(x.on_time);
    row.secs += Number(x.secs);
  }
  return [...out.values()].map(({ secs, ...row }) => ({
    ...row,
    onTimeRate: row.decided ? Math.round((row.onTime / row.decided) * 1000) / 1000 : null,
    avgDaysToDecision: row.decided ? Math.round((secs / row.decided / 86_400) * 10) / 10 : null,
  }));
}

const HEAD: Record<Locale, string[]> = {
  ko: [
    "기간",
    "요구 유형",
    "접수",
    "처리 중",
    "결정",
    "기한 내 결정",
    "기한 준수율",
    "평균 처리일수",
    "인용",
    "일부 인용",
    "거절",
    "연기",
    "취하",
    "이송",
    "온라인",
    "방문",
    "우편",
    "팩스",
    "전자우편",
  ],
  "zh-TW": [
    "期間",
    "請求類型",
    "收件",
    "處理中",
    "已決定",
    "期限內決定",
    "準時率",
    "平均處理日數",
    "准許",
    "部分准許",
    "駁回",
    "延後",
    "撤回",
    "移送",
    "線上",
    "臨櫃",
    "郵寄",
    "傳真",
    "電子郵件",
  ],
  en: [
    "Period",
    "Kind",
    "Received",
    "Open",
    "Decided",
    "Decided on time",
    "On-time rate",
    "Mean days to decision",
    "Granted",
    "Partly",
    "Refused",
    "Deferred",
    "Withdrawn",
    "Transferred",
    "Online",
    "Visit",
    "Mail",
    "Fax",
    "E-mail",
  ],
};

/** The same table as an xlsx workbook (exceljs, loaded on demand). */
export async function statsWorkbook(rows: StatsRow[], locale: Locale, title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "CivicPIMS";
  const ws = wb.addWorksheet(title.slice(0, 31) || "stats");
  ws.addRow(HEAD[locale]).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.period,
      r.kind,
      r.total,
      r.open,
      r.decided,
      r.onTime,
      r.onTimeRate,
      r.avgDaysToDecision,
      ...["granted", "partly", "refused", "deferred", "withdrawn", "transferred"].map(
        (o) => r.byOutcome[o] ?? 0,
      ),
      ...["online", "visit", "mail", "fax", "email"].map((c) => r.byChannel[c] ?? 0),
    ]);
  }
  ws.getColumn(7).numFmt = "0.0%";
  ws.columns.forEach((c) => {
    c.width = 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
