import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { piiLabel } from "@civicpims/core/pii/index";
import iconv from "iconv-lite";
import { coreEngine } from "./engine";
import { redactBuffer, redactFile, scanBuffer, scanFile } from "./index";
import { fakeEngine } from "./testing";
import { chunksOf, OVERLAP_CHARS, scanTextStream, WINDOW_CHARS } from "./text-stream";

const engine = coreEngine;
const dir = mkdtempSync(join(tmpdir(), "pii-text-"));
const RRN = "960121-1021413";

const KO = `민원 신청서\n신청인: 홍길동\n주민등록번호: ${RRN}\n연락처 010-1234-5678 으로 회신 바랍니다.\n`;
const ZH = `申請書\n申請人：王小明\n身分證統一編號：A123456789\n電話 0912-345-678\n`;

describe("txt in several encodings", () => {
  const cases: Array<[string, Buffer, string]> = [
    ["UTF-8 without BOM", Buffer.from(KO, "utf8"), "utf8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(KO, "utf8")]), "utf8"],
    ["CP949", iconv.encode(KO, "cp949"), "cp949"],
    ["Big5", iconv.encode(ZH, "big5"), "big5"],
    ["UTF-16LE with BOM", iconv.encode(KO, "utf-16le", { addBOM: true }), "utf-16le"],
  ];
  for (const [label, bytes, encoding] of cases) {
    test(`E4: ${label} is decoded and its identifiers found with line numbers`, async () => {
      const r = await scanBuffer(bytes, "letter.txt", { engine });
      assert.equal(r.status, "ok", r.reason ?? "");
      assert.equal(r.format, "txt");
      assert.equal(r.encoding, encoding);
      const text = label === "Big5" ? ZH : KO;
      const expected = engine.scan(text).spans.map((s) => s.type);
      assert.ok(expected.length >= 1);
      assert.deepEqual(
        r.findings.map((f) => f.type),
        expected,
      );
      // Line numbers and offsets point at the value in the original text.
      const lines = text.split("\n");
      for (const f of r.findings) {
        const line = lines[(f.location.line ?? 0) - 1];
        assert.ok(line, "line exists");
        assert.equal(
          f.preview,
          engine.mask(f.type, line.slice(f.location.offset, (f.location.offset ?? 0) + f.preview.length)),
        );
      }
      // No raw value in the result.
      assert.ok(!JSON.stringify(r).includes(RRN) && !JSON.stringify(r).includes("A123456789"));
    });
  }

  test("E4: undecodable bytes give needs review, never clean", async () => {
    const bytes = Buffer.concat([
      Buffer.from("abc "),
      Buffer.from([0xff, 0xff, 0x81, 0xff]),
      Buffer.from(" def"),
    ]);
    const r = await scanBuffer(bytes, "x.txt", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /encoding|undecodable/);
  });

  test("E4: bad bytes after the detection sample still make the file needs review", async () => {
    const good = Buffer.from("가나다라 ".repeat(20000), "utf8"); // > 64 KB of valid UTF-8
    const r = await scanBuffer(Buffer.concat([good, Buffer.from([0xff, 0xfe, 0xff])]), "x.txt", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /undecodable/);
  });
});

describe("csv", () => {
  test("E4: cells found with row and column, quoted newlines do not shift rows", async () => {
    const csv = `이름,주민등록번호,비고\n홍길동,${RRN},"두 줄\n메모"\n김철수,010-9876-5432,없음\n`;
    const path = join(dir, "export.csv");
    writeFileSync(path, iconv.encode(csv, "cp949"));
    const r = await scanFile(path, { engine });
    assert.equal(r.format, "csv");
    assert.equal(r.encoding, "cp949");
    assert.deepEqual(
      r.findings.map((f) => [f.type, f.location.row, f.location.column]),
      [
        ["KR_RRN", 2, 2],
        ["KR_PHONE", 3, 2],
      ],
    );
  });

  test("E4: csv without a .csv name is recognised by its separators", async () => {
    const r = await scanBuffer(Buffer.from(`a,b\n1,${RRN}\n2,x\n`), "export.dat", { engine });
    assert.equal(r.format, "csv");
    assert.equal(r.findings[0].location.column, 2);
  });

  test("C12: redacted csv keeps its encoding and holds no value", async () => {
    const csv = `이름,주민등록번호\n홍길동,${RRN}\n`;
    const inPath = join(dir, "in.csv");
    const outPath = join(dir, "out.csv");
    writeFileSync(inPath, iconv.encode(csv, "cp949"));
    const { result } = await redactFile(inPath, outPath, { engine, policy: "mask" });
    assert.equal(result.status, "ok");
    const out = iconv.decode(readFileSync(outPath), "cp949");
    assert.equal(out, `이름,주민등록번호\n홍길동,960121-1******\n`);
  });
});

describe("streaming", () => {
  /** Text of `size` chars with identifiers around every window edge, so some straddle a chunk boundary. */
  function bigText(size: number): { text: string; starts: number[] } {
    const parts: string[] = [];
    const starts: number[] = [];
    let len = 0;
    const edges = new Set<number>();
    for (let w = WINDOW_CHARS; w < size; w += WINDOW_CHARS - OVERLAP_CHARS) {
      for (const d of [-OVERLAP_CHARS - 7, -OVERLAP_CHARS, -5, 0, 3, 9]) edges.add(w + d);
    }
    for (const e of [...edges].sort((a, b) => a - b)) {
      if (e <= len) continue;
      parts.push("가".repeat(e - len));
      len = e;
      starts.push(len);
      parts.push(RRN);
      len += RRN.length;
    }
    parts.push(" 끝".repeat(Math.max(0, (size - len) >> 1)));
    return { text: parts.join(""), starts };
  }

  test("E4: identifiers split across chunk and window edges are found once each, at exact offsets", async () => {
    const { text, starts } = bigText(WINDOW_CHARS * 4);
    const bytes = Buffer.from(text, "utf8");
    const found: number[] = [];
    await scanTextStream(
      chunksOf(bytes, 4099), // odd chunk size: UTF-8 characters are cut in half too
      { engine, encoding: "utf8", bomLength: 0 },
      { onSpan: (s) => void found.push(s.absStart), onNeedsReview: () => assert.fail("no review expected") },
    );
    assert.deepEqual(found, starts);
  });

  test("C12: streaming redaction equals redacting the whole text at once", async () => {
    const { text } = bigText(WINDOW_CHARS * 3);
    const out: string[] = [];
    await scanTextStream(
      chunksOf(Buffer.from(text, "utf8"), 65_537),
      { engine, encoding: "utf8", bomLength: 0, redact: { policy: "label" } },
      { onSpan() {}, onNeedsReview() {}, onOutput: (t) => void out.push(t) },
    );
    assert.equal(out.join(""), engine.redact(text, engine.scan(text).spans, "label"));
  });

  test("E4: a detector that fails closed on one window makes the file needs review", async () => {
    const failing = {
      ...engine,
      scan: (t: string) => ({
        ...fakeEngine.scan(t),
        status: "needs_review" as const,
        reason: "time budget",
      }),
    };
    const r = await scanBuffer(Buffer.from(KO), "a.txt", { engine: failing });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /time budget/);
  });

  test("C12: Big5 text redacted with labels gets labels Big5 can carry (no '?')", async () => {
    const { result, output } = await redactBuffer(iconv.encode(ZH, "big5"), "a.txt", {
      engine,
      policy: "label",
    });
    assert.equal(result.status, "ok");
    const text = iconv.decode(Buffer.from(output!), "big5");
    assert.ok(!text.includes("?") && !text.includes("A123456789"), text);
    assert.match(text, /身分證統一編號：\[[^\]]+\]/);
  });

  test("C12: labels follow the document's language (Chinese text gets Chinese labels, explicit locale wins)", async () => {
    const zh = await redactBuffer(Buffer.from(ZH, "utf8"), "a.txt", { engine, policy: "label" });
    const zhText = new TextDecoder().decode(zh.output);
    assert.ok(zhText.includes(`[${piiLabel("TW_ID", "zh-TW")}]`), zhText);
    const ko = await redactBuffer(Buffer.from(KO, "utf8"), "a.txt", { engine, policy: "label" });
    assert.ok(new TextDecoder().decode(ko.output).includes(`[${piiLabel("KR_RRN", "ko")}]`));
    const en = await redactBuffer(Buffer.from(KO, "utf8"), "a.txt", {
      engine,
      policy: "label",
      locale: "en",
    });
    assert.ok(new TextDecoder().decode(en.output).includes(`[${piiLabel("KR_RRN", "en")}]`));
  });

  test("C12: undecodable input leaves no output file behind", async () => {
    const inPath = join(dir, "bad.txt");
    const outPath = join(dir, "bad.out.txt");
    writeFileSync(inPath, Buffer.from([0x41, 0xff, 0x81, 0xff, 0xff, 0x42]));
    const { result } = await redactFile(inPath, outPath, { engine });
    assert.equal(result.status, "needs_review");
    assert.ok(!existsSync(outPath));
  });

  test("C12: redactBuffer on UTF-16 text round-trips the encoding and BOM", async () => {
    const bytes = iconv.encode(KO, "utf-16le", { addBOM: true });
    const { result, output } = await redactBuffer(bytes, "a.txt", { engine, policy: "remove" });
    assert.equal(result.status, "ok");
    assert.ok(output);
    assert.deepEqual([...output.subarray(0, 2)], [0xff, 0xfe]);
    const text = iconv.decode(Buffer.from(output.subarray(2)), "utf-16le");
    assert.ok(!text.includes(RRN) && text.includes("주민등록번호: \n"));
  });
});
