import assert from "node:assert/strict";
import { test } from "node:test";
import { buildCorpus } from "./corpus/build";
import { evaluate, formatEvaluation, metrics } from "./evaluate";
import { PII_TYPES } from "./index";

test("metrics: F2 weighs recall over precision", () => {
  const m = metrics(8, 2, 2);
  assert.equal(m.precision, 0.8);
  assert.equal(m.recall, 0.8);
  assert.ok(Math.abs(m.f2 - 0.8) < 1e-9);
  assert.ok(metrics(9, 9, 1).f2 > metrics(9, 1, 9).f2);
});

test("corpus: gold offsets are exact and identifiers are synthetic and varied", () => {
  const docs = buildCorpus();
  assert.ok(docs.length >= 300);
  assert.ok(docs.filter((d) => d.hardNegative).length >= 60);
  for (const lang of ["ko", "zh-TW", "en"])
    assert.ok(
      docs.some((d) => d.lang === lang),
      lang,
    );
  for (const d of docs) {
    for (const g of d.gold) assert.ok(g.start >= 0 && g.end <= d.text.length && g.start < g.end, d.id);
  }
  const core = PII_TYPES.filter((t) => !t.lowConfidence).map((t) => t.type);
  const seen = new Set<string>(docs.flatMap((d) => d.gold.map((g) => g.type)));
  for (const t of core) assert.ok(seen.has(t), `corpus has no ${t}`);
});

test("quality targets on the labelled corpus: F2 >= 0.95 overall, precision >= 0.97 on hard negatives", () => {
  const e = evaluate(buildCorpus());
  console.log(`\n${e.docs} documents, ${e.goldSpans} gold spans\n${formatEvaluation(e)}\n`);
  assert.ok(e.overall.f2 >= 0.95, `overall F2 ${e.overall.f2}`);
  assert.ok(e.hardNegative.precision >= 0.97, `hard-negative precision ${e.hardNegative.precision}`);
  for (const [type, m] of Object.entries(e.perType)) assert.ok(m.f2 >= 0.9, `${type} F2 ${m.f2}`);
});
