// Turns a template, the rule pack and the caller's data into the layout model of one letter. Pure: the
// server measures text and draws; this decides what the letter says and in which order.
import { catalogueOf, getRulePack, type Jurisdiction } from "../jurisdictions/index";
import type { CatalogueEntry } from "../registry/catalogue";
import { localizeArticle } from "./articles";
import { COURTESY_NAMES } from "./courtesy-names";
import { type BodyBuilder, krFrame, twFrame } from "./frames";
import { formatAmount, formatLetterDate, formatLetterDateTime, LABELS } from "./labels";
import { REMEDY_PERIODS } from "./remedy-periods";
import { type LetterFieldId, missingFields } from "./required-fields";
import { krLetterTemplates } from "./templates/kr";
import { twLetterTemplates } from "./templates/tw";
import {
  type LayoutBlock,
  type LetterData,
  type LetterKind,
  type LetterLayout,
  type LetterLocale,
  type LetterTemplateSet,
  type LetterTemplateText,
  letterDataSchema,
  type TemplateParagraph,
} from "./types";

export const LETTER_TEMPLATES: Record<Jurisdiction, LetterTemplateSet> = {
  KR: krLetterTemplates,
  TW: twLetterTemplates,
};

/**
 * A letter cannot be made; `code` is stable ("kind_not_available", "unknown_ground", "invalid_data",
 * "missing_field": a field the law requires would not be printed; details list them with their source and the
 * profile field or letter data that supplies them).
 */
export class LetterError extends Error {
  constructor(
    public readonly code: "kind_not_available" | "unknown_ground" | "invalid_data" | "missing_field",
    public readonly details?: unknown,
  ) {
    super(code);
  }
}

export interface LetterAgency {
  name: string;
  nameEn?: string | null;
  address?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  homepage?: string | null;
  /** Head of agency: KR the issuing title ("한빛시장"); TW title and name (行政程序法 §96①4: "區長", "林○○"). */
  headTitle?: string | null;
  headName?: string | null;
  /** Where an appeal is filed: KR the 행정심판위원회; TW the 訴願 body (for a district office, the city government). */
  appealBody?: string | null;
}

export interface ComposeInput {
  jurisdiction: Jurisdiction;
  kind: LetterKind;
  locale: LetterLocale;
  number: string;
  issuedAt: Date;
  timeZone: string;
  agency: LetterAgency;
  data: unknown;
}

/** Letter kinds the agency's rule pack has templates for. */
export function letterKindsFor(jurisdiction: Jurisdiction): LetterKind[] {
  return Object.keys(LETTER_TEMPLATES[jurisdiction].kinds) as LetterKind[];
}

export function templateFor(
  jurisdiction: Jurisdiction,
  kind: LetterKind,
  locale: LetterLocale,
): LetterTemplateText {
  const t = LETTER_TEMPLATES[jurisdiction].kinds[kind]?.[locale];
  if (!t) throw new LetterError("kind_not_available", { jurisdiction, kind, locale });
  return t;
}

/** Callers copy database rows: a null means "not given", like a missing key. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== null && x !== undefined)
        .map(([k, x]) => [k, dropNulls(x)]),
    );
  }
  return v;
}

export function parseLetterData(data: unknown): LetterData {
  const r = letterDataSchema.safeParse(dropNulls(data));
  if (!r.success) {
    throw new LetterError(
      "invalid_data",
      r.error.issues.map((i) => ({ path: `/${i.path.join("/")}`, message: i.message })),
    );
  }
  return r.data;
}

function courtesyName(code: string, locale: LetterLocale): string | undefined {
  for (const names of Object.values(COURTESY_NAMES)) {
    const hit = names[code]?.[locale];
    if (hit) return hit;
  }
  return undefined;
}

/** Entry name in the letter's language (catalogue, else courtesy translation); else English; else official. */
function nameOf(e: CatalogueEntry, locale: LetterLocale, official: LetterLocale): string {
  return e.names[locale] ?? courtesyName(e.code, locale) ?? e.names.en ?? e.names[official] ?? e.code;
}

