import { entryName } from "@civicpims/core/registry/catalogue";
import {
  BOOL_WORDS,
  decodeBool,
  decodeCode,
  decodeItems,
  decodeList,
  encodeBool,
  encodeItems,
  encodeList,
} from "@civicpims/core/registry/cells";
import { FILE_FIELDS, type FieldDef } from "@civicpims/core/registry/fields";
import { codeSet, type RegistryLists } from "@civicpims/core/registry/lists";
import {
  checkFileRules,
  type FieldIssue,
  type FileFields,
  fileFieldsSchema,
} from "@civicpims/core/registry/validate";
import { asc, eq } from "drizzle-orm";
import type ExcelJS from "exceljs";
import type { Queryable } from "../../db/client";
import { registryFiles, registrySystems, units } from "../../db/schema";
import { AppError, badRequest } from "../../http/errors";
import type { Locale } from "../../i18n";
import { runJob } from "../../workers/pool";
import type { AgencyInfo } from "./context";
import { localiseIssues } from "./i18n";
import { CODES_SHEET, loadExcel, MAX_IMPORT_ROWS, SHEET_NAMES, type SheetText } from "./xlsx-read";

// xlsx template, export and import of the register (issue item 9). exceljs is lazy-loaded (large); the
// uploaded workbook is unpacked and parsed in an upload worker (xlsx-read.ts), only validation runs here.
export { loadExcel, MAX_IMPORT_ROWS, SHEET_NAMES };

/** Columns for a jurisdiction: code columns whose list the pack does not have are left out. */
export function columnsFor(lists: RegistryLists): FieldDef[] {
  return FILE_FIELDS.filter(
    (f) => !(f.type === "codes" || f.type === "code") || (f.list && lists[f.list].length > 0),
  );
}

interface Refs {
  unitsById: Map<string, { code: string; name: string }>;
  unitsByCode: Map<string, string>;
  systemsById: Map<string, string>;
  systemsByName: Map<string, string>;
}

async function loadRefs(q: Queryable, agencyId: string): Promise<Refs> {
  const us = await q
    .select({ id: units.id, code: units.code, name: units.nameLocal })
    .from(units)
    .where(eq(units.agencyId, agencyId));
  const ss = await q
    .select({ id: registrySystems.id, name: registrySystems.name })
    .from(registrySystems)
    .where(eq(registrySystems.agencyId, agencyId));
  return {
    unitsById: new Map(us.map((u) => [u.id, { code: u.code, name: u.name }])),
    unitsByCode: new Map(us.map((u) => [u.code, u.id])),
    systemsById: new Map(ss.map((s) => [s.id, s.name])),
    systemsByName: new Map(ss.map((s) => [s.name, s.id])),
  };
}

type FileRow = typeof registryFiles.$inferSelect;

function encodeCell(f: FieldDef, row: FileRow, refs: Refs, lang: Locale): string | number | null {
  const v = (row as unknown as Record<string, unknown>)[f.key];
  switch (f.type) {
    case "id":
      return row.id;
    case "version":
      return row.id ? row.version : null;
    case "unit":
      return v ? (refs.unitsById.get(v as string)?.code ?? null) : null;
    case "systems":
      return encodeList((v as string[]).map((id) => refs.systemsById.get(id) ?? id)) || null;
    case "items":
      return encodeItems(row.items) || null;
    case "bool":
      return encodeBool(v as boolean | null, lang) || null;
    case "codes":
    case "list":
    case "enumList":
      return encodeList(v as string[]) || null;
    case "int":
      return v === null || v === undefined ? null : Number(v);
    default:
      return v === null || v === undefined || v === "" ? null : String(v);
  }
}

