import type { Recognizer } from "../recognizer";

/**
 * Bank account numbers have no common shape or checksum: 10-14 digits, reported only next to a
 * word that is about a bank account (계좌, 은행, 입금, 예금주, a bank's name, bank, 帳號 ...).
 * Shopping and refund words (환급, 환불, 택배) are not enough: waybill, order and management
 * numbers sit next to them. A number labelled as something else right before it ("운송장번호",
 * "주문번호", "관리번호", "order") is not an account even with a bank word nearby.
 */
export const krBankAccount: Recognizer = {
  id: "kr-bank-account",
  types: ["KR_BANK_ACCOUNT"],
  pattern: /\d(?<![\d*-]\d)(?:\d{1,5}-\d{2,6}-\d{2,7}(?:-\d{1,3})?|\d{9,13})(?![\d*]|-\d)/g,
  context: [
    "계좌",
    "입금",
    "예금",
    "통장",
    "은행",
    "송금",
    "이체",
    "농협",
    "수협",
    "새마을금고",
    "신협",
    "뱅크", // 카카오뱅크, 토스뱅크, 케이뱅크
    "bank",
    "account no",
    "account number",
    "acct",
    "帳號",
    "帳戶",
    "銀行",
    "匯款",
    "轉帳",
    "郵局帳",
  ],
  negativeContext: [
    "운송장",
    "송장",
    "주문번호",
    "주문 번호",
    "관리번호",
    "접수번호",
    "문서번호",
    "사건번호",
    "고객번호",
    "회원번호",
    "승인번호",
    "order",
    "tracking",
    "invoice",
    "waybill",
    "訂單",
    "單號",
    "貨號",
  ],
  priority: 6,
  validate(norm, { start, end }) {
    let n = 0;
    for (let i = start; i < end; i++) if (norm.charCodeAt(i) !== 45) n++;
    if (n < 10 || n > 14) return null;
    return { score: 0.2 };
  },
};
