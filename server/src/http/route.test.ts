import assert from "node:assert/strict";
import { test } from "node:test";
import { text } from "@civicpims/core/validation/index";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "./deps";
import { defineRoute } from "./route";

/** A stand-in database that counts transactions and remembers what the handler was given as `tx`. */
function fakeDeps() {
  const seen = { transactions: 0 };
  const db = {
    transaction: async (fn: (tx: unknown) => Promise<unknown>) => {
      seen.transactions++;
      return fn({ inTransaction: true });
    },
  };
  return { seen, db, deps: { database: { db } } as unknown as AppDeps };
}

async function app() {
  const a = Fastify();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  return a;
}

test("transaction: false: the handler runs straight on the pool, no BEGIN/COMMIT", async () => {
  const { seen, db, deps } = fakeDeps();
  const a = await app();
  let given: unknown;
  defineRoute(a, deps, {
    method: "POST",
    url: "/test/no-tx",
    access: "public",
    tag: "test",
    summary: "one statement",
    body: z.object({ n: text({ min: 1, max: 5 }) }).strict(),
    transaction: false,
    handler: async ({ tx, body }) => {
      given = tx;
      return { n: body.n };
    },
    audit: { skip: "test" },
  });
  // The default for comparison: one transaction per request.
  defineRoute(a, deps, {
    method: "POST",
    url: "/test/tx",
    access: "public",
    tag: "test",
    summary: "default",
    handler: async ({ tx }) => ({
      inTransaction: (tx as unknown as { inTransaction?: boolean }).inTransaction,
    }),
    audit: { skip: "test" },
  });
  const r = await a.inject({ method: "POST", url: "/test/no-tx", payload: { n: " ab " } });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json(), { n: "ab" });
  assert.equal(seen.transactions, 0);
  assert.equal(given, db);
  // Validation still applies (the shared validators), before the handler.
  const bad = await a.inject({ method: "POST", url: "/test/no-tx", payload: { n: "toolong" } });
  assert.equal(bad.statusCode, 400);
  assert.equal(seen.transactions, 0);
  const d = await a.inject({ method: "POST", url: "/test/tx", payload: {} });
  assert.deepEqual(d.json(), { inTransaction: true });
  assert.equal(seen.transactions, 1);
  await a.close();
});

test("transaction: false: no ledger entry can be written (ctx.audit throws; an audit action is refused)", async () => {
  const { seen, deps } = fakeDeps();
  const a = await app();
  defineRoute(a, deps, {
    method: "POST",
    url: "/test/no-tx-audit",
    access: "public",
    tag: "test",
    summary: "tries to audit",
    transaction: false,
    handler: async ({ audit }) => {
      audit({ action: "portal.status.read" });
      return { ok: true };
    },
    audit: { skip: "test" },
  });
  const r = await a.inject({ method: "POST", url: "/test/no-tx-audit", payload: {} });
  assert.equal(r.statusCode, 500);
  assert.equal(seen.transactions, 0);
  assert.throws(
    () =>
      defineRoute(a, deps, {
        method: "POST",
        url: "/test/no-tx-action",
        access: "public",
        tag: "test",
        summary: "declares a ledger action",
        transaction: false,
        handler: async () => ({ id: "x" }),
        audit: { action: "portal.status.read" },
      }),
    /transaction: false/,
  );
  await a.close();
});
