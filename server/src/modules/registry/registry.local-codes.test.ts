import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

interface LocalList {
  catalogueId: string;
  listIds: string[];
  title: string;
  entries: Array<{ code: string; names: Record<string, string> }>;
  version: number;
}

const lists = async (who: "a" | "b" = "a", role: "handler" | "privacy_officer" = "handler") => {
  const res = await call("GET", "/api/registry/local-codes", undefined, who, role);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as LocalList[];
};

describe("agency local catalogue entries (item 2)", () => {
  test("B2: the extendable code lists are listed; local entries added with PUT can be read back, seen in the forms' lists and edited with the version", async () => {
    const before = await lists();
    const bases = before.find((l) => l.listIds.includes("legalBases"));
    assert.ok(bases, JSON.stringify(before.map((l) => l.listIds)));
    assert.equal(bases.version, 0);
    assert.deepEqual(bases.entries, []);
    assert.ok(bases.title.length > 0);

    const entry = {
      code: "local-ordinance-1",
      names: { ko: "○○시 민원 조례 제5조", en: "City ordinance art 5" },
    };
    const denied = await call(
      "PUT",
      `/api/registry/local-codes/${bases.catalogueId}`,
      { entries: [entry] },
      "a",
      "handler",
    );
    assert.equal(denied.statusCode, 403);
    const put = await call("PUT", `/api/registry/local-codes/${bases.catalogueId}`, {
      entries: [entry],
      reason: "조례 근거 추가",
      version: 0,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().version, 1);

    const one = await call(
      "GET",
      `/api/registry/local-codes/${bases.catalogueId}`,
      undefined,
      "a",
      "handler",
    );
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.json().version, 1);
    assert.deepEqual(one.json().entries, [entry]);
    assert.deepEqual(
      (await lists()).find((l) => l.catalogueId === bases.catalogueId)?.entries,
      [entry],
      "the list shows it too",
    );
    const cats = (await call("GET", "/api/registry/catalogues")).json();
    const merged = cats.lists.legalBases.find((e: { code: string }) => e.code === entry.code);
    assert.equal(merged?.local, true);

    // Editing: a stale version is refused, the current one replaces the entries.
    const renamed = { ...entry, names: { ...entry.names, en: "City ordinance article 5" } };
    const stale = await call("PUT", `/api/registry/local-codes/${bases.catalogueId}`, {
      entries: [renamed],
      version: 0,
    });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().code, "registry.stale_version");
    const ok = await call("PUT", `/api/registry/local-codes/${bases.catalogueId}`, {
      entries: [renamed],
      version: 1,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const again = (await call("GET", `/api/registry/local-codes/${bases.catalogueId}`)).json();
    assert.equal(again.version, 2);
    assert.equal(again.entries[0].names.en, "City ordinance article 5");
  });

  test("B2: an unknown list is 404; another agency never sees these entries", async () => {
    const unknown = await call("GET", "/api/registry/local-codes/no-such-list");
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, "registry.unknown_catalogue");
    for (const l of await lists("b")) assert.deepEqual(l.entries, [], l.catalogueId);
  });
});
