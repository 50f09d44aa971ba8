import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { scanText } from "@civicpims/core/pii/index";
import { twPhone } from "@civicpims/core/pii/recognizers/tw-phone";
import { Command } from "commander";
import { piiIo, register, runJsonl } from "./pii";

const BIN = fileURLToPath(new URL("../../bin/civicpims.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pii-cli-"));
const RRN = "960121-1021413";

/** The real binary in a child process (used where the process boundary matters: exit codes, stdin). */
function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, "pii", ...args], {
    input: opts.input,
    encoding: "utf8",
    env: { ...process.env, ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * The same command in this process, for the many cases that only need our own exit code logic
 * (spawning the whole CLI costs a second or two each).
 */
async function inProcess(args: string[], stdin?: string) {
  let out = "";
  let err = "";
  const saved = { ...piiIo };
  piiIo.out = (s) => {
    out += s;
    return true;
  };
  piiIo.err = (s) => {
    err += s;
  };
  if (stdin !== undefined) piiIo.stdin = () => Readable.from([stdin]);
  process.exitCode = undefined;
  try {
    const program = new Command();
    register(program);
    await program.parseAsync(["node", "civicpims", "pii", ...args]);
    return { code: process.exitCode ?? 0, out, err };
  } finally {
    Object.assign(piiIo, saved);
    process.exitCode = undefined;
  }
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
    const expected: Array<{ id: unknown; error?: boolean; spans?: unknown }> = [];
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
    // The real binary, fed through a pipe in pieces that cut lines in half.
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
      const e = expected[i];
      assert.equal(a.id, e.id, `line ${i}`);
      if (e.error) assert.equal(typeof a.error, "string", `line ${i}`);
      else assert.deepEqual(a.spans, e.spans, `line ${i}`);
    });
    assert.ok(
      answers.some((a) => a.spans?.length > 0),
      "some spans found",
    );
  });

  test("E4: --jsonl --fail-on-find exits 1 when a span is found, 0 otherwise", async () => {
    assert.equal(
      (await inProcess(["scan", "--jsonl", "--fail-on-find"], '{"id":1,"text":"plain words"}\n')).code,
      0,
    );
    const r = await inProcess(["scan", "--jsonl", "--fail-on-find"], `{"id":1,"text":"RRN ${RRN}"}\n`);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).spans[0].type, "KR_RRN");
  });
});

describe("civicpims pii scan --jsonl runs any input to the end", () => {
  const answersOf = (out: string) =>
    out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));

  test("E4: the binary: compact +886 / +82 phones (they used to crash tw-phone) and the lines after them", () => {
    const lines = [
      { id: "a", text: "電話 +886223456789" },
      { id: "b", text: "手機 +886919198962" },
      { id: "c", text: "연락처 +821012345678" },
      { id: "d", text: `주민번호 ${RRN}` },
    ];
    const r = cli(["scan", "--jsonl"], { input: lines.map((l) => JSON.stringify(l)).join("\n") + "\n" });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      answersOf(r.out).map((a) => [a.id, a.status, a.spans.map((s: { type: string }) => s.type)]),
      [
        ["a", undefined, ["TW_PHONE"]],
        ["b", undefined, ["TW_PHONE"]],
        ["c", undefined, ["KR_PHONE"]],
        ["d", undefined, ["KR_RRN"]],
      ],
    );
  });

  test("E4: a recognizer that throws on one line: that line answers needs_review + error naming it, the rest go on", async () => {
    const saved = twPhone.validate;
    twPhone.validate = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'replace')");
    };
    try {
      const input = [
        JSON.stringify({ id: 1, text: "nothing here" }),
        JSON.stringify({ id: 2, text: `電話 0912-345-678，身分證 A123456789` }),
        JSON.stringify({ id: 3, text: `주민번호 ${RRN}` }),
      ].join("\n");
      const r = await inProcess(["scan", "--jsonl"], `${input}\n`);
      assert.equal(r.code, 0);
      const [one, two, three] = answersOf(r.out);
      assert.deepEqual(one, { id: 1, spans: [] });
      assert.equal(two.id, 2);
      assert.equal(two.status, "needs_review");
      assert.deepEqual(two.failedRecognizers, ["tw-phone"]);
      assert.match(two.error, /tw-phone/);
      assert.deepEqual(
        two.spans.map((s: { type: string }) => s.type),
        ["TW_ID"],
      );
      assert.deepEqual(
        three.spans.map((s: { type: string }) => s.type),
        ["KR_RRN"],
      );
      // Fail closed: with --fail-on-find an incomplete scan fails the pipeline.
      const strict = await inProcess(["scan", "--jsonl", "--fail-on-find"], `${input.split("\n")[1]}\n`);
      assert.equal(strict.code, 1);
    } finally {
      twPhone.validate = saved;
    }
  });

  test("E4: a scan that throws outright: an error object for that line, every later line still answered", async () => {
    let out = "";
    const savedOut = piiIo.out;
    piiIo.out = (s) => {
      out += s;
      return true;
    };
    try {
      const lines = Array.from({ length: 5 }, (_, i) =>
        JSON.stringify({ id: i, text: i === 1 ? "BOOM" : `line ${i}` }),
      );
      const scan = (text: string) => {
        if (text === "BOOM") throw new TypeError("exploded");
        return scanText(text);
      };
      const code = await runJsonl(Readable.from([`${lines.join("\n")}\n`]), false, scan);
      assert.equal(code, 0);
      const answers = answersOf(out);
      assert.deepEqual(
        answers.map((a) => a.id),
        [0, 1, 2, 3, 4],
      );
      assert.equal(answers[1].status, "needs_review");
      assert.match(answers[1].error, /scan failed \(TypeError\)/);
      assert.ok(!("spans" in answers[1]), "no spans: a failed scan must not look clean");
      const failing = await runJsonl(Readable.from([`${lines[1]}\n`]), true, scan);
      assert.equal(failing, 1);
    } finally {
      piiIo.out = savedOut;
    }
  });
});

