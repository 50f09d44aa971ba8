import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { createTestApp, type TestApp } from "../test-support/app";
import { buildApp } from "./app";

let t: TestApp;
let app: FastifyInstance;
const dist = mkdtempSync(join(tmpdir(), "civicpims-dist-"));
before(async () => {
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>spa</title>");
  writeFileSync(join(dist, "app.js"), "console.log(1)");
  t = await createTestApp();
  app = await buildApp(t.deps, { webDist: dist, logger: false });
});
after(async () => {
  await app.close();
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

test("web: deep links get the SPA, assets are served, unknown API paths stay JSON 404", async () => {
  const deep = await app.inject({ method: "GET", url: "/registry/files/123" });
  assert.equal(deep.statusCode, 200);
  assert.match(deep.body, /<title>spa<\/title>/);
  assert.match(String(deep.headers["content-security-policy"]), /script-src 'self'/);
  assert.equal((await app.inject({ method: "GET", url: "/app.js" })).body, "console.log(1)");
  const api = await app.inject({ method: "GET", url: "/api/nope" });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().code, "route_not_found");
});

test("web: a file built after start-up is served without a restart", async () => {
  writeFileSync(join(dist, "later.js"), "console.log(2)");
  assert.equal((await app.inject({ method: "GET", url: "/later.js" })).body, "console.log(2)");
});

test("health: /healthz and /readyz answer without a session", async () => {
  assert.equal((await app.inject({ method: "GET", url: "/healthz" })).statusCode, 200);
  assert.deepEqual((await app.inject({ method: "GET", url: "/readyz" })).json(), { status: "ready" });
  const docs = await app.inject({ method: "GET", url: "/docs/json" });
  assert.equal(docs.json().openapi.startsWith("3."), true);
});
