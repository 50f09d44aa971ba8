// Field-level diff of two versions of a register record (issue 5 item 8). Pure: history rows keep the
// whole record before and after; screens show what this function returns.

export type ChangeKind = "added" | "removed" | "changed";

export interface FieldChange {
  /** Dotted path: "name", "items.2.sensitive", "clauses.0.status". */
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

/** Fields that change on every write and say nothing about the content. */
export const DIFF_IGNORED_FIELDS: readonly string[] = ["version", "updatedAt", "updatedBy", "createdAt"];

type Plain = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Plain =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v === undefined ? null : v;
}

function sameScalar(a: unknown, b: unknown): boolean {
  return Object.is(normalise(a), normalise(b));
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  const b = normalise(before);
  const a = normalise(after);
  if (isPlainObject(b) && isPlainObject(a)) {
    const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
    for (const k of [...keys].sort()) {
      walk(b[k], a[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (Array.isArray(b) && Array.isArray(a)) {
    // Arrays of scalars (codes, recipients) read best as one change of the whole list.
    const scalars = [...b, ...a].every((x) => !isPlainObject(x) && !Array.isArray(x));
    if (scalars) {
      if (b.length !== a.length || b.some((x, i) => !sameScalar(x, a[i]))) {
        out.push({ path, kind: "changed", before: b, after: a });
      }
      return;
    }
    const n = Math.max(b.length, a.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}.${i}`;
      if (i >= b.length) out.push({ path: p, kind: "added", after: a[i] });
      else if (i >= a.length) out.push({ path: p, kind: "removed", before: b[i] });
      else walk(b[i], a[i], p, out);
    }
    return;
  }
  if (b === null && a === null) return;
  if (b === null) {
    out.push({ path, kind: "added", after: a });
    return;
  }
  if (a === null) {
    out.push({ path, kind: "removed", before: b });
    return;
  }
  if (isPlainObject(b) || isPlainObject(a) || Array.isArray(b) || Array.isArray(a)) {
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ path, kind: "changed", before: b, after: a });
    return;
  }
  if (!sameScalar(b, a)) out.push({ path, kind: "changed", before: b, after: a });
}

/**
 * Changes from `before` to `after`. `null` for a whole side means the record was created (or deleted):
 * every non-empty field is then "added" (or "removed"). Ignored fields are bookkeeping (version, timestamps).
 */
export function diffRecords(
  before: Plain | null | undefined,
  after: Plain | null | undefined,
  ignore: readonly string[] = DIFF_IGNORED_FIELDS,
): FieldChange[] {
  const strip = (r: Plain | null | undefined): Plain => {
    const o: Plain = {};
    if (!r) return o;
    for (const [k, v] of Object.entries(r)) if (!ignore.includes(k)) o[k] = v;
    return o;
  };
  const out: FieldChange[] = [];
  walk(strip(before), strip(after), "", out);
  // Empty top-level arrays and strings on a created/deleted side are noise (array entries are not).
  return out.filter(
    (c) =>
      c.path.includes(".") ||
      !(
        (c.kind === "added" && isEmpty(c.after)) ||
        (c.kind === "removed" && isEmpty(c.before)) ||
        (c.kind === "changed" && isEmpty(c.before) && isEmpty(c.after))
      ),
  );
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}

/** Applies a diff to `before` (tests use it to show that the diff loses nothing). */
export function applyChanges(before: Plain, changes: readonly FieldChange[]): Plain {
  const out = structuredClone(before) as Plain;
  // Removals of array entries go last and from the end, so earlier indexes stay valid.
  const ordered = [
    ...changes.filter((c) => c.kind !== "removed"),
    ...changes.filter((c) => c.kind === "removed").reverse(),
  ];
  for (const c of ordered) {
    const parts = c.path.split(".");
    let cur: Record<string, unknown> | unknown[] = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i];
      const next = (cur as Record<string, unknown>)[key];
      if (next === undefined || next === null) {
        const created = /^\d+$/.test(parts[i + 1]) ? [] : {};
        (cur as Record<string, unknown>)[key] = created;
        cur = created;
      } else cur = next as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    if (c.kind === "removed") {
      if (Array.isArray(cur)) cur.splice(Number(last), 1);
      else delete (cur as Record<string, unknown>)[last];
    } else (cur as Record<string, unknown>)[last] = structuredClone(c.after);
  }
  return out;
}
