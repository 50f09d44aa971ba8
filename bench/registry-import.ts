// Register xlsx import benchmark (issue 5): importing a workbook of N files with every field filled (read +
// validate every row + write the files and their history rows in one transaction) vs exceljs reading the same
// workbook alone (Workbook.xlsx.load). Ratio = exceljs load time / import time; target >= 0.3.
// Runs on PGlite and, when it answers (BENCH_DATABASE_URL or 127.0.0.1:5432/test), on PostgreSQL.
// Usage: node --import tsx bench/registry-import.ts [--quick]
import { randomBytes } from "node:crypto";
import { registryLists } from "@civicpims/core/registry/lists";
import type { Database } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import { agencies, type registryFiles, registrySystems, units } from "@civicpims/server/db/schema/index";
import type { AppDeps } from "@civicpims/server/http/deps";
import { agencyInfo, todayIn } from "@civicpims/server/modules/registry/context";
import { bulkCreateFiles } from "@civicpims/server/modules/registry/files.service";
import { importPublicationIssues } from "@civicpims/server/modules/registry/publication";
import type { RegCtx } from "@civicpims/server/modules/registry/registry-context";
import {
  buildWorkbook,
  loadExcel,
  parseWorkbook,
  readWorkbook,
} from "@civicpims/server/modules/registry/xlsx";
import { benchFile, benchTargets, median } from "./registry-fixtures";

class Rollback extends Error {}

// The guard reads only the field key (the agency's false-positive hashes) unless a row is flagged.
const guardDeps = { secrets: { fieldKey: randomBytes(32) } } as unknown as AppDeps;

async function bench(database: Database, n: number, rounds: number) {
  await migrate(database);
  const db = database.db;
  const [ag] = await db
    .insert(agencies)
    .values({
      code: "bench",
      nameLocal: "벤치시",
      nameEn: "Bench City",
      jurisdiction: "KR",
      timeZone: "Asia/Seoul",
      defaultLocale: "ko",
    })
    .returning();
  const us = await db
    .insert(units)
    .values(Array.from({ length: 10 }, (_, i) => ({ agencyId: ag.id, code: `u${i}`, nameLocal: `부서${i}` })))
    .returning();
  const ss = await db
    .insert(registrySystems)
    .values(Array.from({ length: 5 }, (_, i) => ({ agencyId: ag.id, name: `시스템${i}` })))
    .returning();
  const agency = await agencyInfo(db, ag.id);
  const lists = registryLists("KR");
  const today = todayIn(agency.timeZone);
  // Rows shaped like database rows without an id: importing the workbook creates every file.
  const rows = Array.from(
    { length: n },
    (_, i) =>
      ({
        ...benchFile(
          i,
          us.map((u) => u.id),
          ss.map((s) => s.id),
        ),
        id: "",
      }) as unknown as typeof registryFiles.$inferSelect,
  );
  const buf = await buildWorkbook(db, agency, lists, "ko", rows);
  const Excel = await loadExcel();
  const loadOnce = async () => {
    const t0 = performance.now();
    const wb = new Excel.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return performance.now() - t0;
  };
  const importOnce = async () => {
    const t0 = performance.now();
    let created = 0;
    let parseMs = 0;
    let guardMs = 0;
    try {
      await db.transaction(async (tx) => {
        const ctx: RegCtx = {
          tx,
          agencyId: ag.id,
          agency,
          lists,
          today,
          locale: "ko",
          actor: { agencyId: ag.id, actorId: null, actorLabel: "bench" },
        };
        const parsed = await parseWorkbook(tx, agency, lists, today, "ko", await readWorkbook(buf));
        if (parsed.issues.length)
          throw new Error(`bench workbook has errors: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
        parseMs = performance.now() - t0;
        // The import route also runs the publication guard on rows that would be public (issue 5 x issue 7).
        const g0 = performance.now();
        const blocked = await importPublicationIssues(tx, guardDeps, ag.id, parsed.rows);
        if (blocked.length)
          throw new Error(`bench workbook publishes personal data in ${blocked.length} rows`);
        guardMs = performance.now() - g0;
        created = await bulkCreateFiles(
          ctx,
          parsed.rows.map((r) => r.fields),
        );
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    if (created !== n) throw new Error(`imported ${created} of ${n}`);
    return { total: performance.now() - t0, parseMs, guardMs };
  };
  await loadOnce();
  await importOnce();
  const loads: number[] = [];
  const imports: number[] = [];
  const parses: number[] = [];
  const guards: number[] = [];
  for (let r = 0; r < rounds; r++) {
    loads.push(await loadOnce());
    const i = await importOnce();
    imports.push(i.total);
    parses.push(i.parseMs);
    guards.push(i.guardMs);
  }
  return {
    load: median(loads),
    imp: median(imports),
    parse: median(parses),
    guard: median(guards),
    mb: buf.length / 1048576,
  };
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const n = opts.quick ? 1000 : 5000;
  const rounds = opts.quick ? 3 : 5;
  const out: Record<string, number | string> = { files: n };
  const targets = await benchTargets();
  if (!targets.some((t) => t.name === "postgres")) out.postgres = "unavailable";
  for (const t of targets) {
    const database = await t.open();
    try {
      const r = await bench(database, n, rounds);
      const ratio = r.load / r.imp;
      console.log(
        `${t.name.padEnd(8)} registry import: ${n} files (${r.mb.toFixed(1)} MB xlsx): import ${r.imp.toFixed(0)} ms (read+validate ${r.parse.toFixed(0)} ms, publication guard ${r.guard.toFixed(0)} ms, ${((n / r.imp) * 1000).toFixed(0)} files/s) vs exceljs load alone ${r.load.toFixed(0)} ms -> ratio ${ratio.toFixed(2)} (target >= 0.3)`,
      );
      out[`${t.name}_import_ms`] = Math.round(r.imp);
      out[`${t.name}_guard_ms`] = Math.round(r.guard);
      out[`${t.name}_exceljs_load_ms`] = Math.round(r.load);
      out[`${t.name}_ratio`] = Number(ratio.toFixed(3));
    } finally {
      await t.drop(database);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
