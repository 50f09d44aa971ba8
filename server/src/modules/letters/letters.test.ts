import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import {
  LETTER_LOCALES,
  type LetterKind,
  letterKindsFor,
  sampleLetterData,
} from "@civicpims/core/letters/index";
import * as mupdf from "mupdf";
import { letters } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { generateLetter, getLetter } from "./letters.service";

let t: TestApp;
before(async () => {
  t = await createTestApp();
  // Agency details the letterhead shows.
  await t.tdb.query("UPDATE agencies SET name_local = $1, address = $2, phone = $3 WHERE id = $4", [
    "한빛시",
    "한빛시 중앙로 100",
    "061-000-1000",
    t.a.id,
  ]);
  await t.tdb.query("UPDATE agencies SET name_local = $1, address = $2, phone = $3 WHERE id = $4", [
    "臺北市政府政風處",
    "臺北市信義區市府路1號",
    "02-2720-8889",
    t.b.id,
  ]);
});
after(async () => t.close());

/** Text of every page as mupdf extracts it (proves the glyphs map back to Unicode), whitespace removed. */
function pdfText(pdf: Buffer): { text: string; pages: number } {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let text = "";
  for (let i = 0; i < doc.countPages(); i++)
    text += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return { text: text.replace(/\s+/g, ""), pages: doc.countPages() };
}
const squash = (s: string) => s.replace(/\s+/g, "");

async function make(
  which: "a" | "b",
  kind: LetterKind,
  locale: (typeof LETTER_LOCALES)[number],
  data?: unknown,
) {
  const ag = which === "a" ? t.a : t.b;
  return t.deps.database.db.transaction((tx) =>
    generateLetter(tx, t.deps, {
      agencyId: ag.id,
      caseId: null,
      kind,
      locale,
      data: (data ?? sampleLetterData(which === "a" ? "KR" : "TW", kind)) as Record<string, unknown>,
      createdBy: ag.staffByRole.handler,
    }),
  );
}

const sizes: string[] = [];

describe("letters: every kind in ko, zh-TW and en renders, embeds its fonts and extracts back", () => {
  for (const [which, j] of [
    ["a", "KR"],
    ["b", "TW"],
  ] as const) {
    for (const kind of letterKindsFor(j)) {
      for (const locale of LETTER_LOCALES) {
        test(`C7 C8 C10: ${j} ${kind} ${locale}`, async () => {
          const r = await make(which, kind, locale);
          const { text, pages } = pdfText(r.pdf);
          assert.ok(text.includes(squash(r.number)), `number ${r.number} not found`);
          assert.ok(text.includes(j === "KR" ? "홍길동" : "王小明"), "recipient not found");
          assert.ok(r.pdf.includes("/FontFile2"), "font not embedded");
          assert.ok(r.pdf.length < 300 * 1024, `letter too large: ${r.pdf.length}`);
          sizes.push(`${j} ${kind} ${locale}: ${(r.pdf.length / 1024).toFixed(1)} KB, ${pages} page(s)`);
        });
      }
    }
  }

  after(() => {
    if (process.env.LETTERS_PRINT_SIZES) console.log(sizes.join("\n"));
  });
});

