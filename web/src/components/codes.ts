/**
 * Codes people use: the TW 個人資料類別 (C001) and 特定目的 (001) codes are printed on official forms
 * and belong next to the name. A rule pack's own keys ("art15-1-1", "entrusted") are not words of the
 * law and are never shown (issue 11 item 3).
 */
export function isOfficialCode(code: string): boolean {
  return /^(?:[A-Z]\d{3}|\d{3})$/.test(code);
}
