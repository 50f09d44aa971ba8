import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  composeLetter,
  fill,
  formatLetterDate,
  formatLetterDateTime,
  LETTER_LOCALES,
  LetterError,
  type LetterKind,
  type LetterLayout,
  letterKindsFor,
  sampleLetterData,
} from "./index";
import { atomsOf, breakLines } from "./linebreak";

// A monospace measure: CJK and Hangul are 2 units, everything else 1.
const measure = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);

const textOf = (l: LetterLayout) =>
  l.blocks
    .flatMap((b) => {
      switch (b.type) {
        case "letterhead":
          return [b.agencyName, ...b.lines];
        case "fields":
          return b.rows.flatMap((r) => [r.label, r.value]);
        case "table":
          return [...b.columns, ...b.rows.flat()];
        case "list":
          return b.items;
        case "signature":
          return [b.signer, b.date];
        case "contact":
          return b.lines;
        case "rule":
          return [];
        default:
          return [b.text];
      }
    })
    .join("\n");

// Fictional agency profiles with everything a letter requires (head of agency, appeal body, address, phone).
const TEST_AGENCY = {
  KR: {
    name: "한빛시",
    nameEn: "Test agency",
    address: "한빛시 시청로 1",
    phone: "061-000-1000",
    fax: "061-000-1001",
    headTitle: "한빛시장",
    appealBody: "한빛도행정심판위원회",
  },
  TW: {
    name: "青山區公所",
    nameEn: "Test agency",
    address: "青山區公所路1號",
    phone: "(07)000-1000",
    fax: "(07)000-1001",
    email: "privacy@qingshan.example.tw",
    headTitle: "區長",
    headName: "林青山",
    appealBody: "青山市政府",
  },
} as const;

const compose = (
  jurisdiction: "KR" | "TW",
  kind: LetterKind,
  locale: (typeof LETTER_LOCALES)[number],
  data?: Record<string, unknown>,
) =>
  composeLetter({
    jurisdiction,
    kind,
    locale,
    number: jurisdiction === "KR" ? "한빛시-2026-0007" : "青區秘字第1150000007號",
    issuedAt: new Date("2026-11-23T15:30:00Z"),
    timeZone: jurisdiction === "KR" ? "Asia/Seoul" : "Asia/Taipei",
    agency: TEST_AGENCY[jurisdiction],
    data: data
      ? { contact: { officer: "김담당", phone: "061-000-2200" }, ...data }
      : sampleLetterData(jurisdiction, kind),
  });

describe("letters: line breaking", () => {
  test("Korean wraps at spaces (keep-all), never inside a word that fits", () => {
    const lines = breakLines("귀하의 개인정보 열람 요구에 대하여 알려드립니다", 20, measure);
    for (const l of lines) assert.ok(measure(l) <= 20, l);
    assert.deepEqual(
      lines.join(" ").split(" "),
      "귀하의 개인정보 열람 요구에 대하여 알려드립니다".split(" "),
    );
  });

  test("Chinese breaks between characters but never before closing punctuation (禁則)", () => {
    const text = "台端請求閱覽個人資料一案，依個人資料保護法第10條規定，決定如下。";
    for (let w = 6; w <= 30; w += 2) {
      const lines = breakLines(text, w, measure);
      assert.equal(lines.join(""), text);
      for (const l of lines) {
        assert.ok(!"，。、」）".includes(l[0]), `line starts with punctuation at width ${w}: ${l}`);
        assert.ok(!"「（".includes(l.at(-1) ?? ""), `line ends with an opening bracket at width ${w}: ${l}`);
      }
    }
  });

  test("opening brackets stay with the next word; a word wider than the line is split", () => {
    const atoms = atomsOf("「개인정보 보호법」 제35조");
    assert.deepEqual(
      atoms.map((a) => a.text),
      ["「개인정보", "보호법」", "제35조"],
    );
    // ASCII punctuation inside a word is no break opportunity: a web address that fits stays whole.
    const urlLines = breakLines("분쟁조정위원회 · 전화 1833-6972 · www.kopico.go.kr", 30, measure);
    assert.ok(
      urlLines.some((l) => l.includes("www.kopico.go.kr")),
      urlLines.join("|"),
    );
    const long = breakLines("https://privacy.kisa.or.kr/very/long/path", 10, measure);
    assert.ok(long.length > 1);
    assert.equal(long.join(""), "https://privacy.kisa.or.kr/very/long/path");
    for (const l of long) assert.ok(measure(l) <= 10);
  });
});

describe("letters: dates and placeholders", () => {
  test("local date formats: KR 2026. 11. 24., TW ROC year, English day month year (in the agency's zone)", () => {
    // 15:30 UTC is the next morning in Seoul and Taipei.
    assert.equal(formatLetterDate(new Date("2026-11-23T15:30:00Z"), "ko", "Asia/Seoul"), "2026. 11. 24.");
    assert.equal(
      formatLetterDate(new Date("2026-11-23T15:30:00Z"), "zh-TW", "Asia/Taipei"),
      "中華民國115年11月23日",
    );
    assert.equal(formatLetterDate("2026-11-23", "en", "Asia/Taipei"), "23 November 2026");
    assert.equal(formatLetterDateTime("2026-11-20T05:00:00Z", "ko", "Asia/Seoul"), "2026. 11. 20. 14:00");
  });

  test("a paragraph whose variable is empty is left out", () => {
    assert.equal(fill("열람 일시: {{appointmentAt}}", {}), null);
    assert.equal(fill({ text: "고정 문장", when: "x" }, {}), null);
    assert.equal(
      fill("열람 일시: {{appointmentAt}}", { appointmentAt: "2026. 11. 20." }),
      "열람 일시: 2026. 11. 20.",
    );
  });
});

