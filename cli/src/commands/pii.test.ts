import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { scanText } from "@civicpims/core/pii/index";

const BIN = fileURLToPath(new URL("../../bin/civicpims.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pii-cli-"));
const RRN = "960121-1021413";

function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, "pii", ...args], {
    input: opts.input,
    encoding: "utf8",
    env: { ...process.env, ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const clean = join(dir, "clean.txt");
const dirty = join(dir, "dirty.txt");
const broken = join(dir, "broken.txt");
writeFileSync(clean, "회의록: 참석자 5명, 안건 2건, 문서번호 제2023-1234호\n");
writeFileSync(dirty, `신청인 주민등록번호 ${RRN}\n연락처 010-1234-5678\n`);
writeFileSync(broken, Buffer.concat([Buffer.from("x "), Buffer.from([0xff, 0x81, 0xff, 0xff])]));

describe("civicpims pii scan --jsonl", () => {
  test("E4: answers one line per input, in order, spans as scanText gives them; bad lines do not stop it", async () => {
    const texts = [
      `주민번호${RRN}입니다`,
      "nothing here",
      "身分證統一編號A123456789，電話0912-345-678",
      "mail hong@example.go.kr 010-1234-5678",
      "",
    ];
    const lines: string[] = [];
    const expected: unknown[] = [];
    for (let i = 0; i < 300; i++) {
      if (i % 37 === 5) {
        lines.push("{not json");
        expected.push({ id: null, error: true });
      } else if (i % 53 === 7) {
        lines.push(JSON.stringify({ id: `n${i}` }));
        expected.push({ id: `n${i}`, error: true });
      } else {
        const text = `${texts[i % texts.length]} #${i}`;
        lines.push(JSON.stringify({ id: i % 2 ? i : `doc-${i}`, text }));
        expected.push({
          id: i % 2 ? i : `doc-${i}`,
          spans: scanText(text).spans.map(({ start, end, type, score }) => ({ start, end, type, score })),
        });
      }
    }
    // Feed stdin slowly in pieces that cut lines in half, as a pipe would.
    const child = spawn(process.execPath, [BIN, "pii", "scan", "--jsonl"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    const data = lines.join("\n") + "\n";
    for (let i = 0; i < data.length; i += 997) child.stdin.write(data.slice(i, i + 997));
    child.stdin.end();
    const code = await new Promise<number | null>((r) => child.on("close", r));
    assert.equal(code, 0);
    const answers = out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(answers.length, lines.length);
    answers.forEach((a, i) => {
      const e = expected[i] as { id: unknown; error?: boolean; spans?: unknown };
      assert.equal(a.id, e.id, `line ${i}`);
      if (e.error) assert.equal(typeof a.error, "string", `line ${i}`);
      else assert.deepEqual(a.spans, e.spans, `line ${i}`);
    });
    assert.ok(
      answers.some((a) => a.spans?.length > 0),
      "some spans found",
    );
  });

  test("E4: --jsonl --fail-on-find exits 1 when a span is found, 0 otherwise", () => {
    assert.equal(
      cli(["scan", "--jsonl", "--fail-on-find"], { input: '{"id":1,"text":"plain words"}\n' }).code,
      0,
    );
    const r = cli(["scan", "--jsonl", "--fail-on-find"], { input: `{"id":1,"text":"RRN ${RRN}"}\n` });
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).spans[0].type, "KR_RRN");
  });
});

describe("civicpims pii scan FILE", () => {
  test("E4: --fail-on-find: 0 for a clean file, 1 for a finding, 1 for needs review; 0 without the flag", () => {
    assert.equal(cli(["scan", "--fail-on-find", clean]).code, 0);
    const found = cli(["scan", "--fail-on-find", clean, dirty]);
    assert.equal(found.code, 1);
    assert.match(found.out, /KR_RRN\s+1\.00\s+960121-1\*{6}/);
    assert.ok(!found.out.includes(RRN), "no raw value printed");
    assert.equal(cli(["scan", "--fail-on-find", broken]).code, 1);
    assert.equal(cli(["scan", dirty]).code, 0);
  });

  test("E4: --format json lists results with masked previews", () => {
    const r = cli(["scan", "--format", "json", dirty]);
    assert.equal(r.code, 0);
    const [res] = JSON.parse(r.out);
    assert.equal(res.status, "ok");
    assert.deepEqual(
      res.findings.map((f: { type: string; location: { line: number } }) => [f.type, f.location.line]),
      [
        ["KR_RRN", 1],
        ["KR_PHONE", 2],
      ],
    );
  });

  test("E4: usage errors exit 2", () => {
    assert.equal(cli(["scan"]).code, 2);
    assert.equal(cli(["scan", "--format", "xml", dirty]).code, 2);
    assert.equal(cli(["scan", "--no-such-flag", dirty]).code, 2);
    assert.equal(cli(["scan", "--jsonl", dirty]).code, 2);
    assert.equal(cli(["redact", dirty]).code, 2);
    assert.equal(cli(["redact", dirty, "--out", join(dir, "o.txt"), "--policy", "blur"]).code, 2);
    const noKey = cli(["redact", dirty, "--out", join(dir, "o.txt"), "--policy", "pseudonym"], {
      env: { CIVICPIMS_PII_KEY: "" },
    });
    assert.equal(noKey.code, 2);
    assert.match(noKey.err, /CIVICPIMS_PII_KEY/);
  });
});

describe("civicpims pii redact", () => {
  test("C12: pseudonym with the env key is consistent and keyed; the value is gone", () => {
    const a = join(dir, "a.txt");
    const b = join(dir, "b.txt");
    const c = join(dir, "c.txt");
    assert.equal(
      cli(["redact", dirty, "--out", a, "--policy", "pseudonym"], { env: { CIVICPIMS_PII_KEY: "k1" } }).code,
      0,
    );
    assert.equal(
      cli(["redact", dirty, "--out", b, "--policy", "pseudonym"], { env: { CIVICPIMS_PII_KEY: "k1" } }).code,
      0,
    );
    const keyFile = join(dir, "key");
    writeFileSync(keyFile, "k2\n");
    assert.equal(cli(["redact", dirty, "--out", c, "--policy", "pseudonym", "--key-file", keyFile]).code, 0);
    const [ta, tb, tc] = [a, b, c].map((p) => readFileSync(p, "utf8"));
    assert.ok(!ta.includes(RRN) && !ta.includes("1234-5678"));
    assert.equal(ta, tb);
    assert.notEqual(ta, tc);
  });

  test("C12: an unreadable input gives exit 1 and no output file", () => {
    const png = join(dir, "pic.docx");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const out = join(dir, "pic.out.docx");
    const r = cli(["redact", png, "--out", out]);
    assert.equal(r.code, 1);
    assert.match(r.err, /PNG/);
    assert.ok(!existsSync(out));
  });
});
