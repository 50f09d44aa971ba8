// The civil-affairs chapter's tables (seed 003 I, II) built from the counts one SQL aggregate per table
// returns. Pure: the server runs the query, these functions lay the counts out as published.
import { periodCode, QUARTERS, type Quarter, type StatPeriod } from "./period";
import {
  LIFE_CATEGORIES,
  PETITION_GROUPS,
  type PetitionGroup,
  type PetitionTypeLookup,
  STATUTORY_CATEGORIES,
} from "./petition-types";
import {
  change,
  label,
  onTimeRate,
  type StatColumn,
  type StatLabel,
  type StatRow,
  type StatTableData,
  totalRow,
} from "./tables";

/** Counts of one bucket: cases, cases due (see onTimeRate) and cases finished on time. */
export interface DueCounts {
  n: number;
  due: number;
  onTime: number;
}

/** Channels as the seed's columns count them; visit = counter, mail = post (older case-engine codes). */
export const STAT_CHANNELS = [
  "counter",
  "post",
  "fax",
  "kiosk",
  "online",
  "phone",
  "email",
  "patrol",
] as const;
export type StatChannel = (typeof STAT_CHANNELS)[number];
export function statChannel(channel: string): StatChannel {
  if (channel === "visit") return "counter";
  if (channel === "mail") return "post";
  return (STAT_CHANNELS as readonly string[]).includes(channel) ? (channel as StatChannel) : "counter";
}

export function periodLabel(p: StatPeriod): StatLabel {
  return p.quarter
    ? label("statistics.period.quarter", { year: p.year, quarter: p.quarter })
    : label("statistics.period.year", { year: p.year });
}

const col = (id: string, kind: StatColumn["kind"] = "count", key = `statistics.col.${id}`): StatColumn => ({
  id,
  label: label(key),
  kind,
});
const add = (a: DueCounts, b: DueCounts): DueCounts => ({
  n: a.n + b.n,
  due: a.due + b.due,
  onTime: a.onTime + b.onTime,
});
const zero = (): DueCounts => ({ n: 0, due: 0, onTime: 0 });
const ON_TIME_NOTE = label("statistics.note.onTime");

// ---------------------------------------------------------------------------------------------- K2
/** K2 rows: the seed's four issuance channels (I-1-마 FAX, 바 kiosk, 사 G4C online, 가 counter) and the rest. */
export const K2_CHANNELS = ["fax", "kiosk", "online", "counter"] as const;

export interface K2Count extends DueCounts {
  channel: string;
  quarter: Quarter;
}

/** K2: certificates issued per channel, per quarter of the year and for the year, with the on-time rate. */
export function k2Table(rows: readonly K2Count[]): StatTableData {
  const columns = [...QUARTERS.map((q) => col(`q${q}`)), col("year"), col("onTimeRate", "rate")];
  const by = new Map<string, DueCounts[]>();
  for (const id of [...K2_CHANNELS, "other"]) by.set(id, QUARTERS.map(zero));
  for (const r of rows) {
    const ch = statChannel(r.channel);
    const id = (K2_CHANNELS as readonly string[]).includes(ch) ? ch : "other";
    const q = by.get(id) as DueCounts[];
    q[r.quarter - 1] = add(q[r.quarter - 1], r);
  }
  const all = zero();
  const out: StatRow[] = [...by].map(([id, q]) => {
    const year = q.reduce(add, zero());
    Object.assign(all, add(all, year));
    return {
      id,
      label: label(`statistics.channel.${id}`),
      cells: [...q.map((x) => x.n), year.n, onTimeRate(year.onTime, year.due)],
    };
  });
  out.push(totalRow(out, columns, undefined, { onTimeRate: onTimeRate(all.onTime, all.due) }));
  return { rowHeader: label("statistics.col.channel"), columns, rows: out, note: ON_TIME_NOTE };
}

// ---------------------------------------------------------------------------------------------- K3
export interface SubKindChannelCount extends DueCounts {
  subKind: string;
  channel: string;
}

