import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import pino from "pino";
import { loggerOptions } from "./logger";

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return { stream, text: () => chunks.join("") };
}

test("E3/E4: the logger leaves no trace of a valid resident number, phone or secret", () => {
  const out = capture();
  const log = pino(loggerOptions("info"), out.stream);
  log.info("민원인 주민번호 960121-1021413, 연락처 010-1234-5678 확인");
  log.info({ password: "Secret#2026", note: "TW ID A123456789" }, "request from A123456789");
  log.error({ err: new Error("lookup failed for 960121-1021413") }, "failed");
  const text = out.text();
  for (const secret of ["960121-1021413", "1021413", "010-1234-5678", "Secret#2026", "A123456789"]) {
    assert.ok(!text.includes(secret), `log contains ${secret}: ${text}`);
  }
  assert.ok(text.includes("[redacted]"));
});

test("E3: request logs keep the path only, with identifiers in the path masked", async () => {
  const out = capture();
  const Fastify = (await import("fastify")).default;
  const app = Fastify({ logger: { ...loggerOptions("info"), stream: out.stream } as never });
  app.get("/api/echo/:id", async () => ({ ok: true }));
  const res = await app.inject({ method: "GET", url: "/api/echo/960121-1021413?rrn=960121-1021413" });
  assert.equal(res.statusCode, 200);
  await app.close();
  const text = out.text();
  assert.match(text, /incoming request/);
  assert.match(text, /\/api\/echo\//);
  assert.ok(!text.includes("960121-1021413"), text);
  assert.ok(!text.includes("rrn="), "query strings are dropped");
});
