// Server-side document scanning calls core's scanText: one awkward value must not turn a whole
// document into "unreadable", and a recognizer that throws must leave the document "needs review"
// (never clean, never lost) with the recognizer named and the other findings kept.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { twPhone } from "@civicpims/core/pii/recognizers/tw-phone";
import { coreEngine } from "./engine";
import { scanBuffer } from "./index";
import { buildDocx, buildXlsx } from "./test-fixtures";

const engine = coreEngine;
const RRN = "960121-1021413";

describe("E4: recognizer failures in document scanning", () => {
  test("E4: a phone export with compact +886 / +82 numbers is scanned (it used to be 'unreadable')", async () => {
    const csv = "name,phone\n王小明,+886223456789\n陳美麗,+886919198962\n김민수,+821012345678\n";
    const r = await scanBuffer(Buffer.from(csv, "utf8"), "contacts.csv", { engine });
    assert.equal(r.status, "ok", r.reason ?? "");
    assert.deepEqual(
      r.findings.map((f) => [f.type, f.location.row]),
      [
        ["TW_PHONE", 2],
        ["TW_PHONE", 3],
        ["KR_PHONE", 4],
      ],
    );
  });

  test("E4: a recognizer that throws: txt, docx and xlsx are needs_review naming it, other findings kept", async () => {
    const saved = twPhone.validate;
    twPhone.validate = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'replace')");
    };
    try {
      const line = `주민등록번호 ${RRN} 電話 0912-345-678`;
      const inputs: Array<[string, Uint8Array]> = [
        ["letter.txt", Buffer.from(`${line}\n다음 줄\n`, "utf8")],
        ["letter.docx", buildDocx([[[line]], [["다음 문단"]]])],
        [
          "sheet.xlsx",
          await buildXlsx({
            S: [
              ["주민등록번호", "電話"],
              [RRN, "0912-345-678"],
            ],
          }),
        ],
      ];
      for (const [name, bytes] of inputs) {
        const r = await scanBuffer(bytes, name, { engine });
        assert.equal(r.status, "needs_review", `${name}: ${r.status} ${r.reason}`);
        assert.match(r.reason ?? "", /tw-phone/, name);
        assert.ok(!(r.reason ?? "").includes("0912"), `${name}: no value in the reason`);
        assert.deepEqual(
          r.findings.map((f) => f.type),
          ["KR_RRN"],
          name,
        );
      }
    } finally {
      twPhone.validate = saved;
    }
  });
});
