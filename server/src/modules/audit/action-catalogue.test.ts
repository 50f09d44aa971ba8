// Issue 11 item 5: every ledger action has a phrase in ko, zh-TW and en, so the auditor never reads a
// code. Route actions come from the route table; a scan of the sources catches a new literal action
// written outside a route declaration that nobody added to NON_ROUTE_ACTIONS.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { routeTable } from "../../http/route";
import { LOCALES } from "../../i18n";
import { createTestApp, type TestApp } from "../../test-support/app";
import { actionPhrase, knownActions } from "./action-catalogue";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const root = fileURLToPath(new URL("../../../..", import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "node_modules" || name === "dist") continue;
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

describe("ledger action phrases", () => {
  test("E3: every action a route declares has a phrase in ko, zh-TW and en", () => {
    const actions = [...new Set(routeTable.map((r) => r.auditAction).filter((a): a is string => !!a))];
    assert.ok(actions.length > 50, "the route table was not filled");
    const missing = actions.flatMap((a) =>
      LOCALES.filter((l) => !actionPhrase(l, a)).map((l) => `${l}: ${a}`),
    );
    assert.deepEqual(missing, []);
  });

  test("E3: every action written outside a route (handlers, jobs, CLI) is listed and has its phrases", () => {
    const known = new Set(knownActions());
    const literal = /action:\s*"([a-z_]+(?:\.[a-z_]+)+)"|recordDenied\([^)]*"([a-z_]+\.[a-z_]+)"\)/g;
    const unlisted: string[] = [];
    for (const dir of ["server/src", "cli/src"]) {
      for (const file of sources(join(root, dir))) {
        for (const m of readFileSync(file, "utf8").matchAll(literal)) {
          const a = m[1] ?? m[2];
          if (!known.has(a)) unlisted.push(`${a} (${file.slice(root.length)})`);
        }
      }
    }
    assert.deepEqual(unlisted, [], "add these to NON_ROUTE_ACTIONS in action-catalogue.ts");
    const missing = [...known].flatMap((a) =>
      LOCALES.filter((l) => !actionPhrase(l, a)).map((l) => `${l}: ${a}`),
    );
    assert.deepEqual(missing, []);
  });

  test("E3: a phrase is the reader's words, not the code (spot checks written by hand)", () => {
    assert.equal(actionPhrase("ko", "registry.file.create"), "개인정보파일 등록");
    assert.equal(actionPhrase("zh-TW", "registry.file.create"), "個人資料檔案登錄");
    assert.equal(actionPhrase("en", "cases.transition.extend"), "Deadline extended");
    assert.equal(actionPhrase("ko", "no.such.action"), null);
  });
});