/** K3 (by channel): petitions of the period by group (rows) and channel (columns), with the on-time rate. */
export function k3ChannelTable(
  rows: readonly SubKindChannelCount[],
  lookup: PetitionTypeLookup,
): StatTableData {
  const columns = [
    ...STAT_CHANNELS.map((c) => col(c, "count", `statistics.channel.${c}`)),
    col("total"),
    col("onTimeRate", "rate"),
  ];
  const groups: Array<PetitionGroup | "unclassified"> = [...PETITION_GROUPS, "unclassified"];
  const cells = new Map(groups.map((g) => [g, { ch: STAT_CHANNELS.map(() => 0), sum: zero() }]));
  for (const r of rows) {
    const g = lookup.get(r.subKind)?.group ?? "unclassified";
    const b = cells.get(g) as { ch: number[]; sum: DueCounts };
    b.ch[STAT_CHANNELS.indexOf(statChannel(r.channel))] += r.n;
    b.sum = add(b.sum, r);
  }
  const all = zero();
  const out: StatRow[] = groups.map((g) => {
    const b = cells.get(g) as { ch: number[]; sum: DueCounts };
    Object.assign(all, add(all, b.sum));
    return {
      id: g,
      label: label(`statistics.group.${g}`),
      cells: [...b.ch, b.sum.n, onTimeRate(b.sum.onTime, b.sum.due)],
    };
  });
  out.push(totalRow(out, columns, undefined, { onTimeRate: onTimeRate(all.onTime, all.due) }));
  return { rowHeader: label("statistics.col.group"), columns, rows: out, note: ON_TIME_NOTE };
}

export interface YearSubKindCount extends DueCounts {
  /** true: the same period one year earlier. */
  previous: boolean;
  subKind: string;
}

function byCategoryTable(
  rows: readonly YearSubKindCount[],
  lookup: PetitionTypeLookup,
  group: "statutory" | "life",
  categories: readonly string[],
  period: StatPeriod,
  previous: StatPeriod,
): StatTableData {
  const columns = [
    col("total"),
    ...categories.map((c) => col(c, "count", `statistics.${group}.${c}`)),
    col("onTimeRate", "rate"),
  ];
  const mk = () => ({ cat: categories.map(() => 0), sum: zero() });
  const cur = mk();
  const prev = mk();
  for (const r of rows) {
    const info = lookup.get(r.subKind);
    if (!info || info.group !== group) continue;
    const b = r.previous ? prev : cur;
    const i = categories.indexOf(info.category);
    // A type filed under an unknown category is counted under the last one (건의기타 / 기타), never dropped.
    b.cat[i >= 0 ? i : categories.length - 1] += r.n;
    b.sum = add(b.sum, r);
  }
  const row = (p: StatPeriod, b: ReturnType<typeof mk>): StatRow => ({
    id: periodCode(p),
    label: periodLabel(p),
    cells: [b.sum.n, ...b.cat, onTimeRate(b.sum.onTime, b.sum.due)],
  });
  return {
    rowHeader: label("statistics.col.period"),
    columns,
    rows: [row(previous, prev), row(period, cur)],
    note: ON_TIME_NOTE,
  };
}

/** K3 (유기한 민원): statutory-period petitions by the seed's 7 types, this period and a year earlier. */
export function k3StatutoryTable(
  rows: readonly YearSubKindCount[],
  lookup: PetitionTypeLookup,
  period: StatPeriod,
  previous: StatPeriod,
): StatTableData {
  return byCategoryTable(rows, lookup, "statutory", STATUTORY_CATEGORIES, period, previous);
}

/** K3 (생활민원): everyday-life reports by the seed's 6 types, this period and a year earlier. */
export function k3LifeTable(
  rows: readonly YearSubKindCount[],
  lookup: PetitionTypeLookup,
  period: StatPeriod,
  previous: StatPeriod,
): StatTableData {
  return byCategoryTable(rows, lookup, "life", LIFE_CATEGORIES, period, previous);
}

// ---------------------------------------------------------------------------------------------- K4
export interface YearChannelCount {
  previous: boolean;
  channel: string;
  n: number;
}

