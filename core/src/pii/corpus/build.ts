// Builds the labelled corpus by concatenating fragments, so every gold offset is exact.
import type { CorePiiType } from "../types";
import * as F from "./fillers";
import { HANDWRITTEN } from "./handwritten";
import * as G from "./identifiers";
import { int, makeRng, pick, type Rng } from "./rng";
import { CLEAN_TEMPLATES, HARD_NEGATIVE_TEMPLATES, type Lang, TEMPLATES, type Template } from "./templates";

export interface GoldSpan {
  start: number;
  end: number;
  type: CorePiiType;
}

export interface CorpusDoc {
  id: string;
  lang: Lang;
  genre: string;
  hardNegative: boolean;
  text: string;
  gold: GoldSpan[];
}

type Gen = (r: Rng) => string;

/** Keys that produce gold spans. */
const GOLD: Record<string, [CorePiiType, Gen]> = {
  KR_RRN: ["KR_RRN", (r) => (r() < 0.85 ? G.genRrn(r) : G.genRrn(r, ""))],
  KR_RRN_NEW: ["KR_RRN", (r) => G.genRrnNew(r)],
  KR_FRN: ["KR_FRN", (r) => G.genFrn(r)],
  KR_BRN: ["KR_BRN", (r) => G.genBrn(r)],
  KR_BRN_BARE: ["KR_BRN", (r) => G.genBrn(r, "")],
  KR_RRN_BARE: ["KR_RRN", (r) => G.genRrn(r, "")],
  KR_PASSPORT: ["KR_PASSPORT", G.genPassport],
  KR_DRIVER: ["KR_DRIVER", G.genDriver],
  KR_PHONE: ["KR_PHONE", (r) => G.genKrPhone(r)],
  KR_PHONE_INTL: ["KR_PHONE", G.genKrPhoneIntl],
  KR_BANK_ACCOUNT: ["KR_BANK_ACCOUNT", G.genBankAccount],
  TW_ID: ["TW_ID", G.genTwId],
  TW_ARC: ["TW_ARC", G.genTwArc],
  TW_UBN: ["TW_UBN", G.genUbn],
  TW_PHONE: ["TW_PHONE", (r) => G.genTwPhone(r)],
  TW_PHONE_INTL: ["TW_PHONE", G.genTwPhoneIntl],
  EMAIL: ["EMAIL", G.genEmail],
  CREDIT_CARD: ["CREDIT_CARD", G.genCard],
  IP_ADDRESS: ["IP_ADDRESS", G.genIp],
};

/** Keys that produce filler or look-alikes (never gold). */
const FILL: Record<string, Gen> = {
  NAME_KO: F.nameKo,
  NAME_ZH: F.nameZh,
  NAME_EN: F.nameEn,
  ADDR_KO: F.addrKo,
  ADDR_ZH: F.addrZh,
  AGENCY_KO: F.agencyKo,
  AGENCY_ZH: F.agencyZh,
  COMPANY_KO: F.companyKo,
  COMPANY_ZH: F.companyZh,
  BANK_KO: (r) => pick(r, ["국민은행", "신한은행", "농협", "우리은행", "카카오뱅크"]),
  DATE_KO: F.dateKo,
  DATE_ZH: F.dateZh,
  DATE_ROC: F.dateRoc,
  DATE_EN: F.dateEn,
  TS: F.timestamp,
  TS_ISO: F.timestampIso,
  AMOUNT_KO: F.amountKo,
  AMOUNT_ZH: F.amountZh,
  AMOUNT_EN: F.amountEn,
  DOCNO_KO: F.docNoKo,
  DOCNO_ZH: F.docNoZh,
  STATUTE_KO: F.statuteKo,
  STATUTE_ZH: F.statuteZh,
  STATUTE_EN: F.statuteEn,
  RECEIPT: F.receiptNo,
  ORDER: F.orderNo,
  CASE: F.caseNo,
  VER3: F.version3,
  VER4: F.version4,
  MAC: F.mac,
  COORD: F.coord,
  ISBN: F.isbn,
  EXT: F.extNo,
  POSTAL: F.postal,
  N: (r) => String(int(r, 1, 30)),
  M_RRN: G.maskedRrn,
  M_PHONE: G.maskedPhone,
  M_TWID: G.maskedTwId,
  M_CARD: G.maskedCard,
  M_EMAIL: G.maskedEmail,
  M_TWPHONE: G.maskedTwPhone,
  BAD_RRN: G.badRrn,
  BAD_TWID: G.badTwId,
  BAD_BRN: G.badBrn,
  BAD_UBN: G.badUbn,
  BAD_CARD: G.badCard,
  PASSPORT_LIKE: G.passportLike,
  DRIVER_LIKE: G.driverLike,
  ACCOUNT_LIKE: G.accountLike,
  WAYBILL: G.waybillLike,
  ORDER13: G.orderNo13,
  MGMT12: G.mgmtNo12,
  D8: G.eightDigits,
  SERIAL: G.serialLike,
  REF10: G.tenDigitRef,
  FILE_REF: F.fileRef,
  SECTION: F.sectionNo,
  HOTLINE: F.hotline,
};

