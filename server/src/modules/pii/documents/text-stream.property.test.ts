import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import { coreEngine } from "./engine";
import { fakeEngine } from "./testing";
import { chunksOf, scanTextStream } from "./text-stream";

// The stand-in detector has no context words, so streaming must give exactly what one whole-text scan gives.
const engine = fakeEngine;
const IDS = ["960121-1021413", "010-1234-5678", "A123456789", "050912-2000019"];
const FILLER = ["가", "나", " ", "1", "2", "-", "\n", "A", "a", "臺", "😀", ",", "0"];

const textArb = fc
  .array(fc.oneof(fc.constantFrom(...FILLER), fc.constantFrom(...IDS)), { minLength: 0, maxLength: 400 })
  .map((parts) => parts.join(""));

describe("streaming windows (property)", () => {
  test("E4/C12: any text, any chunk size, any window: same spans and same redaction as one whole-text pass", async () => {
    await fc.assert(
      fc.asyncProperty(
        textArb,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 48, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom("utf8", "utf-16le"),
        async (text, chunk, size, context, encoding) => {
          const bytes = iconv.encode(text, encoding);
          const found: Array<[number, string, string]> = [];
          const out: string[] = [];
          await scanTextStream(
            chunksOf(bytes, chunk),
            {
              engine,
              encoding,
              bomLength: 0,
              redact: { policy: "label" },
              window: { size, overlap: 40, context },
            },
            {
              onSpan: (s) => void found.push([s.absStart, s.type, s.value]),
              onNeedsReview: () => assert.fail("no review expected"),
              onOutput: (t) => void out.push(t),
            },
          );
          const whole = engine.scan(text).spans;
          assert.deepEqual(
            found,
            whole.map((s) => [s.start, s.type, text.slice(s.start, s.end)]),
          );
          assert.equal(out.join(""), engine.redact(text, whole, "label"));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("E4: with the real detector, a context word just before a window edge still counts", async () => {
    // Window edges are swept over every position around "여권번호 M12345678" and "계좌번호: ...", so at
    // some sizes the context word is in one window and the value in the next.
    const text = `${"가".repeat(100)} 여권번호 M12345678 통관, 계좌번호: 110-234-567890 끝${"나".repeat(300)}`;
    const whole = coreEngine.scan(text).spans.map((s) => [s.start, s.type]);
    assert.deepEqual(
      whole.map((w) => w[1]),
      ["KR_PASSPORT", "KR_BANK_ACCOUNT"],
    );
    for (let size = 240; size <= 300; size++) {
      const found: Array<[number, string]> = [];
      await scanTextStream(
        chunksOf(iconv.encode(text, "utf8"), 1),
        { engine: coreEngine, encoding: "utf8", bomLength: 0, window: { size, overlap: 150, context: 64 } },
        { onSpan: (s) => void found.push([s.absStart, s.type]), onNeedsReview: () => assert.fail("review") },
      );
      assert.deepEqual(found, whole, `window ${size}`);
    }
  });
});