describe("letters: what the notices say", () => {
  test("C8 C18 H4: KR access refusal cites the 35(4) ground, 행정심판 and the remedy numbers", async () => {
    const r = await make("a", "pipa_access_deferral_refusal", "ko", {
      recipient: { name: "홍길동" },
      requestNumber: "RQ-2026-000031",
      items: [{ label: "세무조사 자료", action: "열람", decision: "refused", groundCode: "art35-4-3-ga" }],
    });
    const { text } = pdfText(r.pdf);
    for (const phrase of [
      "개인정보열람연기·거절통지서",
      "조세의부과·징수또는환급에관한업무",
      "개인정보보호법제35조제4항제3호가목",
      "행정심판",
      "118",
      "1833-6972",
      "1301",
      "182",
      "RQ-2026-000031",
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
  });

  test("C10: KR suspension refusal cites PIPA 37(2)", async () => {
    const r = await make("a", "pipa_suspension_result", "ko", {
      recipient: { name: "홍길동" },
      groundCodes: ["art37-2-1"],
    });
    const { text } = pdfText(r.pdf);
    assert.ok(text.includes("개인정보보호법제37조제2항제1호"));
    assert.ok(text.includes("법률에특별한규정이있거나"));
  });

  test("C12 C13: TW inspection decision names the accompanying staff, the fee and the 訴願 remedy", async () => {
    const r = await make("b", "tw_access_decision", "zh-TW");
    const { text } = pdfText(r.pdf);
    // A 函 carries no title line: 「機關　函」 and the 主旨 say what it is.
    for (const phrase of [
      "臺北市政府政風處函",
      "主旨：台端請求答覆查詢",
      "派員陪同",
      "新臺幣20元",
      "訴願",
      "中華民國115年",
    ]) {
      assert.ok(text.includes(phrase), `missing: ${phrase}`);
    }
  });

  test("C6 C7: TW 限期補正 and extension notices carry the deadline in the ROC calendar", async () => {
    const s = await make("b", "tw_supplement_notice", "zh-TW");
    assert.ok(pdfText(s.pdf).text.includes("補正期限：中華民國115年12月4日"));
    const e = await make("b", "tw_extension_notice", "zh-TW");
    assert.ok(pdfText(e.pdf).text.includes("延長後處理期限：中華民國115年11月30日"));
  });

  test("a ground of another rule pack, or data without a recipient, is refused and takes no number", async () => {
    const before = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM letters WHERE agency_id = $1",
      [t.a.id],
    );
    await assert.rejects(
      make("a", "pipa_access_deferral_refusal", "ko", { recipient: { name: "x" }, groundCodes: ["art10-1"] }),
      (e: { code?: string }) => e.code === "letters.unknown_ground",
    );
    await assert.rejects(
      make("a", "pipa_access_decision", "ko", { items: [] }),
      (e: { code?: string }) => e.code === "letters.invalid_data",
    );
    await assert.rejects(
      make("a", "tw_refusal", "ko"),
      (e: { code?: string }) => e.code === "letters.kind_not_available",
    );
    const afterRows = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM letters WHERE agency_id = $1",
      [t.a.id],
    );
    assert.equal(afterRows[0].n, before[0].n);
  });
});

describe("letters: numbering and storage", () => {
  test("numbers are unique and gap-free per agency and year, also under concurrent generation; a rollback gives its number back", async () => {
    const year = new Date().getUTCFullYear();
    const seqOf = async () =>
      (
        await t.tdb.query<{ seq: number }>(
          "SELECT seq FROM letters WHERE agency_id = $1 AND year = $2 ORDER BY seq",
          [t.a.id, year],
        )
      ).map((r) => r.seq);
    const before = await seqOf();
    // A transaction that fails after taking a number.
    await assert.rejects(
      t.deps.database.db.transaction(async (tx) => {
        await generateLetter(tx, t.deps, {
          agencyId: t.a.id,
          kind: "receipt_notice",
          locale: "ko",
          data: { recipient: { name: "홍길동" } },
        });
        throw new Error("caller failed later");
      }),
    );
    const n = 8;
    const one = () => make("a", "receipt_notice", "ko", { recipient: { name: "홍길동" } });
    const made =
      t.deps.database.kind === "postgres"
        ? await Promise.all(Array.from({ length: n }, one))
        : await (async () => {
            const out = [];
            for (let i = 0; i < n; i++) out.push(await one());
            return out;
          })();
    const numbers = made.map((m) => m.number);
    assert.equal(new Set(numbers).size, n);
    const all = await seqOf();
    assert.deepEqual(
      all,
      Array.from({ length: all.length }, (_, i) => i + 1),
      "sequence has a gap",
    );
    assert.equal(all.length, before.length + n);
    for (const m of made) assert.match(m.number, new RegExp(`^한빛시-${year}-\\d{4}$`));
  });

  test("stored PDF is encrypted at rest, decrypts to the same bytes and hash; another agency sees 404", async () => {
    const r = await make("a", "pipa_access_decision", "ko");
    const [row] = await t.deps.database.db
      .select()
      .from(letters)
      .where((await import("drizzle-orm")).eq(letters.id, r.letterId));
    assert.ok(!row.pdfEnc.includes(Buffer.from("%PDF")), "stored PDF is plaintext");
    const got = await getLetter(t.deps.database.db, t.a.id, r.letterId, t.deps);
    assert.ok(got.pdf.equals(r.pdf));
    assert.equal(got.meta.sha256, r.sha256);
    assert.equal(got.meta.number, r.number);
    await assert.rejects(
      getLetter(t.deps.database.db, t.b.id, r.letterId, t.deps),
      (e: { status?: number }) => e.status === 404,
    );
  });
});

