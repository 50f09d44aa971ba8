import type { Recognizer } from "../recognizer";

/** Bank account numbers have no common shape or checksum: 10-14 digits, reported only with context. */
export const krBankAccount: Recognizer = {
  id: "kr-bank-account",
  types: ["KR_BANK_ACCOUNT"],
  pattern: /\d(?<![\d*-]\d)(?:\d{1,5}-\d{2,6}-\d{2,7}(?:-\d{1,3})?|\d{9,13})(?![\d*]|-\d)/g,
  context: [
    "계좌",
    "입금",
    "예금주",
    "은행",
    "환급",
    "송금",
    "이체",
    "농협",
    "우체국",
    "새마을금고",
    "신협",
    "카카오뱅크",
    "토스뱅크",
    "bank",
    "account no",
    "acct",
    "帳號",
    "帳戶",
    "銀行",
    "匯款",
    "轉帳",
  ],
  priority: 6,
  validate(norm, { start, end }) {
    let n = 0;
    for (let i = start; i < end; i++) if (norm.charCodeAt(i) !== 45) n++;
    if (n < 10 || n > 14) return null;
    return { score: 0.2 };
  },
};