// Which catalogues hold the grounds a kind may cite, most specific first.
const GROUND_CATALOGUES: Partial<Record<LetterKind, string[]>> = {
  pipa_access_decision: ["accessLimitGrounds"],
  pipa_access_deferral_refusal: ["accessLimitGrounds"],
  pipa_correction_result: ["deletionRefusalGrounds"],
  pipa_suspension_result: ["suspensionRefusalGrounds"],
  foi_decision: ["disclosureGrounds"],
  tw_foi_decision: ["disclosureGrounds"],
};
const ALL_GROUND_CATALOGUES: Record<Jurisdiction, string[]> = {
  KR: ["accessLimitGrounds", "deletionRefusalGrounds", "suspensionRefusalGrounds"],
  TW: ["refusalGrounds"],
};

export function findGround(jurisdiction: Jurisdiction, kind: LetterKind, code: string): CatalogueEntry {
  const ids = [...(GROUND_CATALOGUES[kind] ?? []), ...ALL_GROUND_CATALOGUES[jurisdiction]];
  for (const id of ids) {
    const hit = catalogueOf(jurisdiction, id)?.entries.find((e) => e.code === code);
    if (hit) return hit;
  }
  throw new LetterError("unknown_ground", { code });
}

const CJK_NUMERALS = "一二三四五六七八九十";
export function cjkNumber(n: number): string {
  if (n <= 10) return CJK_NUMERALS[n - 1];
  if (n < 20) return `十${CJK_NUMERALS[n - 11]}`;
  return String(n);
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Fills {{name}}; returns null when a referenced variable (or `when`) is empty: the paragraph is left out. */
export function fill(p: string | TemplateParagraph, vars: Record<string, string | undefined>): string | null {
  const para = typeof p === "string" ? { text: p } : p;
  if (para.when && !vars[para.when]) return null;
  let missing = false;
  const text = para.text.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    if (!v) missing = true;
    return v ?? "";
  });
  return missing ? null : text;
}