describe("letters: a page as an image", () => {
  test("page 1 of a Korean and a Chinese letter renders to PNG with ink on it", async () => {
    mkdirSync("/tmp/civicpims-letters", { recursive: true });
    for (const [which, kind, locale] of [
      ["a", "pipa_access_deferral_refusal", "ko"],
      ["b", "tw_access_decision", "zh-TW"],
    ] as const) {
      const r = await make(which, kind, locale);
      const page = mupdf.Document.openDocument(r.pdf, "application/pdf").loadPage(0);
      const pix = page.toPixmap(mupdf.Matrix.scale(1.5, 1.5), mupdf.ColorSpace.DeviceGray, false);
      writeFileSync(`/tmp/civicpims-letters/${kind}-${locale}.png`, pix.asPNG());
      const px = pix.getPixels();
      let dark = 0;
      for (const v of px) if (v < 128) dark++;
      // A page of CJK text: a few percent of the pixels are ink; a blank or box-only page has far fewer.
      assert.ok(dark / px.length > 0.02, `too little ink: ${(dark / px.length).toFixed(4)}`);
    }
  });
});

describe("letters: generation through the API is scoped to the caller's agency", () => {
  test("E1: POST /api/letters with another agency's case id answers 404 and stores nothing", async () => {
    const req = await t.inject({
      method: "POST",
      url: "/api/requests",
      headers: await t.as("privacy_officer", "b"),
      payload: {
        kind: "copy",
        channel: "email",
        requesterType: "self",
        requester: { name: "王小明", email: "wang@example.tw" },
        content: "申請複製本",
      },
    });
    assert.equal(req.statusCode, 201, req.body);
    const foreignCaseId = req.json().case.id as string;
    const { eq } = await import("drizzle-orm");
    const before = await t.deps.database.db.select().from(letters).where(eq(letters.caseId, foreignCaseId));
    const res = await t.inject({
      method: "POST",
      url: "/api/letters",
      headers: await t.as("handler", "a"),
      payload: {
        caseId: foreignCaseId,
        kind: "pipa_access_decision",
        locale: "ko",
        data: sampleLetterData("KR", "pipa_access_decision"),
      },
    });
    assert.equal(res.statusCode, 404, res.body);
    const unknown = await t.inject({
      method: "POST",
      url: "/api/letters",
      headers: await t.as("handler", "a"),
      payload: {
        caseId: "00000000-0000-4000-8000-000000000000",
        kind: "pipa_access_decision",
        locale: "ko",
        data: sampleLetterData("KR", "pipa_access_decision"),
      },
    });
    assert.equal(unknown.statusCode, 404, unknown.body);
    const after = await t.deps.database.db.select().from(letters).where(eq(letters.caseId, foreignCaseId));
    assert.equal(after.length, before.length, "no letter was filed under another agency's case");
  });
});
