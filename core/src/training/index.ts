// Training (E12, E13, K8): the vocabulary of plans and sessions, the yearly completion per unit and the K8
// report table. Pure: the server hands in rows it has read, these functions only count.
import { label, type StatColumn, type StatRow, type StatTableData, totalRow } from "../statistics/tables";

/** Who a plan is for (E12: all handlers, the privacy staff, new staff, first-time vendor staff). */
export const TRAINING_TARGETS = ["all_staff", "privacy_staff", "new_staff", "vendor_staff"] as const;
export type TrainingTarget = (typeof TRAINING_TARGETS)[number];

/** What a session teaches (E13 / seed 003 IV-4: privacy, workplace security, IT skills, reading the directions). */
export const SESSION_KINDS = ["privacy", "security", "it_skill", "directions"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface CompletionStaff {
  id: string;
  unitId: string | null;
}

/** One attendance of a staff member at a session (vendor staff are not counted in a unit's completion). */
export interface CompletionAttendance {
  staffId: string;
  kind: SessionKind;
  /** Calendar date of the session (YYYY-MM-DD). */
  heldOn: string;
}

export interface UnitCompletion {
  unitId: string | null;
  staff: number;
  completed: number;
  /** completed / staff rounded to three decimals; null for a unit without staff. */
  rate: number | null;
}

/**
 * Yearly completion per unit: staff of the unit who attended at least one privacy session held in the year,
 * over the staff of the unit. A staff member counts once however many sessions they attended; security or
 * IT-skill sessions do not complete the yearly privacy training (E12 asks for privacy training).
 */
export function completionByUnit(
  staff: readonly CompletionStaff[],
  attendance: readonly CompletionAttendance[],
  year: number,
): UnitCompletion[] {
  const prefix = `${String(year).padStart(4, "0")}-`;
  const done = new Set(
    attendance.filter((a) => a.kind === "privacy" && a.heldOn.startsWith(prefix)).map((a) => a.staffId),
  );
  const by = new Map<string | null, { staff: number; completed: number }>();
  for (const s of staff) {
    const u = by.get(s.unitId) ?? { staff: 0, completed: 0 };
    u.staff += 1;
    if (done.has(s.id)) u.completed += 1;
    by.set(s.unitId, u);
  }
  return [...by].map(([unitId, u]) => ({
    unitId,
    staff: u.staff,
    completed: u.completed,
    rate: u.staff ? Math.round((u.completed / u.staff) * 1000) / 1000 : null,
  }));
}

/** Per session kind, what K8 counts for the period. */
export interface K8Count {
  kind: string;
  sessions: number;
  /** Distinct topics among those sessions. */
  topics: number;
  /** Attendance records (a person at two sessions counts twice, as the seed's "연인원" does). */
  attendees: number;
}

const col = (id: string): StatColumn => ({ id, label: label(`statistics.col.${id}`), kind: "count" });

/**
 * K8 (seed 003 IV-4: 67 sessions / 1,194 people): sessions, topics and attendees per kind, and the staff
 * IT-skill certifications obtained in the period, counted on the IT-skill row (the only kind they belong to).
 */
export function k8Table(counts: readonly K8Count[], certifications: number): StatTableData {
  const columns = [col("sessions"), col("topics"), col("attendees"), col("certifications")];
  const by = new Map<string, number[]>(SESSION_KINDS.map((k) => [k, [0, 0, 0, k === "it_skill" ? 0 : -1]]));
  for (const c of counts) {
    const row = by.get(c.kind);
    if (!row) continue;
    row[0] += c.sessions;
    row[1] += c.topics;
    row[2] += c.attendees;
  }
  (by.get("it_skill") as number[])[3] = certifications;
  const rows: StatRow[] = SESSION_KINDS.map((k) => ({
    id: k,
    label: label(`statistics.trainingKind.${k}`),
    cells: (by.get(k) as number[]).map((v) => (v < 0 ? null : v)),
  }));
  return {
    rowHeader: label("statistics.col.trainingKind"),
    columns,
    rows: [...rows, totalRow(rows, columns)],
    note: label("statistics.note.k8"),
  };
}
