import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig, publicUrlForListen } from "./config";

test("config: defaults are usable in embedded mode", () => {
  const c = loadConfig({});
  assert.equal(c.mode, "embedded");
  assert.equal(c.port, 3000);
  assert.equal(c.cookieSecure, false);
  assert.equal(c.sessionIdleMinutes, 30);
  assert.equal(c.sessionAbsoluteHours, 12);
  assert.equal(c.lockoutThreshold, 5);
});

test("config: environment overrides and every bad value is reported with its variable name", () => {
  assert.equal(loadConfig({ PORT: "8080", CIVICPIMS_COOKIE_SECURE: "true" }).port, 8080);
  assert.throws(
    () => loadConfig({ PORT: "eighty", DATABASE_URL: "nope", LOG_LEVEL: "loud" }),
    (e: unknown) =>
      e instanceof ConfigError &&
      /port \(PORT\)/.test(e.message) &&
      /databaseUrl \(DATABASE_URL\)/.test(e.message) &&
      /logLevel \(LOG_LEVEL\)/.test(e.message),
  );
});

test("config: production mode requires the secrets and a database from the environment", () => {
  assert.throws(
    () => loadConfig({ CIVICPIMS_MODE: "production" }),
    /CIVICPIMS_SESSION_SECRET, CIVICPIMS_FIELD_KEY, CIVICPIMS_LEDGER_SIGNING_KEY, DATABASE_URL/,
  );
  const c = loadConfig({
    CIVICPIMS_MODE: "production",
    DATABASE_URL: "postgres://db/x",
    CIVICPIMS_SESSION_SECRET: "s".repeat(40),
    CIVICPIMS_FIELD_KEY: Buffer.alloc(32, 1).toString("base64"),
    CIVICPIMS_LEDGER_SIGNING_KEY: "-----BEGIN PRIVATE KEY-----x-----END PRIVATE KEY-----",
  });
  assert.equal(c.cookieSecure, true);
});

test("config: a missing or broken CIVICPIMS_CONFIG file is a clear error", () => {
  assert.throws(() => loadConfig({ CIVICPIMS_CONFIG: "/nonexistent/civicpims.json" }), /missing file/);
});

test("E3: by default the ledger head is signed every 1000 entries or every 5 minutes with appends", () => {
  // A short time default bounds how many newest entries can be cut without an outside checkpoint noticing.
  const c = loadConfig({});
  assert.equal(c.ledgerCheckpointEvery, 1000);
  assert.equal(c.ledgerCheckpointMinutes, 5);
  assert.equal(loadConfig({ CIVICPIMS_LEDGER_CHECKPOINT_MINUTES: "1" }).ledgerCheckpointMinutes, 1);
});

test("config: without CIVICPIMS_PUBLIC_URL the public URL follows HOST and PORT", () => {
  assert.equal(loadConfig({ PORT: "8181" }).publicUrl, "http://127.0.0.1:8181");
  assert.equal(loadConfig({ HOST: "10.1.2.3", PORT: "8080" }).publicUrl, "http://10.1.2.3:8080");
  // A wildcard bind address is no address a citizen can open: loopback stands in for it.
  assert.equal(loadConfig({ HOST: "0.0.0.0", PORT: "9000" }).publicUrl, "http://127.0.0.1:9000");
  assert.equal(loadConfig({ HOST: "::1", PORT: "9000" }).publicUrl, "http://[::1]:9000");
  assert.equal(
    loadConfig({ PORT: "8181", CIVICPIMS_PUBLIC_URL: "https://pims.example.kr" }).publicUrl,
    "https://pims.example.kr",
  );
});

test("config: after listening on PORT=0 the derived public URL takes the port actually served; an explicit one stays", () => {
  const derived = loadConfig({ PORT: "0" });
  assert.equal(publicUrlForListen(derived, 41234), "http://127.0.0.1:41234");
  const explicit = loadConfig({ PORT: "0", CIVICPIMS_PUBLIC_URL: "https://pims.example.tw" });
  assert.equal(publicUrlForListen(explicit, 41234), "https://pims.example.tw");
});