/** Builds the workbook: register sheet (headers in `lang`, help as notes), hidden code sheet with dropdowns. */
export async function buildWorkbook(
  q: Queryable,
  agency: AgencyInfo,
  lists: RegistryLists,
  lang: Locale,
  rows: FileRow[],
): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = "CivicPIMS";
  const refs = await loadRefs(q, agency.id);
  const cols = columnsFor(lists);
  const ws = wb.addWorksheet(SHEET_NAMES[lang]);
  ws.columns = cols.map((c) => ({
    header: c.label[lang],
    key: c.key,
    width: c.type === "longtext" || c.type === "items" ? 40 : 18,
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  cols.forEach((c, i) => {
    const help = c.help[lang];
    if (help) header.getCell(i + 1).note = `${c.required ? "* " : ""}${help}`;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) ws.addRow(cols.map((c) => encodeCell(c, r, refs, lang)));

  // Code lists on a hidden sheet; single-choice columns get a dropdown that points at them.
  const cs = wb.addWorksheet(CODES_SHEET, { state: "hidden" });
  const codeLists: Array<[string, string[]]> = [
    ["units", [...refs.unitsById.values()].map((u) => `${u.code} ${u.name}`)],
    ["processingMethod", ["electronic", "paper", "both"]],
    ["status", ["active", "retired"]],
    ["fileTypes", ["paper", "electronic", "portable_media", "system_db"]],
    ["bool", [...BOOL_WORDS[lang]]],
  ];
  for (const [id, entries] of Object.entries(lists) as Array<
    [keyof RegistryLists, RegistryLists[keyof RegistryLists]]
  >) {
    if (entries.length)
      codeLists.push([id, entries.map((e) => `${e.code} ${entryName(e, lang, ["ko", "zh-TW"])}`)]);
  }
  const ranges = new Map<string, string>();
  codeLists.forEach(([id, values], i) => {
    const col = cs.getColumn(i + 1);
    col.values = [id, ...values];
    const letter = col.letter;
    ranges.set(id, `${CODES_SHEET}!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`);
  });
  const lastRow = Math.max(rows.length, 200) + 1;
  cols.forEach((c, i) => {
    const listId =
      c.type === "unit"
        ? "units"
        : c.type === "bool"
          ? "bool"
          : c.type === "enum"
            ? c.key
            : c.type === "code"
              ? c.list
              : undefined;
    const range = listId ? ranges.get(listId) : undefined;
    if (!range) return;
    const letter = ws.getColumn(i + 1).letter;
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [range],
      showErrorMessage: false,
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportRows(q: Queryable, agencyId: string): Promise<FileRow[]> {
  return q
    .select()
    .from(registryFiles)
    .where(eq(registryFiles.agencyId, agencyId))
    .orderBy(asc(registryFiles.name), asc(registryFiles.id));
}

// ---- import ---------------------------------------------------------------------------------------------

export interface ImportIssue {
  row: number;
  field: string;
  column: string;
  code: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  id: string | null;
  fields: FileFields;
}

const normHeader = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * Unpacks and reads the workbook's register sheet in an upload worker. The route calls it before its
 * transaction opens (RouteDef.prepare): the worker may take seconds and must not hold the database.
 */
export function readWorkbook(buf: Buffer): Promise<SheetText> {
  return runJob("registry.readSheet", { buf });
}

/** Validates every row of a sheet read by readWorkbook; nothing is written here. */
export async function parseWorkbook(
  q: Queryable,
  agency: AgencyInfo,
  lists: RegistryLists,
  today: string,
  locale: Locale,
  sheet: SheetText,
): Promise<{ rows: ParsedRow[]; issues: ImportIssue[]; total: number }> {
  const cols = columnsFor(lists);
  const byHeader = new Map<string, FieldDef>();
  for (const c of cols)
    for (const l of [c.label.ko, c.label["zh-TW"], c.label.en, c.key]) byHeader.set(normHeader(l), c);
  const colIndex = new Map<string, number>();
  const unexpected: string[] = [];
  sheet.header.forEach((text, n) => {
    if (!text) return;
    const def = byHeader.get(normHeader(text));
    if (!def || colIndex.has(def.key)) unexpected.push(text);
    else colIndex.set(def.key, n);
  });
  // ID and version may be left out by a hand-made sheet: such rows are all new files.
  const missing = cols
    .filter((c) => !colIndex.has(c.key) && c.type !== "id" && c.type !== "version")
    .map((c) => c.label[locale]);
  if (missing.length || unexpected.length) {
    throw new AppError(
      400,
      "registry.xlsx_wrong_headers",
      { missing, unexpected },
      { missing: missing.join(", ") || "-", unexpected: unexpected.join(", ") || "-" },
    );
  }

  const refs = await loadRefs(q, agency.id);
  const existing = await q
    .select({
      id: registryFiles.id,
      unitId: registryFiles.unitId,
      name: registryFiles.name,
      version: registryFiles.version,
    })
    .from(registryFiles)
    .where(eq(registryFiles.agencyId, agency.id));
  const existingById = new Map(existing.map((e) => [e.id, e]));
  const existingKey = new Map(existing.map((e) => [`${e.unitId}\u0000${e.name}`, e.id]));
  const listSets = new Map<string, ReadonlySet<string>>();
  const setOf = (list: keyof RegistryLists) => {
    let s = listSets.get(list);
    if (!s) {
      s = codeSet(lists[list], true);
      listSets.set(list, s);
    }
    return s;
  };

  const unitCodes: ReadonlySet<string> = new Set(refs.unitsByCode.keys());
  const issues: ImportIssue[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const label = (key: string) => cols.find((c) => c.key === key)?.label[locale] ?? key;
  let total = 0;
  // Sheet column of each template column, resolved once (not per row and cell).
  const colAt = cols.map((c) => colIndex.get(c.key));
  const fieldPos = new Map(cols.map((c, i) => [c.key, i]));
  for (const { row: r, cells } of sheet.rows) {
    const raw: string[] = new Array(cols.length);
    let any = false;
    for (let i = 0; i < cols.length; i++) {
      const at = colAt[i];
      const t = at === undefined ? "" : (cells[at] ?? "");
      if (t) any = true;
      raw[i] = t;
    }
    if (!any) continue;
    total++;
    const rowIssues: FieldIssue[] = [];
    const out: Record<string, unknown> = {};
    let id: string | null = null;
    let sheetVersion: number | null = null;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      const t = raw[i];
      if (!t) {
        if (c.required) rowIssues.push({ field: c.key, code: "required" });
        continue;
      }
      if (c.max && t.length > c.max) {
        rowIssues.push({ field: c.key, code: "too_long", params: { max: c.max } });
        continue;
      }
      switch (c.type) {
        case "id":
          if (!existingById.has(t))
            rowIssues.push({ field: c.key, code: "invalid_value", params: { value: t } });
          else id = t;
          break;
        case "version":
          if (!/^\d{1,9}$/.test(t))
            rowIssues.push({ field: c.key, code: "invalid_number", params: { value: t } });
          else sheetVersion = Number(t);
          break;
        case "text":
        case "longtext":
          out[c.key] = t;
          break;
        case "date":
          if (
            !/^\d{4}-\d{2}-\d{2}$/.test(t) ||
            Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ||
            new Date(`${t}T00:00:00Z`).toISOString().slice(0, 10) !== t
          ) {
            rowIssues.push({ field: c.key, code: "invalid_date", params: { value: t } });
          } else out[c.key] = t;
          break;
        case "int":
          if (!/^\d{1,10}$/.test(t))
            rowIssues.push({ field: c.key, code: "invalid_number", params: { value: t } });
          else out[c.key] = Number(t);
          break;
        case "bool": {
          const b = decodeBool(t);
          if (b === "invalid") rowIssues.push({ field: c.key, code: "invalid_value", params: { value: t } });
          else if (b !== null) out[c.key] = b;
          break;
        }
        case "enum":
          if (!c.values?.includes(t))
            rowIssues.push({ field: c.key, code: "invalid_value", params: { value: t } });
          else out[c.key] = t;
          break;
        case "enumList": {
          const vals = decodeList(t);
          const bad = vals.filter((v) => !c.values?.includes(v));
          if (bad.length)
            rowIssues.push({ field: c.key, code: "invalid_value", params: { value: bad.join(", ") } });
          else out[c.key] = vals;
          break;
        }
        case "codes": {
          const known = setOf(c.list as keyof RegistryLists);
          out[c.key] = decodeList(t).map((v) => decodeCode(v, known));
          break;
        }
        case "code":
          out[c.key] = decodeCode(t, setOf(c.list as keyof RegistryLists));
          break;
        case "list":
          out[c.key] = decodeList(t);
          break;
        case "unit": {
          const code = decodeCode(t, unitCodes);
          const uid = refs.unitsByCode.get(code);
          if (!uid) rowIssues.push({ field: c.key, code: "unknown_unit", params: { value: t } });
          else out[c.key] = uid;
          break;
        }
        case "systems": {
          const ids: string[] = [];
          for (const n of decodeList(t)) {
            const sid = refs.systemsByName.get(n);
            if (!sid) rowIssues.push({ field: c.key, code: "unknown_system", params: { value: n } });
            else ids.push(sid);
          }
          out[c.key] = ids;
          break;
        }
        case "items":
          out[c.key] = decodeItems(t);
          break;
      }
    }
    // An exported row carries the version it was exported at: a file changed since then is not overwritten.
    const current = id ? existingById.get(id) : undefined;
    if (current && sheetVersion !== null && sheetVersion !== current.version) {
      rowIssues.push({
        field: "version",
        code: "stale_version",
        params: { value: sheetVersion, current: current.version },
      });
    }
    let fields: FileFields | null = null;
    if (
      !rowIssues.some(
        (i) =>
          i.code === "required" &&
          (i.field === "name" || i.field === "unitId" || i.field === "processingMethod"),
      )
    ) {
      const parsed = fileFieldsSchema.safeParse(out);
      if (!parsed.success) {
        for (const zi of parsed.error.issues) {
          const field = String(zi.path[0] ?? "");
          if (!rowIssues.some((i) => i.field === field))
            rowIssues.push({
              field,
              code: "invalid_value",
              params: { value: raw[fieldPos.get(field) ?? -1] ?? "" },
            });
        }
      } else {
        fields = parsed.data;
        rowIssues.push(...checkFileRules(fields, { lists, today }));
        const key = `${fields.unitId}\u0000${fields.name}`;
        const prior = seen.get(key);
        const clash = existingKey.get(key);
        if (prior !== undefined || (clash && clash !== id)) {
          rowIssues.push({ field: "name", code: "duplicate_name", params: { value: fields.name } });
        }
        seen.set(key, r);
      }
    }
    if (rowIssues.length || !fields) {
      for (const li of localiseIssues(locale, rowIssues, label)) {
        issues.push({ row: r, field: li.field, column: li.column, code: li.code, message: li.message });
      }
    } else rows.push({ row: r, id, fields });
  }
  if (total === 0) throw badRequest("registry.xlsx_empty");
  return { rows, issues, total };
}
