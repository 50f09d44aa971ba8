import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, twFile } from "./test-helpers";

// Outside review item 5: the TW catalogues are partly unconfirmed (a secondary source counts 85 official
// personal-data categories; the catalogue has 73). Unconfirmed entries must say so in the API, and an agency
// must be able to add a missing official entry, flagged as agency-supplied, without a code change.
let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

type Entry = {
  code: string;
  name: string;
  confirmed: boolean;
  verify?: boolean;
  local?: boolean;
  official?: boolean;
};
const catalogues = async () => {
  const res = await call("GET", "/api/registry/catalogues", undefined, "b", "handler", {
    "x-locale": "zh-TW",
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().lists as Record<string, Entry[]>;
};

// Hand-picked from the provenance notes: C001 (識別個人者) was seen in notices, C073 (安全細節) was not;
// purpose 095 is confirmed by notices, 051 is a placeholder.
describe("unconfirmed TW catalogue entries and agency-supplied official entries (B3, B5)", () => {
  test("B3/B5: every catalogue entry in the API says confirmed true or false; 095 is now confirmed, 051 and C073 are not", async () => {
    const lists = await catalogues();
    const cat = (code: string) => lists.dataCategories.find((e) => e.code === code);
    const pur = (code: string) => lists.purposes.find((e) => e.code === code);
    assert.equal(cat("C001")?.confirmed, true);
    assert.equal(cat("C073")?.confirmed, false);
    assert.equal(pur("095")?.confirmed, true);
    assert.equal(pur("179")?.confirmed, true);
    assert.equal(pur("051")?.confirmed, false);
    for (const [id, list] of Object.entries(lists))
      for (const e of list) assert.equal(typeof e.confirmed, "boolean", `${id} ${e.code}`);
  });

  test("B3/item 2: the local-codes list tells how many official entries are known to exist; an agency adds a missing official data category that forms then accept", async () => {
    const items = (await call("GET", "/api/registry/local-codes", undefined, "b", "handler")).json()
      .items as Array<{
      catalogueId: string;
      baseCodes: number;
      officialCount: { count: number; verify: boolean } | null;
    }>;
    const dc = items.find((i) => i.catalogueId === "dataCategories");
    assert.equal(dc?.baseCodes, 73);
    assert.deepEqual(dc?.officialCount, { count: 85, verify: true });

    const entry = {
      code: "C134",
      names: { "zh-TW": "機關補充之官方類別", en: "Official category supplied by the agency" },
      official: true,
      source: "法務部公告 (agency copy)",
    };
    const badCode = await call(
      "PUT",
      "/api/registry/local-codes/dataCategories",
      {
        entries: [{ ...entry, code: "X-1" }],
        reason: "補充官方類別",
      },
      "b",
    );
    assert.equal(badCode.statusCode, 400, badCode.body);
    assert.equal(badCode.json().code, "registry.local_codes");
    const put = await call(
      "PUT",
      "/api/registry/local-codes/dataCategories",
      {
        entries: [entry],
        reason: "補充官方類別",
      },
      "b",
    );
    assert.equal(put.statusCode, 200, put.body);
    const c134 = (await catalogues()).dataCategories.find((e) => e.code === "C134");
    assert.deepEqual(
      { local: c134?.local, official: c134?.official, name: c134?.name },
      { local: true, official: true, name: "機關補充之官方類別" },
    );
    const file = await call(
      "POST",
      "/api/registry/files",
      twFile(t.b.unitId, { name: "補充類別檔案", categoryCodes: ["C001", "C134"] }),
      "b",
    );
    assert.equal(file.statusCode, 201, file.body);
  });
});