describe("civicpims pii scan FILE", () => {
  test("E4: the binary: --fail-on-find exits 0 for a clean file and 1 for a finding, table masks values", async () => {
    assert.equal((await inProcess(["scan", "--fail-on-find", clean])).code, 0);
    const found = cli(["scan", "--fail-on-find", clean, dirty]);
    assert.equal(found.code, 1);
    assert.match(found.out, /KR_RRN\s+1\.00\s+960121-1\*{6}/);
    assert.ok(!found.out.includes(RRN), "no raw value printed");
    assert.match(found.out, /clean\.txt {2}\[txt, utf8\] {2}ok {2}0 finding/);
  });

  test("E4: needs review fails the pipeline; without the flag findings exit 0; oversize is an error", async () => {
    assert.equal((await inProcess(["scan", "--fail-on-find", broken])).code, 1);
    assert.equal((await inProcess(["scan", dirty])).code, 0);
    const big = await inProcess(["scan", "--max-mb", "0.00001", dirty]);
    assert.equal(big.code, 1);
    assert.match(big.out, /over the limit/);
  });

  test("E4: --format json lists results with masked previews", async () => {
    const r = await inProcess(["scan", "--format", "json", dirty]);
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

  test("E4: usage errors exit 2 (commander's own errors in the binary, ours in process)", async () => {
    const unknown = cli(["scan", "--no-such-flag", dirty]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown option/);
    for (const args of [
      ["scan"],
      ["scan", "--format", "xml", dirty],
      ["scan", "--jsonl", dirty],
      ["scan", "--max-mb", "lots", dirty],
      ["redact", dirty],
      ["redact", dirty, "--out", dirty],
      ["redact", dirty, "--out", join(dir, "o.txt"), "--policy", "blur"],
      ["redact", dirty, "--out", join(dir, "o.txt"), "--locale", "fr"],
    ]) {
      assert.equal((await inProcess(args)).code, 2, args.join(" "));
    }
    const saved = process.env.CIVICPIMS_PII_KEY;
    delete process.env.CIVICPIMS_PII_KEY;
    try {
      const noKey = await inProcess(["redact", dirty, "--out", join(dir, "o.txt"), "--policy", "pseudonym"]);
      assert.equal(noKey.code, 2);
      assert.match(noKey.err, /CIVICPIMS_PII_KEY/);
    } finally {
      if (saved !== undefined) process.env.CIVICPIMS_PII_KEY = saved;
    }
  });
});

describe("civicpims pii redact", () => {
  test("C12: pseudonym with the env key (binary) or a key file is consistent and keyed; the value is gone", async () => {
    const a = join(dir, "a.txt");
    const b = join(dir, "b.txt");
    const c = join(dir, "c.txt");
    assert.equal(
      cli(["redact", dirty, "--out", a, "--policy", "pseudonym"], { env: { CIVICPIMS_PII_KEY: "k1" } }).code,
      0,
    );
    const k1 = join(dir, "k1");
    const k2 = join(dir, "k2");
    writeFileSync(k1, "k1\n");
    writeFileSync(k2, "k2\n");
    assert.equal(
      (await inProcess(["redact", dirty, "--out", b, "--policy", "pseudonym", "--key-file", k1])).code,
      0,
    );
    assert.equal(
      (await inProcess(["redact", dirty, "--out", c, "--policy", "pseudonym", "--key-file", k2])).code,
      0,
    );
    const [ta, tb, tc] = [a, b, c].map((p) => readFileSync(p, "utf8"));
    assert.ok(!ta.includes(RRN) && !ta.includes("1234-5678"));
    assert.equal(ta, tb);
    assert.notEqual(ta, tc);
  });

  test("C12: an unreadable input gives exit 1 and no output file", async () => {
    const png = join(dir, "pic.docx");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const out = join(dir, "pic.out.docx");
    const r = await inProcess(["redact", png, "--out", out]);
    assert.equal(r.code, 1);
    assert.match(r.err, /PNG/);
    assert.ok(!existsSync(out));
  });
});
