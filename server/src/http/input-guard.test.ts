// Guard: no route may store, or crash on, a NUL or a lone surrogate in any text it accepts.
//
// How: every route registered through defineRoute records its zod input schemas in routeTable
// (server/src/http/route.ts). This test walks each body, query and params schema generically
// (objects, arrays, optional/nullable/default wrappers, pipes, unions, records) and collects the path
// of every string it can reach. For each path it sends a request carrying only that one bad string
// (other fields missing: zod reports every issue, so the field's own issue is among them) with a
// session of a role the route allows, and expects 400 `validation` with a detail at exactly that
// path. Plain text must say `text.control_char` / `text.lone_surrogate` (the shared validators of
// core/src/validation); strings with a format (uuid, date, e-mail) may instead say their format is
// wrong. A route added later is covered without touching this file, and a raw `z.string()` fails it.
// Query strings and path parameters can only carry NUL (%00): URL decoding never yields a lone
// surrogate. Multipart fields are checked where they are parsed (see the multipart test below).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { PERMISSIONS, type Permission, ROLES, type Role } from "@civicpims/core/auth/index";
import type { z } from "zod";
import { createTestApp, type TestApp } from "../test-support/app";
import { routeTable } from "./route";

let t: TestApp;
before(async () => {
  t = await createTestApp();
  t.deps.operatorToken = OPERATOR_TOKEN;
});
after(async () => t.close());

type Seg = string | number;
interface Leaf {
  path: Seg[];
  /** A string format (uuid, date, email...) or null for plain text. */
  format: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definitions
type Def = any;

/** Every string reachable in a zod schema, with its path. `unknown` inside cleanJson counts as text. */
function leaves(schema: z.ZodType | undefined, path: Seg[] = [], depth = 0): Leaf[] {
  if (!schema || depth > 12) return [];
  const def: Def = (schema as Def)._zod.def;
  switch (def.type) {
    case "string": {
      // A pattern (user names, codes) already excludes control characters: its own issue is enough.
      const pattern = (def.checks ?? []).some((c: Def) => c._zod.def.format === "regex");
      return [{ path, format: def.format ?? (pattern ? "regex" : null) }];
    }
    case "unknown":
    case "any":
      return [{ path, format: null }];
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
        leaves(v, [...path, k], depth + 1),
      );
    case "array":
      return leaves(def.element, [...path, 0], depth + 1);
    case "record":
      return leaves(def.valueType, [...path, "k"], depth + 1);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return leaves(def.innerType, path, depth + 1);
    case "pipe":
      return leaves(def.in, path, depth + 1);
    case "union":
      return (def.options as z.ZodType[]).flatMap((o) => leaves(o, path, depth + 1));
    default:
      return [];
  }
}

/** A value holding `bad` at `path` and nothing else. */
function place(path: Seg[], bad: string): unknown {
  if (!path.length) return bad;
  const [head, ...rest] = path;
  if (typeof head === "number") return [place(rest, bad)];
  return { [head]: place(rest, bad) };
}

const pointer = (path: Seg[]) => `/${path.join("/")}`;

function roleFor(access: string): Role | null {
  if (access === "public") return null;
  if (access === "authenticated") return "system_admin";
  return (PERMISSIONS[access as Permission] as readonly Role[])[0] ?? ROLES[0];
}

const OPERATOR_TOKEN = "input-guard-operator-token-0123456789abcdef";
const OPERATOR = { authorization: `Bearer ${OPERATOR_TOKEN}`, "x-csrf-token": OPERATOR_TOKEN };

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());
const OURS = new Set(["text.control_char", "text.lone_surrogate"]);

test("every text field of every route refuses NUL and lone surrogates with a field-level 400", async () => {
  const problems: string[] = [];
  let checked = 0;
  for (const r of routeTable) {
    const role = roleFor(r.access);
    // Installation-wide /api/system/* routes answer only the local operator's token, never a session.
    const operator = r.url.startsWith("/api/system/");
    const headers = async () => ({
      ...(operator ? OPERATOR : role ? await t.fresh(role) : {}),
      "x-locale": "en",
    });
    const expect = async (
      where: string,
      leaf: Leaf,
      res: { statusCode: number; body: string; json(): unknown },
      code: string,
    ) => {
      checked++;
      const label = `${r.method} ${r.url} ${where} ${pointer(leaf.path)} (${code})`;
      if (res.statusCode !== 400)
        return problems.push(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const body = res.json() as { code: string; details?: Array<{ path: string; code: string }> };
      const codes = (body.details ?? []).filter((x) => x.path === pointer(leaf.path)).map((x) => x.code);
      if (!codes.length) return problems.push(`${label}: no detail at the field: ${res.body.slice(0, 300)}`);
      const ok =
        codes.includes(code) ||
        (leaf.format !== null && codes.some((c) => OURS.has(c) || /invalid|format/.test(c)));
      if (!ok) problems.push(`${label}: codes ${codes.join(",")}`);
    };
    const schemas = r.schemas ?? {};
    if (schemas.body && r.method !== "GET") {
      for (const leaf of leaves(schemas.body)) {
        for (const [bad, code] of [
          ["a\u0000b", "text.control_char"],
          ["a\ud800b", "text.lone_surrogate"],
        ] as const) {
          const res = await t.inject({
            method: r.method,
            url: fill(r.url),
            headers: await headers(),
            payload: place(leaf.path, bad) as object,
          });
          await expect("body", leaf, res, code);
        }
      }
    }
    if (schemas.query) {
      for (const leaf of leaves(schemas.query)) {
        if (leaf.path.length !== 1) continue;
        const res = await t.inject({
          method: r.method,
          url: `${fill(r.url)}?${String(leaf.path[0])}=a%00b`,
          headers: await headers(),
          ...(r.method === "GET" || r.method === "DELETE" ? {} : { payload: {} }),
        });
        await expect("query", leaf, res, "text.control_char");
      }
    }
    if (schemas.params) {
      for (const leaf of leaves(schemas.params)) {
        if (leaf.format !== null) continue; // uuids: a random one is used, any NUL is a 400 anyway
        const url = r.url.replace(/:([A-Za-z]+)/g, (_, p) => (p === leaf.path[0] ? "a%00b" : randomUUID()));
        const res = await t.inject({
          method: r.method,
          url,
          headers: await headers(),
          ...(r.method === "GET" || r.method === "DELETE" ? {} : { payload: {} }),
        });
        await expect("params", leaf, res, "text.control_char");
      }
    }
  }
  assert.ok(checked > 300, `expected to reach hundreds of text fields, reached ${checked}`);
  assert.deepEqual(problems, []);
});
