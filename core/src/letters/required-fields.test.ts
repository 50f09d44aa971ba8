// Every letter kind of each country carries every field the law requires (letters.md), checked on the
// composed text with labels and values written by hand here, not taken from the templates.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  composeLetter,
  formatTwDocNumber,
  LETTER_LOCALES,
  LetterError,
  type LetterKind,
  type LetterLayout,
  letterKindsFor,
  type MissingLetterField,
  REQUIRED_LETTER_FIELDS,
  rocYear,
  sampleLetterData,
} from "./index";

// Fictional agency profiles with everything a letter requires.
const TEST_AGENCY = {
  KR: {
    name: "한빛시",
    address: "한빛시 시청로 1",
    phone: "061-000-1000",
    fax: "061-000-1001",
    headTitle: "한빛시장",
    appealBody: "한빛도행정심판위원회",
  },
  TW: {
    name: "青山區公所",
    address: "青山區公所路1號",
    fax: "(07)000-1001",
    email: "privacy@qingshan.example.tw",
    headTitle: "區長",
    headName: "林青山",
    appealBody: "青山市政府",
  },
} as const;

const textOf = (l: LetterLayout) =>
  l.blocks
    .flatMap((b) => {
      switch (b.type) {
        case "letterhead":
          return [b.agencyName, ...b.lines];
        case "fields":
          return b.rows.map((r) => `${r.label} ${r.value}`);
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

const ISSUED = new Date("2026-12-08T01:00:00Z");
const NUMBER = { KR: "한빛시-2026-0007", TW: "青區秘字第1150000007號" };

function compose(
  j: "KR" | "TW",
  kind: LetterKind,
  locale: (typeof LETTER_LOCALES)[number],
  agency: Record<string, unknown> = TEST_AGENCY[j],
  data: Record<string, unknown> = sampleLetterData(j, kind),
) {
  return composeLetter({
    jurisdiction: j,
    kind,
    locale,
    number: NUMBER[j],
    issuedAt: ISSUED,
    timeZone: j === "KR" ? "Asia/Seoul" : "Asia/Taipei",
    agency: agency as { name: string },
    data,
  });
}

// What each field looks like in the official language, written by hand from letters.md and the sample data
// (sampleLetterData: 홍길동 / 王小明, officer 김담당 061-000-0000 / 李承辦 02-0000-0000, in-person viewing on
// 2026-11-20 05:00Z, new due date 2026-11-30, missing 위임장 원본 / 委任書正本 by 2026-12-04).
const EXPECTED: Record<"KR" | "TW", Record<string, string[]>> = {
  KR: {
    agency: ["한빛시"],
    agencyAddress: ["한빛시 시청로 1"],
    agencyPhone: ["전화 061-000-1000", "전송 061-000-1001"],
    documentNumber: ["문서번호 한빛시-2026-0007"],
    issuedDate: ["시행일 2026. 12. 8."],
    recipient: ["수신 홍길동 귀하"],
    subject: ["제목 "],
    legalBasis: [
      "관련 근거: 「개인정보 보호법」",
      "관련 근거: 「행정절차법」",
      "관련 근거: 「민원 처리에 관한 법률」",
      "관련 근거: 「공공기관의 정보공개에 관한 법률」",
    ],
    headOfAgency: ["한빛시장"],
    officerContact: ["담당자 김담당", "연락처 061-000-0000"],
    objection: ["이의제기방법", "30일 이내", "한빛시 개인정보보호팀에 제출"],
    adminAppeal: ["행정심판", "90일 이내", "180일 이내", "한빛도행정심판위원회에 행정심판을 청구"],
    adminLitigation: ["행정소송", "1년 이내", "관할 행정법원"],
    accessRoute: ["열람 일시·장소: 2026. 11. 20. 14:00, 한빛시청 2층 민원실"],
    fees: ["수수료: 0원", "우송료: 0원"],
    extension: ["연장 사유: ", "연장된 처리기한: 2026. 11. 30."],
    supplement: ["보완할 사항: 위임장 원본", "보완 기한: 2026. 12. 4.까지", "되돌려 보내"],
    breachNotice: [
      "유출 사실: 2026. 11. 1. 민원 대장 일부가 외부로 발송됨",
      "기관의 대응조치: 발송 자료 회수 및 접근 차단",
      "귀하가 할 수 있는 방법: 의심스러운 연락에 주의",
      "피해 신고·상담 창구: 개인정보보호팀 061-000-0000",
      "비용 보상: 재발급 비용 전액 보상",
    ],
  },
  TW: {
    letterType: ["青山區公所　函"],
    agency: ["青山區公所"],
    agencyAddress: ["地址 青山區公所路1號"],
    officerContact: ["承辦人 政風處第三科 李承辦", "電話 02-0000-0000"],
    recipient: ["受文者 王小明 君"],
    issuedDate: ["發文日期 中華民國115年12月8日"],
    documentNumber: ["發文字號 青區秘字第1150000007號"],
    speed: ["速別 普通件"],
    secrecy: ["密等及解密條件或保密期限 普通"],
    attachments: ["附件 無"],
    subject: ["主旨："],
    explanation: ["說明："],
    legalBasis: ["法令依據：個人資料保護法", "法令依據：政府資訊公開法"],
    originalRecipient: ["正本 王小明 君"],
    copyRecipients: ["副本 政風處第三科"],
    headOfAgency: ["區長　林青山"],
    appeal: ["送達之次日起30日內", "經由青山區公所向訴願管轄機關青山市政府提起訴願"],
    accessRoute: ["閱覽時間：中華民國115年11月20日 13:00；地點：市府大樓北區2樓"],
    fees: ["新臺幣20元", "郵寄費用：新臺幣0元"],
    extension: ["延長事由：", "延長後處理期限：中華民國115年11月30日"],
    supplement: ["應補正事項：委任書正本", "補正期限：中華民國115年12月4日"],
    breachNotice: [
      "侵害事實：115年11月1日陳情資料誤寄他人",
      "因應措施：已收回資料並停止存取",
      "台端可採取之措施：請留意可疑來電",
      "諮詢專線：政風處 02-0000-0000",
      "損害補償：補發費用全額補償",
    ],
  },
};
// Disclosure decisions (J1): 이의신청 under 정보공개법 §18 (30 days, in writing), 행정심판 and 행정소송 90 days.
const KIND_EXPECTED: Record<string, Record<string, string[]>> = {
  foi_decision: {
    objection: ["이의신청", "30일 이내", "한빛시 개인정보보호팀에 문서로 이의신청"],
    adminAppeal: ["행정심판", "90일 이내", "한빛도행정심판위원회에 행정심판을 청구"],
    adminLitigation: ["행정소송", "90일 이내", "관할 행정법원"],
  },
};
// The legal basis differs by kind; one of the listed prefixes must be there.
const ANY_OF = new Set(["legalBasis"]);

describe("letters: required fields (issue 11 item 4)", () => {
  for (const j of ["KR", "TW"] as const) {
    const official = j === "KR" ? "ko" : "zh-TW";
    for (const kind of letterKindsFor(j)) {
      test(`C18 H4: ${j} ${kind} (${official}) prints every field the law requires`, () => {
        const required = REQUIRED_LETTER_FIELDS[j][kind];
        assert.ok(required?.length, `no checklist for ${j} ${kind}`);
        const text = textOf(compose(j, kind, official));
        for (const f of required) {
          const want = KIND_EXPECTED[kind]?.[f] ?? EXPECTED[j][f];
          assert.ok(want, `no hand-written expectation for ${f}`);
          if (ANY_OF.has(f))
            assert.ok(
              want.some((w) => text.includes(w)),
              `${kind}: ${f}`,
            );
          else for (const w of want) assert.ok(text.includes(w), `${kind}: ${f} -> "${w}"\n${text}`);
        }
      });
      for (const locale of LETTER_LOCALES)
        test(`${j} ${kind} ${locale}: composes with every required field tagged`, () => {
          const l = compose(j, kind, locale);
          const tagged = new Set(l.blocks.flatMap((b) => b.fields ?? []));
          for (const f of REQUIRED_LETTER_FIELDS[j][kind] ?? []) assert.ok(tagged.has(f), `${f}`);
        });
    }
  }

  test("KR decisions carry 이의제기방법, 행정심판 (90일, 180일) and 행정소송; not the receipt notice", () => {
    for (const kind of [
      "pipa_access_decision",
      "pipa_access_deferral_refusal",
      "pipa_correction_result",
      "pipa_suspension_result",
    ] as const) {
      const text = textOf(compose("KR", kind, "ko"));
      for (const w of ["이의제기방법", "행정심판", "90일", "180일", "행정소송"])
        assert.ok(text.includes(w), kind);
    }
    assert.ok(!textOf(compose("KR", "receipt_notice", "ko")).includes("이의제기방법"));
  });

  test("TW decisions: the 函 with 說明, 正本, 副本, 承辦人 and 訴願 within 30日 to the named appeal body", () => {
    for (const kind of ["tw_access_decision", "tw_correction_result", "tw_refusal"] as const) {
      const l = compose("TW", kind, "zh-TW");
      const text = textOf(l);
      for (const w of [
        "　函",
        "說明",
        "正本",
        "副本",
        "承辦人",
        "訴願",
        "30日",
        "青山市政府",
        "區長　林青山",
      ])
        assert.ok(text.includes(w), `${kind}: ${w}`);
      // The remedy is the last numbered 說明 item, before 正本/副本 and the head of agency.
      const order = ["主旨：", "說明：", "訴願", "正本", "副本", "區長　林青山"].map((w) => text.indexOf(w));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
      );
    }
  });

  test("access notices state the download route, or the e-mail / post address, and fee 0 with postage 0", () => {
    const base = sampleLetterData("KR", "pipa_access_decision");
    const text = textOf(
      compose("KR", "pipa_access_decision", "ko", undefined, {
        ...base,
        delivery: { method: "download", route: "https://hanbit.example.kr/portal" },
      }),
    );
    assert.ok(text.includes("내려받는 곳: https://hanbit.example.kr/portal"));
    assert.ok(text.includes("수수료: 0원, 우송료: 0원"));
    const twText = textOf(
      compose("TW", "tw_access_decision", "zh-TW", undefined, {
        ...sampleLetterData("TW", "tw_access_decision"),
        delivery: { method: "post" },
        fees: { total: 0, postage: 35 },
      }),
    );
    assert.ok(twText.includes("郵寄方式寄送至臺北市信義區市府路1號"));
    assert.ok(twText.includes("新臺幣0元；郵寄費用：新臺幣35元"));
  });

  const refusal = (fn: () => unknown): MissingLetterField[] => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof LetterError && e.code === "missing_field", String(e));
      return e.details as MissingLetterField[];
    }
    assert.fail("the letter was composed");
  };

  test("a letter missing a required field is refused, naming the profile field or data to supply", () => {
    const { headTitle: _h, ...noHead } = TEST_AGENCY.KR;
    const kr = refusal(() => compose("KR", "pipa_access_deferral_refusal", "ko", noHead));
    assert.deepEqual(
      kr.map((m) => [m.field, m.profileField]),
      [["headOfAgency", "headTitle"]],
    );
    const { appealBody: _a, headName: _n, ...tw } = TEST_AGENCY.TW;
    const twMissing = refusal(() => compose("TW", "tw_refusal", "zh-TW", tw));
    assert.deepEqual(twMissing.map((m) => m.field).sort(), ["appeal", "headOfAgency"]);
    assert.ok(twMissing.some((m) => m.profileField === "appealBody"));
    // Download chosen but no route given: the access notice cannot say where to download.
    const route = refusal(() =>
      compose("KR", "pipa_access_decision", "ko", undefined, {
        ...sampleLetterData("KR", "pipa_access_decision"),
        delivery: { method: "download" },
      }),
    );
    assert.deepEqual(
      route.map((m) => m.field),
      ["accessRoute"],
    );
    // No officer: the contact block (담당자, 연락처) is required.
    const { contact: _c, ...noContact } = sampleLetterData("KR", "pipa_supplement_notice");
    assert.deepEqual(
      refusal(() => compose("KR", "pipa_supplement_notice", "ko", undefined, noContact)).map((m) => m.field),
      ["officerContact"],
    );
  });

  test("F5: an incident notice with one of its five parts empty is refused (breachNotice)", () => {
    for (const j of ["KR", "TW"] as const) {
      const data = sampleLetterData(j, "incident_notice");
      const missing = refusal(() =>
        compose(j, "incident_notice", j === "KR" ? "ko" : "zh-TW", undefined, {
          ...data,
          notice: { ...data.notice, compensation: undefined },
        }),
      );
      assert.deepEqual(
        missing.map((m) => m.field),
        ["breachNotice"],
        j,
      );
    }
  });

  test("TW 發文字號 in the ROC-year form: 2026 -> 115, 2025 -> 114; serial of 7 digits", () => {
    assert.equal(rocYear(2026), 115);
    assert.equal(rocYear(2025), 114);
    assert.equal(formatTwDocNumber("青區秘", 2026, 3), "青區秘字第1150000003號");
    assert.equal(formatTwDocNumber("青區秘字", 2025, 864), "青區秘字第1140000864號");
    const l = compose("TW", "tw_refusal", "zh-TW", undefined, {
      ...sampleLetterData("TW", "tw_refusal"),
    });
    assert.ok(textOf(l).includes("發文日期 中華民國115年12月8日"));
  });
});

test("J1 J4: a partial disclosure letter cites every ground with its article and states the remedies", () => {
  const kr = textOf(
    compose("KR", "foi_decision", "ko", TEST_AGENCY.KR, {
      ...sampleLetterData("KR", "foi_decision"),
      groundCodes: ["art9-1-6", "art9-1-7"],
      summary: "부분 공개",
    }),
  );
  for (const w of [
    "비공개 사유",
    "공공기관의 정보공개에 관한 법률 제9조제1항제6호",
    "공공기관의 정보공개에 관한 법률 제9조제1항제7호",
    "이의신청",
    "30일 이내",
    "행정심판",
    "행정소송",
  ])
    assert.ok(kr.includes(w), `KR: ${w}\n${kr}`);
  const tw = textOf(
    compose("TW", "tw_foi_decision", "zh-TW", TEST_AGENCY.TW, {
      ...sampleLetterData("TW", "tw_foi_decision"),
      groundCodes: ["art18-1-6"],
    }),
  );
  for (const w of ["限制公開之理由", "政府資訊公開法第18條第1項第6款", "訴願", "30日"])
    assert.ok(tw.includes(w), `TW: ${w}\n${tw}`);
});
