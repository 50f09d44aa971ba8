// Reconciliation of the register of records (보존문서기록대장) with what an inventory actually found [J3].
// Seed 003 II: a full survey made the held records and the register agree. Two levels, both pure:
// per series by counts (quantities as the register states them) and per record by register numbers.

export interface SeriesCountInput {
  seriesId: string;
  /** What the register says is held (sum of quantities of held records). */
  registered: number;
  /** What the inventory counted on the shelves / in the system. */
  counted: number;
}

export interface SeriesCountResult extends SeriesCountInput {
  held: number;
  missing: number;
  unregistered: number;
}

export interface ReconcileTotals {
  registered: number;
  counted: number;
  held: number;
  missing: number;
  unregistered: number;
}

/** Per series: held = min, missing = register surplus, unregistered = inventory surplus. */
export function reconcileCounts(rows: SeriesCountInput[]): {
  rows: SeriesCountResult[];
  totals: ReconcileTotals;
} {
  const out = rows.map((r) => {
    if (!Number.isInteger(r.registered) || r.registered < 0 || !Number.isInteger(r.counted) || r.counted < 0)
      throw new RangeError("counts must be non-negative integers");
    return {
      ...r,
      held: Math.min(r.registered, r.counted),
      missing: Math.max(r.registered - r.counted, 0),
      unregistered: Math.max(r.counted - r.registered, 0),
    };
  });
  const totals = { registered: 0, counted: 0, held: 0, missing: 0, unregistered: 0 };
  for (const r of out) for (const k of Object.keys(totals) as Array<keyof ReconcileTotals>) totals[k] += r[k];
  return { rows: out, totals };
}

/** Per record: register numbers in the register vs numbers found by the inventory (duplicates ignored). */
export function reconcileItems(
  register: readonly string[],
  found: readonly string[],
): { held: string[]; missing: string[]; unregistered: string[] } {
  const reg = new Set(register);
  const fnd = new Set(found);
  const sort = (a: string[]) => a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    held: sort([...reg].filter((c) => fnd.has(c))),
    missing: sort([...reg].filter((c) => !fnd.has(c))),
    unregistered: sort([...fnd].filter((c) => !reg.has(c))),
  };
}
