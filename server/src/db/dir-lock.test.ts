import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openDatabase } from "./client";

const root = mkdtempSync(join(tmpdir(), "civicpims-lock-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("E4: a second opener of an embedded data directory is refused while the first holds it", async () => {
  const dir = join(root, "a", "pgdata");
  const first = await openDatabase({ dataDir: dir });
  await assert.rejects(
    openDatabase({ dataDir: dir }),
    (e: Error) =>
      e.name === "DataDirLockedError" &&
      e.message.includes(`pid ${process.pid}, started `) &&
      e.message.endsWith(`holds ${dir}`),
  );
  // The first opener still works, and after it closes the directory is free again.
  assert.deepEqual(await first.query("SELECT 1 AS one"), [{ one: 1 }]);
  await first.close();
  assert.equal(existsSync(`${dir}.lock`), false);
  const again = await openDatabase({ dataDir: dir });
  await again.close();
});

test("E4: a lock left by a process that no longer runs is taken over", async () => {
  const dir = join(root, "b", "pgdata");
  // A real pid that has certainly exited: a child we ran to completion.
  const dead = spawnSync(process.execPath, ["-e", ""]).pid;
  const stale = { pid: dead, command: "the server", startedAt: "2026-01-01T00:00:00.000Z", host: hostname() };
  await openDatabase({ dataDir: dir }).then((d) => d.close());
  writeFileSync(`${dir}.lock`, JSON.stringify(stale));
  const db = await openDatabase({ dataDir: dir });
  assert.equal(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid, process.pid);
  await db.close();
});
