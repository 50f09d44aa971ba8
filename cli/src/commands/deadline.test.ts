import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { agencies, calendarOverrides } from "@civicpims/server/db/schema/index";
import { createTestDatabase, type TestDatabase } from "@civicpims/server/test-support/db";
import { Command } from "commander";
import { deadlineIo, register } from "./deadline";

/** Runs `civicpims <args>` in-process and captures what the command writes. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...deadlineIo };
  const prevCode = process.exitCode;
  process.exitCode = undefined;
  deadlineIo.out = (s) => {
    out.push(s);
  };
  deadlineIo.err = (s) => {
    err.push(s);
  };
  try {
    // Only this command is registered, so these tests do not depend on other commands' imports;
    // the last two tests go through the full program and the real binary.
    const program = new Command().name("civicpims").exitOverride();
    register(program);
    await program.parseAsync(["node", "civicpims", ...args]);
  } finally {
    Object.assign(deadlineIo, saved);
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = prevCode;
  return { code, out: out.join(""), err: err.join("") };
}

describe("civicpims deadline", () => {
  test("C7: prints JSON with due and explanation (deadlines.md example)", async () => {
    const r = await run([
      "deadline",
      "--jurisdiction",
      "KR",
      "--kind",
      "pipa_access",
      "--received",
      "2026-03-23T10:00",
    ]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.due, "2026-04-02T23:59:59+09:00");
    assert.ok(Array.isArray(json.explanation) && json.explanation.length > 2);
  });

  test("I2: minwon in hours with a pause", async () => {
    const r = await run([
      "deadline",
      "--jurisdiction",
      "KR",
      "--kind",
      "minwon",
      "--hours",
      "3",
      "--received",
      "2026-03-24T09:00",
      "--pause",
      "2026-03-24T10:00/2026-03-24T14:00",
    ]);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).due, "2026-03-24T16:00:00+09:00");
  });

  test("C7: --extend and an --overrides file with a typhoon closure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "civicpims-deadline-"));
    const file = join(dir, "overrides.json");
    writeFileSync(file, JSON.stringify({ closures: [{ date: "2026-04-01", reason: "typhoon day" }] }));
    const args = [
      "deadline",
      "--jurisdiction",
      "tw",
      "--kind",
      "tw_pdpa_access",
      "--received",
      "2026-03-02T10:00",
      "--extend",
    ];
    const plain = await run(args);
    assert.equal(JSON.parse(plain.out).due, "2026-04-01T23:59:59+08:00");
    const moved = await run([...args, "--overrides", file]);
    assert.equal(moved.code, 0, moved.err);
    assert.equal(JSON.parse(moved.out).due, "2026-04-02T23:59:59+08:00");
  });

  test("bad input exits with code 2 and a clear message", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--kind", "foi", "--received", "2026-03-02"], /--jurisdiction is required/],
      [["--jurisdiction", "JP", "--kind", "foi", "--received", "2026-03-02"], /KR or TW/],
      [["--jurisdiction", "KR", "--kind", "nope", "--received", "2026-03-02"], /unknown kind/],
      [["--jurisdiction", "KR", "--kind", "foi", "--received", "not-a-date"], /received/],
      [["--jurisdiction", "KR", "--kind", "minwon", "--received", "2026-03-02", "--days", "-3"], /--days/],
      [
        [
          "--jurisdiction",
          "KR",
          "--kind",
          "minwon",
          "--received",
          "2026-03-02",
          "--days",
          "3",
          "--hours",
          "2",
        ],
        /not both/,
      ],
      [
        ["--jurisdiction", "KR", "--kind", "foi", "--received", "2026-03-02", "--pause", "2026-03-03"],
        /FROM\/TO/,
      ],
      [
        ["--jurisdiction", "KR", "--kind", "pipa_correction", "--received", "2026-03-02", "--extend"],
        /no extension/,
      ],
      [["--jurisdiction", "TW", "--kind", "tw_foi", "--received", "2026-03-02", "--extend", "20"], /exceed/],
      [
        [
          "--jurisdiction",
          "KR",
          "--kind",
          "foi",
          "--received",
          "2026-03-02",
          "--overrides",
          "/nonexistent.json",
        ],
        /cannot read/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(["deadline", ...args]);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, message);
      assert.equal(r.out, "");
    }
  });

  test("an invalid overrides file names the bad field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "civicpims-deadline-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ closures: [{ date: "2026/04/01", reason: "x" }] }));
    const r = await run([
      "deadline",
      "--jurisdiction",
      "KR",
      "--kind",
      "foi",
      "--received",
      "2026-03-02",
      "--overrides",
      file,
    ]);
    assert.equal(r.code, 2);
    assert.match(r.err, /closures\.0\.date/);
  });

  test("the full program registers the command (cli/src/commands/index.ts)", async () => {
    const { buildProgram } = await import("../index");
    const names = buildProgram().commands.map((c) => c.name());
    assert.ok(names.includes("deadline"));
  });

  test("the installed binary exits 2 on bad input", () => {
    const r = spawnSync(
      process.execPath,
      [
        "cli/bin/civicpims.mjs",
        "deadline",
        "--jurisdiction",
        "KR",
        "--kind",
        "minwon",
        "--received",
        "2026-03-02",
      ],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /give days or hours/);
  });
});

describe("civicpims deadline --agency (calendar table from the database)", () => {
  let tdb: TestDatabase;
  let agencyId = "";
  const savedOpen = deadlineIo.open;

  before(async () => {
    tdb = await createTestDatabase();
    const [ag] = await tdb.db
      .insert(agencies)
      .values({
        code: "TPE-X",
        nameLocal: "虛構市政府",
        nameEn: "Fictional City",
        jurisdiction: "TW",
        timeZone: "Asia/Taipei",
        defaultLocale: "zh-TW",
      })
      .returning();
    agencyId = ag.id;
    await tdb.db.insert(calendarOverrides).values({
      agencyId,
      kind: "closure",
      dateFrom: "2026-03-17",
      dateTo: "2026-03-17",
      reason: "颱風停止上班",
    });
    deadlineIo.open = (async () => ({
      deps: { database: tdb },
      migrated: [],
      close: async () => {},
    })) as unknown as typeof deadlineIo.open;
  });
  after(async () => {
    deadlineIo.open = savedOpen;
    await tdb.drop();
  });

  test("C7: a typhoon closure stored for the agency moves the deadline (by code and by id)", async () => {
    for (const ref of ["TPE-X", agencyId]) {
      const r = await run([
        "deadline",
        "--agency",
        ref,
        "--kind",
        "tw_pdpa_access",
        "--received",
        "2026-03-02T10:00",
      ]);
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out);
      assert.equal(json.due, "2026-03-18T23:59:59+08:00");
      assert.equal(json.explanation[0].step, "overrides");
      assert.ok(json.explanation.some((s: { detail: string }) => s.detail.includes("颱風停止上班")));
    }
  });

  test("unknown agency or a jurisdiction that contradicts the agency: exit 2", async () => {
    const unknown = await run([
      "deadline",
      "--agency",
      "NOPE",
      "--kind",
      "tw_foi",
      "--received",
      "2026-03-02",
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown agency/);
    const wrong = await run([
      "deadline",
      "--agency",
      "TPE-X",
      "--jurisdiction",
      "KR",
      "--kind",
      "foi",
      "--received",
      "2026-03-02",
    ]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /is in TW/);
  });
});