export function composeLetter(input: ComposeInput): LetterLayout {
  const { jurisdiction, kind, locale, timeZone } = input;
  const tpl = templateFor(jurisdiction, kind, locale);
  const data = parseLetterData(input.data);
  const pack = getRulePack(jurisdiction);
  const official = pack.defaultLocale as LetterLocale;
  const L = LABELS[locale];
  const date = (v?: string) => (v ? formatLetterDate(v, locale, timeZone) : undefined);
  const dateTime = (v?: string) => (v ? formatLetterDateTime(v, locale, timeZone) : undefined);
  const agencyName = locale === "en" && input.agency.nameEn ? input.agency.nameEn : input.agency.name;
  const issuedDate = formatLetterDate(input.issuedAt, locale, timeZone);

  const requestKind = data.requestKind
    ? catalogueOf(jurisdiction, "requestKinds")?.entries.find((e) => e.code === data.requestKind)
    : undefined;
  const fees = data.fees;
  const currency = fees?.currency ?? (jurisdiction === "TW" ? "TWD" : "KRW");
  // Access notices always state the fee and the postage; nothing charged is printed as 0 (PIPA §38③).
  const feeTotal = fees?.waived ? L.fees.waived : formatAmount(fees?.total ?? 0, currency, locale);
  const method = data.delivery?.method;
  const unit = data.contact?.unit;
  const vars: Record<string, string | undefined> = {
    recipientName: data.recipient.name,
    recipientEmail: data.recipient.email,
    recipientAddress: data.recipient.address,
    agencyName,
    requestNumber: data.requestNumber,
    receivedDate: date(data.receivedAt),
    requestKind: requestKind ? nameOf(requestKind, locale, official) : data.requestKind,
    requestContent: data.requestContent,
    decisionDate: date(data.decidedAt),
    dueDate: date(data.dueAt),
    newDueDate: date(data.newDueAt),
    extensionReason: data.extensionReason,
    transferTo: data.transferTo,
    fixByDate: date(data.fixBy),
    missing: data.missing,
    deliveryMethod: method ? L.delivery[method] : undefined,
    appointmentAt: dateTime(data.delivery?.appointmentAt),
    // Viewing happens at the officer's unit in the agency unless the appointment names another place.
    location:
      data.delivery?.location ?? ([unit, input.agency.address].filter(Boolean).join(", ") || undefined),
    companion: data.delivery?.companion,
    routeInPerson: method === "in_person" ? "1" : undefined,
    routeDownload: method === "download" ? "1" : undefined,
    routeEmail: method === "email" ? "1" : undefined,
    routePost: method === "post" ? "1" : undefined,
    downloadRoute: data.delivery?.route,
    feeTotal,
    postage: formatAmount(fees?.postage ?? 0, currency, locale),
    summary: data.summary,
    noticeFacts: data.notice?.facts,
    noticeMeasures: data.notice?.measures,
    noticeAdvice: data.notice?.advice,
    noticeContact: data.notice?.contact,
    noticeCompensation: data.notice?.compensation,
    transferredTo: typeof data.transferredTo === "string" ? data.transferredTo : undefined,
    appealBody: input.agency.appealBody ?? undefined,
    objectionDays: String(REMEDY_PERIODS.KR.objection.days),
    objectionTo: unit ? `${agencyName} ${unit}` : agencyName,
  };

  const blocks: LayoutBlock[] = [];
  const printed = new Set<LetterFieldId>();
  const dropped = new Set<LetterFieldId>();
  const push = (b: LayoutBlock) => {
    for (const f of b.fields ?? []) printed.add(f);
    blocks.push(b);
  };
  const numbered = tpl.numbering === "cjk";
  let n = 0;
  /** A template paragraph: left out when its `when` is empty; a required one with an empty value is dropped. */
  const paragraph = (p: string | TemplateParagraph, number = numbered) => {
    const para = typeof p === "string" ? { text: p } : p;
    if (para.when && !vars[para.when]) return;
    const text = fill(para, vars);
    if (text === null) {
      if (para.field) dropped.add(para.field);
      return;
    }
    const fields = para.field ? [para.field] : undefined;
    if (number) {
      n += 1;
      push({ type: "paragraph", text: `${cjkNumber(n)}、${text}`, indent: 0, fields });
    } else push({ type: "paragraph", text, fields });
  };

  const body: BodyBuilder = () => {
    for (const p of tpl.paragraphs) paragraph(p);
    sections();
    for (const p of tpl.after ?? []) paragraph(p);
    push({ type: "citation", text: `${L.citation}${tpl.citation}`, fields: ["legalBasis"] });
    if (tpl.remedy) {
      // In a 函 the remedy is the last numbered 說明 item; elsewhere it has its own heading.
      if (!numbered) push({ type: "heading", text: tpl.remedy.heading });
      for (const p of tpl.remedy.paragraphs) paragraph(p);
      if (tpl.remedy.listBodies) push({ type: "list", marker: "bullet", items: remedyBodyLines() });
    }
  };

  // Per-item decisions and the grounds they cite (C8-C10, C6), then the fee table.
  const sections = () => {
    const cited = new Map<string, CatalogueEntry>();
    const article = (e: CatalogueEntry) =>
      e.article ? localizeArticle(jurisdiction, e.article, locale) : undefined;
    const paren = (t: string) => (locale === "zh-TW" ? `（${t}）` : ` (${t})`);
    const groundText = (e: CatalogueEntry) =>
      `${nameOf(e, locale, official)}${e.article ? paren(article(e) ?? "") : ""}`;
    if (data.items?.length && tpl.itemsHeading) {
      const tableRows = data.items.map((item) => {
        const reason: string[] = [];
        if (item.groundCode) {
          const g = findGround(jurisdiction, kind, item.groundCode);
          cited.set(g.code, g);
          reason.push(article(g) ?? nameOf(g, locale, official));
        }
        if (item.deferUntil) reason.push(`~ ${date(item.deferUntil)}`);
        if (item.note) reason.push(item.note);
        return [
          item.label,
          item.action ? (L.actions[item.action] ?? item.action) : "",
          item.decision ? L.decisions[item.decision] : "",
          reason.join(" / ") || "—",
        ];
      });
      push({ type: "heading", text: tpl.itemsHeading });
      push({
        type: "table",
        columns: [L.columns.item, L.columns.action, L.columns.decision, L.columns.reason],
        widths: [0.3, 0.2, 0.14, 0.36],
        rows: tableRows,
      });
    }
    for (const code of data.groundCodes ?? []) {
      const g = findGround(jurisdiction, kind, code);
      cited.set(g.code, g);
    }
    if (cited.size && tpl.groundsHeading) {
      push({ type: "heading", text: tpl.groundsHeading });
      push({ type: "list", marker: "number", items: [...cited.values()].map(groundText) });
    }
    if (fees?.items?.length) {
      push({ type: "heading", text: L.fees.heading });
      push({
        type: "table",
        columns: [L.fees.item, L.fees.amount],
        widths: [0.7, 0.3],
        rows: [
          ...fees.items.map((f) => [f.label, formatAmount(f.amount, currency, locale)]),
          [L.fees.total, feeTotal],
        ],
      });
    }
  };

  // Bodies reached by phone (H4); 행정심판 itself is explained by the paragraphs above (C18).
  const remedyBodyLines = () =>
    (catalogueOf(jurisdiction, "remedyBodies")?.entries ?? [])
      .filter((b) => b.attributes?.phone)
      .map((b) => {
        const a = b.attributes ?? {};
        const phone = `${L.contact.phone} ${a.phone}${a.altPhone ? ` (${a.altPhone})` : ""}`;
        return [nameOf(b, locale, official), phone, a.url ? String(a.url) : ""].filter(Boolean).join(" · ");
      });

  const frame = jurisdiction === "KR" ? krFrame : twFrame;
  frame({ input, data, tpl, L, agencyName, issuedDate, vars, push, body });

  const present = new Set([...printed].filter((f) => !dropped.has(f)));
  const missing = missingFields(jurisdiction, kind, present);
  if (missing.length) throw new LetterError("missing_field", missing);

  return {
    kind,
    locale,
    jurisdiction,
    number: input.number,
    title: tpl.title,
    issuedDate,
    templateVersion: LETTER_TEMPLATES[jurisdiction].version,
    meta: {
      title: `${tpl.title} ${input.number}`,
      subject: tpl.subject,
      author: agencyName,
      language: locale,
    },
    blocks,
    footer: `${agencyName} · ${input.number}`,
  };
}