/** K4 (issuance): kiosk and online certificates, this period against the same period a year earlier. */
export function k4IssuanceTable(
  rows: readonly YearChannelCount[],
  period: StatPeriod,
  previous: StatPeriod,
): StatTableData {
  const columns: StatColumn[] = [
    { id: "previous", label: periodLabel(previous), kind: "count" },
    { id: "current", label: periodLabel(period), kind: "count" },
    col("change", "change"),
  ];
  const ids = ["kiosk", "online"] as const;
  const v = new Map(ids.map((id) => [id, { prev: 0, cur: 0 }]));
  for (const r of rows) {
    const b = v.get(statChannel(r.channel) as (typeof ids)[number]);
    if (!b) continue;
    if (r.previous) b.prev += r.n;
    else b.cur += r.n;
  }
  const out: StatRow[] = ids.map((id) => {
    const b = v.get(id) as { prev: number; cur: number };
    return { id, label: label(`statistics.channel.${id}`), cells: [b.prev, b.cur, change(b.cur, b.prev)] };
  });
  const t = totalRow(out, columns);
  t.cells[2] = change(t.cells[1] as number, t.cells[0]);
  out.push(t);
  return { rowHeader: label("statistics.col.channel"), columns, rows: out };
}

export interface SubKindCount {
  subKind: string;
  n: number;
}

/** K4 (petition guardian, 민원후견인): cases with a guardian received in the period, by petition type. */
export function k4GuardianTable(rows: readonly SubKindCount[], lookup: PetitionTypeLookup): StatTableData {
  const columns = [col("cases")];
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.subKind, (counts.get(r.subKind) ?? 0) + r.n);
  // The agency's guardian target types always show (the seed prints 공장설립 0), then any other type used.
  const order = [...lookup.values()].filter((x) => x.guardianTarget).map((x) => x.code);
  for (const k of [...counts.keys()].sort()) if (!order.includes(k)) order.push(k);
  const out: StatRow[] = order.map((code) => {
    const info = lookup.get(code);
    return {
      id: info ? code : "unclassified",
      label: info ? { text: info.label } : label("statistics.group.unclassified"),
      cells: [counts.get(code) ?? 0],
    };
  });
  // Unknown codes are never shown as such (a code is data the agency typed); they merge into one row.
  const merged: StatRow[] = [];
  for (const r of out) {
    const same = merged.find((m) => m.id === r.id);
    if (same) same.cells[0] = (same.cells[0] ?? 0) + (r.cells[0] ?? 0);
    else merged.push(r);
  }
  merged.push(totalRow(merged, columns));
  return { rowHeader: label("statistics.col.petitionType"), columns, rows: merged };
}

// ---------------------------------------------------------------------------------------------- K6
export interface OutcomeCount extends DueCounts {
  /** cases.outcome; null while the request is open. */
  outcome: string | null;
}

/** Column order of K6 (seed 003 II, 정보공개제도 운영 현황: 청구건수 | 처리현황 소계 전부공개 부분공개 비공개 | 기타 취하 민원이첩). */
export const K6_COLUMNS = [
  "received",
  "processed",
  "granted",
  "partly",
  "refused",
  "withdrawn",
  "transferred",
  "not_held",
  "pending",
  "onTimeRate",
] as const;

/**
 * K6: disclosure requests received in the period and where they stand. Processed = full + partial +
 * non-disclosure decisions, as the seed's 소계 (167 = 118 + 19 + 30); withdrawn, transferred (민원이첩) and
 * not held are listed apart, as the seed's 기타 columns; pending = still open. Received is the sum of all.
 */
export function k6Table(rows: readonly OutcomeCount[], period: StatPeriod): StatTableData {
  const columns = K6_COLUMNS.map((id) =>
    col(id === "not_held" ? "notHeld" : id, id === "onTimeRate" ? "rate" : "count"),
  );
  const c: Record<string, number> = {};
  const all = zero();
  for (const r of rows) {
    const k =
      r.outcome &&
      ["granted", "partly", "refused", "withdrawn", "transferred", "not_held"].includes(r.outcome)
        ? r.outcome
        : "pending";
    c[k] = (c[k] ?? 0) + r.n;
    Object.assign(all, add(all, r));
  }
  const g = (k: string) => c[k] ?? 0;
  const processed = g("granted") + g("partly") + g("refused");
  const cells = [
    all.n,
    processed,
    g("granted"),
    g("partly"),
    g("refused"),
    g("withdrawn"),
    g("transferred"),
    g("not_held"),
    g("pending"),
    onTimeRate(all.onTime, all.due),
  ];
  return {
    rowHeader: label("statistics.col.period"),
    columns,
    rows: [{ id: periodCode(period), label: periodLabel(period), cells }],
    note: ON_TIME_NOTE,
  };
}
