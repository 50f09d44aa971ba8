// Article citations of the rule-pack catalogues are written once (KR in Korean, TW in English short form);
// a letter cites them in its own language. Unknown shapes are returned unchanged (never guessed).
import type { LetterLocale } from "./types";

const KR_ARTICLE = /^개인정보 보호법 제(\d+)조(?:제(\d+)항)?(?:제(\d+)호)?(?:([가-힣])목)?( 단서)?$/;
const TW_PDPA = /^PDPA Art\. (\d+)(?:\((\d+)\))?( proviso)?(?: \((\d+)\))?$/;
const TW_RULES = /^Enforcement Rules Art\. (\d+)$/;

function krArticle(a: string, locale: LetterLocale): string {
  const m = KR_ARTICLE.exec(a);
  if (!m || locale === "ko") return a;
  const [, art, para, item, sub, proviso] = m;
  if (locale === "zh-TW") {
    return `韓國個人資料保護法第${art}條${para ? `第${para}項` : ""}${item ? `第${item}款` : ""}${sub ? `（${sub}目）` : ""}${proviso ? "但書" : ""}`;
  }
  return `PIPA Art. ${art}${para ? `(${para})` : ""}${item ? ` item ${item}` : ""}${sub ? ` (${sub})` : ""}${proviso ? " proviso" : ""}`;
}

function twPart(a: string, locale: LetterLocale): string {
  if (locale === "en") return a;
  const m = TW_PDPA.exec(a);
  if (m) {
    const [, art, para, proviso, item] = m;
    if (locale === "zh-TW") {
      return `個人資料保護法第${art}條${para ? `第${para}項` : ""}${proviso ? "但書" : ""}${item ? `第${item}款` : ""}`;
    }
    return `대만 개인정보보호법 제${art}조${para ? `제${para}항` : ""}${proviso ? " 단서" : ""}${item ? ` 제${item}호` : ""}`;
  }
  const r = TW_RULES.exec(a);
  if (r)
    return locale === "zh-TW"
      ? `個人資料保護法施行細則第${r[1]}條`
      : `대만 개인정보보호법 시행규칙 제${r[1]}조`;
  return a;
}

/** The catalogue's article citation in the letter's language. */
export function localizeArticle(jurisdiction: "KR" | "TW", article: string, locale: LetterLocale): string {
  if (jurisdiction === "KR") return krArticle(article, locale);
  return article
    .split("; ")
    .map((p) => twPart(p, locale))
    .join(locale === "zh-TW" ? "；" : "; ");
}