/** Full-width digits and hyphen, as pasted from HWP or some Chinese input methods. */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9-]/g, (c) => (c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

/** Fills one template. */
export function renderTemplate(t: Template, r: Rng, id: string, fullWidthRate = 0.07): CorpusDoc {
  let text = "";
  const gold: GoldSpan[] = [];
  const lines = t.text.split("\n").filter((l) => !l.startsWith("?") || r() < 0.6);
  const body = lines.map((l) => (l.startsWith("?") ? l.slice(1) : l)).join("\n");
  // "{KEY}" is generated; "[[TYPE|literal]]" is a literal gold value written by hand.
  const parts = body.split(/\{([A-Z0-9_]+)\}|\[\[([A-Z_]+)\|([^\]]+)\]\]/);
  for (let i = 0; i < parts.length; i += 4) {
    text += parts[i];
    if (i + 1 >= parts.length) break;
    if (parts[i + 2] !== undefined) {
      const v = parts[i + 3];
      gold.push({ start: text.length, end: text.length + v.length, type: parts[i + 2] as CorePiiType });
      text += v;
      continue;
    }
    const key = parts[i + 1];
    const g = GOLD[key];
    if (g) {
      let v = g[1](r);
      if (r() < fullWidthRate && !v.includes("@")) v = toFullWidth(v);
      gold.push({ start: text.length, end: text.length + v.length, type: g[0] });
      text += v;
    } else {
      const f = FILL[key];
      if (!f) throw new Error(`corpus template uses unknown key ${key}`);
      text += f(r);
    }
  }
  return { id, lang: t.lang, genre: t.genre, hardNegative: !!t.hardNegative, text, gold };
}

export interface CorpusOptions {
  seed?: number;
  /** Documents from the ordinary templates. */
  documents?: number;
  /** Hard-negative documents. */
  hardNegatives?: number;
  /** Include the hand-written one-off documents (default true). */
  handwritten?: boolean;
}

/** The evaluation corpus: deterministic for a given seed. */
export function buildCorpus(opts: CorpusOptions = {}): CorpusDoc[] {
  const r = makeRng(opts.seed ?? 20261123);
  const n = opts.documents ?? 380;
  const h = opts.hardNegatives ?? 120;
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < n; i++) docs.push(renderTemplate(TEMPLATES[i % TEMPLATES.length], r, `doc-${i}`));
  if (opts.handwritten !== false) {
    HANDWRITTEN.forEach((t, i) => {
      docs.push(renderTemplate(t, r, `hand-${i}`, 0));
    });
  }
  for (let i = 0; i < h; i++) {
    docs.push(renderTemplate(HARD_NEGATIVE_TEMPLATES[i % HARD_NEGATIVE_TEMPLATES.length], r, `neg-${i}`));
  }
  return docs;
}

/** Documents without identifiers (notices, minutes, letters), deterministic for a seed. */
export function buildProse(seed: number, documents: number): CorpusDoc[] {
  const r = makeRng(seed);
  const out: CorpusDoc[] = [];
  for (let i = 0; i < documents; i++) {
    out.push(renderTemplate(CLEAN_TEMPLATES[i % CLEAN_TEMPLATES.length], r, `prose-${seed}-${i}`));
  }
  return out;
}
