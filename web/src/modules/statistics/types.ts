export interface StatTable {
  id: string;
  requirement: string;
  title: string;
  rowHeader: string;
  columns: Array<{ id: string; label: string; kind: "count" | "rate" | "change" | "amount" | "average" }>;
  rows: Array<{ id: string; label: string; cells: Array<number | null>; total: boolean }>;
  note: string | null;
}
export interface StatisticsResponse {
  period: { year: number; quarter: number | null };
  timeZone: string;
  tables: StatTable[];
}