describe("letters: composing every kind", () => {
  for (const j of ["KR", "TW"] as const) {
    for (const kind of letterKindsFor(j)) {
      for (const locale of LETTER_LOCALES) {
        test(`${j} ${kind} ${locale}: number, date, recipient, title and citation present`, () => {
          const l = compose(j, kind, locale);
          const text = textOf(l);
          assert.ok(text.includes(l.number));
          assert.ok(text.includes(l.issuedDate));
          assert.ok(text.includes(j === "KR" ? "홍길동" : "王小明"));
          assert.ok(l.blocks.some((b) => b.type === "citation" && b.text.length > 5));
          assert.ok(l.blocks.some((b) => b.type === "signature"));
        });
      }
    }
  }

  test("C18 H4: KR decision letters name 행정심판 and the remedy bodies with their numbers", () => {
    for (const kind of [
      "pipa_access_decision",
      "pipa_access_deferral_refusal",
      "pipa_correction_result",
    ] as const) {
      const text = textOf(compose("KR", kind, "ko"));
      for (const s of ["행정심판", "118", "1833-6972", "1301", "182"])
        assert.ok(text.includes(s), `${kind}: ${s}`);
    }
  });

  test("C8: an access refusal cites the PIPA 35(4) ground with its article", () => {
    const l = compose("KR", "pipa_access_deferral_refusal", "ko", {
      recipient: { name: "홍길동" },
      items: [{ label: "세무 자료", decision: "refused", groundCode: "art35-4-3-ga" }],
    });
    const text = textOf(l);
    assert.ok(text.includes("조세의 부과·징수 또는 환급에 관한 업무"));
    assert.ok(text.includes("제35조제4항제3호가목"));
    assert.ok(text.includes("거절"));
    // Action codes of the requests module are printed in words.
    const coded = textOf(
      compose("TW", "tw_access_decision", "zh-TW", {
        recipient: { name: "王小明" },
        items: [{ label: "陳情檔", action: "inspection", decision: "granted" }],
        delivery: { method: "download", route: "https://qingshan.example.tw/portal" },
      }),
    );
    assert.ok(coded.includes("提供閱覽") && !coded.includes("inspection"));
  });

  test("C10: a suspension refusal cites a 37(2) ground; a ground from another law is refused", () => {
    const text = textOf(
      compose("KR", "pipa_suspension_result", "ko", {
        recipient: { name: "홍길동" },
        groundCodes: ["art37-2-3"],
      }),
    );
    assert.ok(text.includes("제37조제2항제3호"));
    assert.throws(
      () =>
        compose("KR", "pipa_suspension_result", "ko", {
          recipient: { name: "홍길동" },
          groundCodes: ["art10-1"],
        }),
      (e) => e instanceof LetterError && e.code === "unknown_ground",
    );
  });

  test("C6 C7: TW supplement notice states what is missing and the deadline; paragraphs numbered 一、二、", () => {
    const l = compose("TW", "tw_supplement_notice", "zh-TW");
    const text = textOf(l);
    assert.ok(text.includes("委任書正本"));
    assert.ok(text.includes("中華民國115年12月4日"));
    assert.ok(text.includes("一、") && text.includes("二、"));
  });

  test("C12 C13: TW access decision with in-person inspection names the companion and the fee", () => {
    const text = textOf(compose("TW", "tw_access_decision", "zh-TW"));
    assert.ok(text.includes("陪同"));
    assert.ok(text.includes("新臺幣20元"));
    assert.ok(text.includes("訴願"));
  });

  test("a KR letter in Chinese names the ground in Chinese (courtesy translation) with the article", () => {
    const text = textOf(
      compose("KR", "pipa_access_deferral_refusal", "zh-TW", {
        recipient: { name: "홍길동" },
        requestKind: "access",
        groundCodes: ["art35-4-3-ga"],
      }),
    );
    assert.ok(text.includes("有關租稅之核課、徵收或退還之業務"));
    assert.ok(text.includes("韓國個人資料保護法第35條第4項第3款"));
    assert.ok(text.includes("個人資料閱覽"));
  });

  test("null fields count as not given (callers pass database rows)", () => {
    const l = compose("KR", "pipa_access_decision", "ko", {
      recipient: { name: "홍길동", address: null, email: null },
      delivery: { method: "in_person", appointmentAt: "2026-11-20T05:00:00Z", location: null },
      summary: null,
    });
    // No location given: the agency's address is the place of viewing.
    assert.ok(textOf(l).includes("열람 일시·장소: 2026. 11. 20. 14:00, 한빛시 시청로 1"));
    assert.ok(!textOf(l).includes("null"));
  });

  test("a kind of the other country, or bad data, is refused with a stable code", () => {
    assert.throws(
      () => compose("KR", "tw_refusal", "ko"),
      (e) => e instanceof LetterError && e.code === "kind_not_available",
    );
    assert.throws(
      () => compose("KR", "pipa_access_decision", "ko", { recipient: {} }),
      (e) => e instanceof LetterError && e.code === "invalid_data",
    );
  });
});