/** Sample data for template previews (no real person). */
export function sampleLetterData(jurisdiction: Jurisdiction, kind: LetterKind): LetterData {
  const kr = jurisdiction === "KR";
  const groundCatalogue = (GROUND_CATALOGUES[kind] ?? ALL_GROUND_CATALOGUES[jurisdiction])[0];
  const ground = catalogueOf(jurisdiction, groundCatalogue)?.entries[0]?.code;
  const refusing = /refus|deferral/.test(kind);
  return {
    recipient: { name: kr ? "홍길동" : "王小明", address: kr ? "한빛시 중앙로 1" : "臺北市信義區市府路1號" },
    requestNumber: "RQ-2026-000012",
    receivedAt: "2026-11-02T01:30:00Z",
    requestKind: kr ? "access" : "inspection",
    requestContent: kr ? "주민등록 관련 민원 처리 내역 열람" : "閱覽本人陳情案件紀錄",
    items: [
      { label: kr ? "민원처리 대장" : "陳情案件資料檔", action: kr ? "열람" : "閱覽", decision: "granted" },
      {
        label: kr ? "세무조사 자료" : "政風調查資料",
        action: kr ? "열람" : "閱覽",
        decision: refusing ? "refused" : "partly",
        ...(ground ? { groundCode: ground } : {}),
      },
    ],
    dueAt: "2026-11-16",
    newDueAt: "2026-11-30",
    extensionReason: kr
      ? "대상 기록이 여러 부서에 분산되어 있어 확인에 시간이 필요함"
      : "所涉資料分散於多個單位，需時查核",
    missing: kr ? "위임장 원본" : "委任書正本",
    transferTo: kr ? "한빛도청" : "臺北市政府",
    fixBy: "2026-12-04",
    delivery: {
      method: "in_person",
      appointmentAt: "2026-11-20T05:00:00Z",
      location: kr ? "한빛시청 2층 민원실" : "市府大樓北區2樓",
      companion: kr ? "개인정보보호팀 주무관" : "政風處承辦人",
    },
    fees: kr
      ? undefined
      : { items: [{ label: "閱覽機關檔案（2小時）", amount: 20 }], total: 20, currency: "TWD" },
    notice: {
      facts: kr ? "2026. 11. 1. 민원 대장 일부가 외부로 발송됨" : "115年11月1日陳情資料誤寄他人",
      measures: kr ? "발송 자료 회수 및 접근 차단" : "已收回資料並停止存取",
      advice: kr ? "의심스러운 연락에 주의" : "請留意可疑來電",
      contact: kr ? "개인정보보호팀 061-000-0000" : "政風處 02-0000-0000",
      compensation: kr ? "재발급 비용 전액 보상" : "補發費用全額補償",
    },
    contact: {
      unit: kr ? "개인정보보호팀" : "政風處第三科",
      officer: kr ? "김담당" : "李承辦",
      phone: kr ? "061-000-0000" : "02-0000-0000",
    },
  };
}
