// Due lists, reconciliation and the K5 holdings table (J3, K5). The schedule arithmetic is core's; here only
// the rows are loaded. Due lists compute in memory over the agency's held records: an agency's register is
// tens of thousands of rows at most (seed 003: ~50,000 volumes incl. cards counted as quantities).
import {
  type HoldingInput,
  holdingsByClassAndMedium,
  isExpired,
  isTransferDue,
  MEDIUM_NAMES,
  type RecordMedium,
  reconcileCounts,
  reconcileItems,
} from "@civicpims/core/records/index";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable, Tx } from "../../db/client";
import { recordInventoryChecks, recordSeries, records } from "../../db/schema";
import { badRequest, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import type * as s from "./records.schemas";
import { policyOf, retentionClasses, withSchedule } from "./records.service";

export async function transferDue(q: Queryable, agencyId: string, asOf: string) {
  const [classes, policy] = [await retentionClasses(q, agencyId), await policyOf(q, agencyId)];
  const rows = await q
    .select()
    .from(records)
    .where(and(eq(records.agencyId, agencyId), eq(records.status, "held")));
  return rows
    .filter((r) => isTransferDue(r.closedOn, r.retentionClass, policy, asOf))
    .map((r) => withSchedule(r, classes, policy, asOf))
    .sort(
      (a, b) =>
        (a.transferDueOn ?? "").localeCompare(b.transferDueOn ?? "") || a.refNo.localeCompare(b.refNo),
    );
}

/** Records whose retention ended before `asOf` and that are still held (reviewable). */
export async function expiryDue(q: Queryable, agencyId: string, asOf: string) {
  const [classes, policy] = [await retentionClasses(q, agencyId), await policyOf(q, agencyId)];
  const years = new Map(classes.map((c) => [c.code, c.years]));
  const rows = await q
    .select()
    .from(records)
    .where(
      and(eq(records.agencyId, agencyId), inArray(records.status, ["held", "transferred", "reclassified"])),
    );
  return rows
    .filter((r) => isExpired(r.closedOn, years.get(r.retentionClass) ?? null, asOf))
    .map((r) => withSchedule(r, classes, policy, asOf))
    .sort(
      (a, b) => (a.retentionEnd ?? "").localeCompare(b.retentionEnd ?? "") || a.refNo.localeCompare(b.refNo),
    );
}

/** What the register says per series now: the sum of quantities of records in the holdings. */
export async function registerCounts(q: Queryable, agencyId: string) {
  const series = await q.select().from(recordSeries).where(eq(recordSeries.agencyId, agencyId));
  const counts = (await q
    .select({ seriesId: records.seriesId, n: sql<number>`sum(${records.quantity})::int` })
    .from(records)
    .where(
      and(eq(records.agencyId, agencyId), inArray(records.status, ["held", "transferred", "reclassified"])),
    )
    .groupBy(records.seriesId)) as Array<{ seriesId: string; n: number }>;
  const by = new Map(counts.map((c) => [c.seriesId, Number(c.n)]));
  return series
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((x) => ({ seriesId: x.id, code: x.code, title: x.title, registered: by.get(x.id) ?? 0 }));
}

export async function recordInventory(
  tx: Tx,
  agencyId: string,
  actorId: string,
  body: z.output<typeof s.inventoryBody>,
) {
  const reg = await registerCounts(tx, agencyId);
  const regBy = new Map(reg.map((r) => [r.seriesId, r.registered]));
  const ids = body.counts.map((c) => c.seriesId);
  if (new Set(ids).size !== ids.length) throw badRequest("records.duplicate_series");
  if (ids.some((id) => !regBy.has(id))) throw badRequest("records.unknown_series");
  const { rows } = reconcileCounts(
    body.counts.map((c) => ({
      seriesId: c.seriesId,
      registered: regBy.get(c.seriesId) ?? 0,
      counted: c.counted,
    })),
  );
  let items: ReturnType<typeof reconcileItems> | null = null;
  if (body.foundRefNos) {
    const held = await tx
      .select({ refNo: records.refNo })
      .from(records)
      .where(
        and(
          eq(records.agencyId, agencyId),
          inArray(records.seriesId, ids),
          inArray(records.status, ["held", "transferred", "reclassified"]),
        ),
      );
    items = reconcileItems(
      held.map((h) => h.refNo),
      body.foundRefNos,
    );
  }
  const clean =
    rows.every((r) => r.missing === 0 && r.unregistered === 0) &&
    (!items || (items.missing.length === 0 && items.unregistered.length === 0));
  const [row] = await tx
    .insert(recordInventoryChecks)
    .values({
      agencyId,
      checkedOn: body.checkedOn,
      checkedBy: actorId,
      lines: rows,
      items,
      result: clean ? "consistent" : "discrepancies",
      note: body.note ?? null,
    })
    .returning();
  return row;
}

export async function inventoryCheck(q: Queryable, agencyId: string, id: string) {
  const [row] = await q
    .select()
    .from(recordInventoryChecks)
    .where(and(eq(recordInventoryChecks.agencyId, agencyId), eq(recordInventoryChecks.id, id)));
  if (!row) throw notFound("records.inventory_not_found");
  return row;
}

// K5

export async function holdings(q: Queryable, agencyId: string, asOf: string) {
  const classes = await retentionClasses(q, agencyId);
  const rows = await q
    .select({
      retentionClass: records.retentionClass,
      medium: records.medium,
      quantity: records.quantity,
      producedOn: records.producedOn,
      status: records.status,
      leftOn: records.leftOn,
    })
    .from(records)
    .where(eq(records.agencyId, agencyId));
  const input: HoldingInput[] = rows.map((r) => ({
    retentionClass: r.retentionClass,
    medium: r.medium as RecordMedium,
    quantity: r.quantity,
    producedOn: r.producedOn,
    // A destroyed record without a recorded date has left (the destruction workflow sets left_on).
    leftOn: r.leftOn ?? (r.status === "destroyed" ? r.producedOn : null),
  }));
  return holdingsByClassAndMedium(
    input,
    asOf,
    classes.map((c) => c.code),
  );
}

const K5_HEAD: Record<Locale, { title: string; medium: string; total: string; asOf: string }> = {
  ko: { title: "보존문서현황", medium: "구분", total: "계", asOf: "현재" },
  "zh-TW": { title: "檔案保存現況", medium: "區分", total: "合計", asOf: "截至" },
  en: { title: "Records held", medium: "Medium", total: "Total", asOf: "As of" },
};

export async function holdingsWorkbook(
  table: Awaited<ReturnType<typeof holdings>>,
  classNames: Record<string, string>,
  locale: Locale,
): Promise<Buffer> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const h = K5_HEAD[locale];
  const ws = wb.addWorksheet(h.title);
  ws.addRow([`${h.title} (${h.asOf} ${table.asOf})`]);
  ws.addRow([h.medium, h.total, ...table.classes.map((c) => classNames[c] ?? c)]);
  for (const m of table.media) {
    const name = `${MEDIUM_NAMES[m].name[locale]} (${MEDIUM_NAMES[m].unit[locale]})`;
    ws.addRow([name, table.rowTotals[m], ...table.classes.map((c) => table.cells[m][c])]);
  }
  ws.addRow([h.total, table.total, ...table.classes.map((c) => table.colTotals[c])]);
  ws.getRow(2).font = { bold: true };
  ws.getColumn(1).width = 32;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
