import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type PiiType, scanText } from "./index";

/** Values found in text, as "TYPE:value". */
function found(text: string, opts = {}): string[] {
  return scanText(text, opts).spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

function expectFound(text: string, type: PiiType, value: string): void {
  assert.ok(
    found(text).includes(`${type}:${value}`),
    `${type} ${value} not found in ${JSON.stringify(text)}: ${found(text)}`,
  );
}

function expectNone(text: string, type?: PiiType): void {
  const f = found(text).filter((x) => !type || x.startsWith(`${type}:`));
  assert.deepEqual(f, [], `unexpected findings in ${JSON.stringify(text)}`);
}

describe("E4: KR_RRN", () => {
  test("valid numbers, glued to Korean text, full-width", () => {
    expectFound("주민번호960121-1021413입니다", "KR_RRN", "960121-1021413");
    expectFound("050912-2000019", "KR_RRN", "050912-2000019");
    expectFound("번호 ９６０１２１－１０２１４１３", "KR_RRN", "９６０１２１－１０２１４１３");
    expectFound("주민등록번호 9601211021413", "KR_RRN", "9601211021413");
  });
  test("post-2020 numbers failing the checksum: medium alone, high with context", () => {
    const alone = scanText("960121-1021414").spans;
    assert.equal(alone.length, 1);
    assert.ok(alone[0].score >= 0.5 && alone[0].score < 0.9, `medium: ${alone[0].score}`);
    const ctx = scanText("주민등록번호: 960121-1021414").spans;
    assert.ok(ctx[0].score >= 0.85, `high: ${ctx[0].score}`);
  });
  test("impossible dates, masked forms, longer digit runs are not findings", () => {
    expectNone("961321-1021413");
    expectNone("960121-1******");
    expectNone("9601211******");
    expectNone("19601211021413", "KR_RRN");
  });
});

describe("E4: KR_FRN", () => {
  test("911124-5678906 is FRN, not RRN", () => {
    assert.deepEqual(found("외국인등록번호 911124-5678906"), ["KR_FRN:911124-5678906"]);
  });
});

describe("KR_BRN", () => {
  test("checksum-valid with hyphens alone; bare digits only with context", () => {
    expectFound("사업자등록번호 104-86-56659", "KR_BRN", "104-86-56659");
    expectFound("사업자번호 1048656659", "KR_BRN", "1048656659");
    expectNone("1048656659 원", "KR_BRN");
    expectNone("사업자등록번호 123-45-67890", "KR_BRN");
  });
});

describe("KR_PASSPORT / KR_DRIVER / KR_BANK_ACCOUNT need context", () => {
  test("passport", () => {
    expectFound("여권번호 M12345678", "KR_PASSPORT", "M12345678");
    expectFound("passport no. M123A4567", "KR_PASSPORT", "M123A4567");
    expectNone("모델명 M12345678");
  });
  test("driver licence", () => {
    expectFound("운전면허번호 11-22-333333-44", "KR_DRIVER", "11-22-333333-44");
    expectFound("면허증 서울 12-345678-90", "KR_DRIVER", "서울 12-345678-90");
    expectNone("설비번호 11-22-333333-44");
    expectNone("운전면허 27-22-333333-44", "KR_DRIVER"); // region 27 does not exist
  });
  test("bank account", () => {
    expectFound("국민은행 계좌 110-234-567890", "KR_BANK_ACCOUNT", "110-234-567890");
    expectNone("참조 110-234-567890");
  });
  test("E4: bank account needs a bank word: waybill, order and management numbers are not accounts", () => {
    // Hard negatives from the outside review: no bank word, or only a shopping / refund word.
    for (const t of [
      "운송장번호 1002-047-187255",
      "주문번호 2024060959772",
      "관리번호: 874651888500",
      "우체국택배 운송장번호 1002-047-187255",
      "주문번호 2024060959772 환급 처리 예정",
      "관리번호: 874651888500 (환불 완료)",
      // A bank word nearby, but the number is labelled as something else.
      "입금 확인되었습니다. 주문번호 2024060959772",
      "계좌이체 결제 완료, 운송장번호 1002-047-187255",
      "Order 2024060959772 paid by bank transfer",
      "訂單編號 2024060959772 已匯款",
    ]) {
      expectNone(t, "KR_BANK_ACCOUNT");
    }
  });
  test("E4: bank account recall with bank context (bank names, 계좌, 입금, 예금주, bank)", () => {
    expectFound("입금계좌: 신한은행 110-234-567890", "KR_BANK_ACCOUNT", "110-234-567890");
    expectFound("환불 계좌 1002-047-187255 (우리은행)", "KR_BANK_ACCOUNT", "1002-047-187255");
    expectFound("예금주 홍길동, 농협 302-1234-5678-91", "KR_BANK_ACCOUNT", "302-1234-5678-91");
    expectFound("카카오뱅크 3333-01-2345678로 보내 주세요", "KR_BANK_ACCOUNT", "3333-01-2345678");
    expectFound("계좌번호: 110234567890", "KR_BANK_ACCOUNT", "110234567890");
    expectFound("Please pay to bank account 110-234-567890.", "KR_BANK_ACCOUNT", "110-234-567890");
    expectFound("退款帳號：110-234-567890", "KR_BANK_ACCOUNT", "110-234-567890");
    // The account is found and the order number next to it is not.
    const t = "주문번호 2024060959772 환불 계좌: 국민은행 110-234-567890";
    assert.deepEqual(
      found(t).filter((x) => x.startsWith("KR_BANK_ACCOUNT")),
      ["KR_BANK_ACCOUNT:110-234-567890"],
    );
  });
});

describe("KR_PHONE", () => {
  test("mobile, landline, +82, parentheses, glued", () => {
    expectFound("연락처는010-1234-5678입니다", "KR_PHONE", "010-1234-5678");
    expectFound("02-123-4567로", "KR_PHONE", "02-123-4567");
    expectFound("031-987-6543", "KR_PHONE", "031-987-6543");
    expectFound("+82-10-1234-5678", "KR_PHONE", "+82-10-1234-5678");
    expectFound("(02) 1234-5678 서울", "KR_PHONE", "(02) 1234-5678");
    expectFound("01012345678", "KR_PHONE", "01012345678");
  });
  test("masked, too short, hotlines are not phones", () => {
    expectNone("010-****-1234");
    expectNone("010-1234-****");
    expectNone("1588-1234");
    expectNone("010-123-4567", "KR_PHONE"); // 010 has a four-digit middle block
  });
});

describe("TW_ID / TW_ARC / TW_UBN", () => {
  test("IDs with checksum", () => {
    expectFound("身分證字號A123456789，", "TW_ID", "A123456789");
    expectNone("A123456788");
    expectNone("A12****789");
    expectFound("居留證A800000014", "TW_ARC", "A800000014");
    expectFound("居留證AA00000009", "TW_ARC", "AA00000009");
  });
  test("UBN only with context", () => {
    expectFound("統一編號：04595252", "TW_UBN", "04595252");
    expectFound("統編12345675", "TW_UBN", "12345675");
    expectNone("代碼04595252");
    expectNone("統一編號：00501502");
  });
});

describe("TW_PHONE", () => {
  test("mobile, landline, +886", () => {
    expectFound("手機0912-345-678。", "TW_PHONE", "0912-345-678");
    expectFound("電話(02)2345-6789", "TW_PHONE", "(02)2345-6789");
    expectFound("電話：02-2345-6789", "TW_PHONE", "02-2345-6789");
    expectFound("tel +886-912-345-678", "TW_PHONE", "+886-912-345-678");
    expectFound("(07)123-4567", "TW_PHONE", "(07)123-4567");
  });
  test("Seoul vs Taipei 02 numbers follow the script around them", () => {
    expectFound("서울 사무실 전화 02-2345-6789입니다", "KR_PHONE", "02-2345-6789");
    expectFound("臺北辦公室電話02-2345-6789", "TW_PHONE", "02-2345-6789");
  });
});

describe("EMAIL / CREDIT_CARD / IP_ADDRESS", () => {
  test("e-mail glued to CJK, full-width at sign, masked, file names", () => {
    expectFound("이메일hong@example.go.kr입니다", "EMAIL", "hong@example.go.kr");
    expectFound("信箱：chen.wei@example.gov.tw。", "EMAIL", "chen.wei@example.gov.tw");
    expectFound("a.b＠example.com", "EMAIL", "a.b＠example.com");
    expectNone("h***@example.com");
    expectNone("icon@2x.png");
    expectNone("user@localhost");
  });
  test("cards: Luhn and issuer prefix", () => {
    expectFound("card 4111-1111-1111-1111", "CREDIT_CARD", "4111-1111-1111-1111");
    expectFound("카드 4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111");
    expectFound("amex 3782-822463-10005", "CREDIT_CARD", "3782-822463-10005");
    expectNone("4111-1111-1111-1112");
    expectNone("2023-0412-1187-0091");
    expectNone("****-****-****-1111");
  });
  test("IP addresses, not versions or section numbers", () => {
    expectFound("접속IP 192.168.0.1에서", "IP_ADDRESS", "192.168.0.1");
    expectFound("from 10.0.0.255.", "IP_ADDRESS", "10.0.0.255");
    expectFound("src=2001:db8::1 ok", "IP_ADDRESS", "2001:db8::1");
    expectNone("v1.2.3.4");
    expectNone("version 1.2.3.4");
    expectNone("버전 10.0.0.1");
    expectNone("Section 1.2.3.4");
    expectNone("12:30:45 and 00:1A:2B:3C:4D:5E");
    expectNone("256.1.1.1");
  });
});

describe("lower-confidence tier", () => {
  test("names and dates of birth only with includeLowConfidence", () => {
    const t = "성명: 홍길동\n생년월일 1996-01-21";
    assert.deepEqual(found(t), []);
    assert.deepEqual(found(t, { includeLowConfidence: true }), [
      "PERSON_NAME:홍길동",
      "DATE_OF_BIRTH:1996-01-21",
    ]);
    assert.deepEqual(found(t, { types: ["DATE_OF_BIRTH"] }), ["DATE_OF_BIRTH:1996-01-21"]);
  });
});

describe("options", () => {
  test("types filter and threshold", () => {
    const t = "960121-1021413 010-1234-5678";
    assert.deepEqual(found(t, { types: ["KR_PHONE"] }), ["KR_PHONE:010-1234-5678"]);
    assert.deepEqual(found(t, { threshold: 0.95 }), ["KR_RRN:960121-1021413"]);
  });
  test("contextHint (a column header) supplies context for one cell", () => {
    assert.deepEqual(found("04595252"), []);
    assert.deepEqual(found("04595252", { contextHint: "統一編號" }), ["TW_UBN:04595252"]);
  });
});

describe("forms seen in hand-written documents", () => {
  test("02) area code, lower-case TW ID", () => {
    expectFound("사무실 ☎ 02)765-4321", "KR_PHONE", "02)765-4321");
    expectFound("民眾：a123456789（小寫）", "TW_ID", "a123456789");
    expectNone("a123456788");
  });
});

describe("long texts (scanned in chunks)", () => {
  test("identifiers across chunk boundaries are found once, at exact offsets", () => {
    const ids = ["960121-1021413", "hong@example.go.kr", "010-1234-5678", "A123456789"];
    const filler = "민원 처리 결과를 알려드립니다. ";
    let text = "";
    const expected: Array<[number, string]> = [];
    // Place identifiers so that some straddle multiples of the chunk size (2^18).
    for (const cut of [1 << 18, 2 << 18, 3 << 18]) {
      for (const [k, id] of ids.entries()) {
        const at = cut - 7 + k * 40;
        while (text.length < at) text += filler;
        text = text.slice(0, at);
        expected.push([text.length, id]);
        text += id + " ";
      }
    }
    text += filler.repeat(10);
    const r = scanText(text);
    assert.equal(r.status, "ok");
    assert.deepEqual(
      r.spans.map((s) => [s.start, text.slice(s.start, s.end)]),
      expected,
    );
  });
});

describe("spaced hyphens as typed into forms", () => {
  test("RRN and mobile numbers with spaces around the hyphen", () => {
    expectFound("주민번호 960121 - 1021413 로", "KR_RRN", "960121 - 1021413");
    expectFound("전화번호 010 - 2931 - 8842 로", "KR_PHONE", "010 - 2931 - 8842");
    expectFound("手機 0912 - 345 - 678", "TW_PHONE", "0912 - 345 - 678");
    expectNone("2023 - 10 - 12");
  });
});

describe("csv / tsv column headers as context", () => {
  const rows = [
    "110-234-567890",
    "1002-345-678901",
    "352-0123-4567-83",
    "123456-01-234567",
    "301-1234-5678-11",
  ];
  test("a header cell is the context of its whole column, however far the row", () => {
    const csv = `연번,성명,소속,은행,계좌번호,비고\n${rows.map((a, i) => `${i + 1},김민준,총무과,농협,${a},지급 완료`).join("\n")}\n`;
    const found = scanText(csv).spans.map((s) => csv.slice(s.start, s.end));
    assert.deepEqual(found, rows);
  });
  test("without the header, or with detection off, the bare numbers are not findings", () => {
    const body = rows.map((a, i) => `${i + 1},김민준,총무과,참조,${a},지급 완료`).join("\n");
    assert.deepEqual(scanText(body).spans, []);
    const csv = `연번,성명,소속,은행,계좌번호,비고\n${body}`;
    assert.ok(scanText(csv, { columns: null }).spans.length < rows.length);
  });
  test("explicit columns for a later part of a file (starting at a record boundary)", () => {
    const part = "7\t陳志明\t04595252\n8\t林淑芬\t12345675\n";
    assert.deepEqual(scanText(part).spans, []);
    const spans = scanText(part, {
      columns: { delimiter: "\t", header: ["序號", "負責人", "統一編號"] },
    }).spans;
    assert.deepEqual(
      spans.map((s) => [s.type, part.slice(s.start, s.end)]),
      [
        ["TW_UBN", "04595252"],
        ["TW_UBN", "12345675"],
      ],
    );
  });
  test("a very long line cannot make column lookups quadratic", () => {
    const text = `a,b\n${"04595252 ".repeat(100_000)}`;
    const c0 = process.cpuUsage();
    const r = scanText(text, { timeBudgetMs: 60_000 });
    const ms = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000;
    assert.equal(r.status, "ok");
    assert.ok(ms < 5000, `${ms} ms`);
  });
});
