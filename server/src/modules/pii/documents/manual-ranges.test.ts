import assert from "node:assert/strict";
import { describe, test } from "node:test";
import iconv from "iconv-lite";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { chunksOf, manualReplacement, redactWithRanges, scanTextStream } from "./text-stream";
import type { PiiEngine } from "./types";

const RRN = "960121-1021413";
const PHONE = "010-1234-5678";

describe("review hooks: reviewer text ranges and value fingerprints (issue 7 item 5)", () => {
  test("C12: a selected text range in a txt file is redacted; findings outside it follow their decisions", async () => {
    const text = `신청인 홍길동\n주민등록번호 ${RRN}\n연락처 ${PHONE}\n`;
    const start = text.indexOf("홍길동");
    const { output, result } = await redactBuffer(new TextEncoder().encode(text), "a.txt", {
      engine: coreEngine,
      accept: (_f, i) => i !== 1, // keep the phone
      ranges: [{ start, end: start + 3 }],
    });
    assert.equal(result.status, "ok", result.reason ?? "");
    const out = new TextDecoder().decode(output);
    assert.ok(!out.includes("홍길동"), out);
    assert.ok(out.includes("신청인 ***\n"), out);
    assert.ok(!out.includes(RRN) && out.includes(PHONE), out);
  });

  test("C12: ranges keep the encoding (CP949) and labels follow the policy", async () => {
    const text = `민원 처리 결과를 알려 드립니다. 담당자 김철수 연락처 ${PHONE}\n문의 사항은 민원실로 연락 바랍니다.\n`;
    const start = text.indexOf("김철수");
    const { output, result } = await redactBuffer(iconv.encode(text, "cp949"), "a.txt", {
      engine: coreEngine,
      policy: "label",
      ranges: [{ start, end: start + 3 }],
    });
    assert.equal(result.encoding, "cp949");
    const out = iconv.decode(Buffer.from(output as Uint8Array), "cp949");
    assert.ok(out.includes(`담당자 [삭제됨] 연락처 [전화번호]\n`), out);
  });

  test("C12: a range overlapping part of a value swallows the whole value", () => {
    const text = `번호 ${RRN} 끝`;
    const spans = coreEngine.scan(text).spans;
    const s = text.indexOf(RRN);
    const out = redactWithRanges(coreEngine, text, spans, [{ start: s - 1, end: s + 3 }], "remove", {});
    assert.equal(out, "번호 끝");
  });

  test("C12: a range crossing the scanner's window edge is redacted on both sides", async () => {
    const text = `${"가".repeat(50)}BEGIN${"x".repeat(40)}END${"나".repeat(50)}`;
    const start = text.indexOf("BEGIN");
    const end = text.indexOf("END") + 3;
    let out = "";
    await scanTextStream(
      chunksOf(new TextEncoder().encode(text), 7),
      {
        engine: coreEngine,
        encoding: "utf8",
        bomLength: 0,
        redact: { policy: "mask", ranges: [{ start, end }] },
        window: { size: 32, overlap: 8, context: 4 },
      },
      {
        onSpan: () => true,
        onNeedsReview: () => undefined,
        onOutput: (t) => {
          out += t;
        },
      },
    );
    assert.equal(out, text.slice(0, start) + "*".repeat(end - start) + text.slice(end));
  });

  test("C12: manual replacement keeps line breaks so csv rows keep their shape", () => {
    assert.equal(manualReplacement("a,b\r\nc", "mask"), "***\r\n*");
    assert.equal(manualReplacement("a,b\nc", "remove"), "\n");
    assert.equal(manualReplacement("ab", "label", "en"), "[REDACTED]");
  });

  test("C12: an engine with fingerprint() gives every finding a keyed hash, never the value", async () => {
    const engine: PiiEngine = { ...coreEngine, fingerprint: (type, value) => `h:${type}:${value.length}` };
    const r = await scanBuffer(new TextEncoder().encode(`주민등록번호 ${RRN}, ${PHONE}`), "a.txt", {
      engine,
    });
    assert.deepEqual(
      r.findings.map((f) => f.fingerprint),
      [`h:KR_RRN:${RRN.length}`, `h:KR_PHONE:${PHONE.length}`],
    );
    const plain = await scanBuffer(new TextEncoder().encode(`주민등록번호 ${RRN}`), "a.txt", {
      engine: coreEngine,
    });
    assert.equal(plain.findings[0].fingerprint, undefined);
  });
});
