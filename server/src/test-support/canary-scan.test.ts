import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { responseText } from "./canary-scan";

// The isolation canary test is only as good as what it can read: compressed bodies must be opened.
test("A1/E2: the canary scan reads inside a gzip body (a backup tarball would otherwise hide a leak)", () => {
  const body = gzipSync(Buffer.from("pgdata/base/1/2600 ... CANARY1234abcd ... more rows"));
  assert.ok(!body.toString("latin1").toLowerCase().includes("canary1234abcd"), "compressed bytes hide it");
  assert.ok(responseText({ "content-type": "application/gzip" }, body).includes("canary1234abcd"));
});
