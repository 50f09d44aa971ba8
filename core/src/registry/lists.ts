// The code lists the register uses, looked up in the agency's rule pack by catalogue id (rules as data:
// no branching on the country). A list the pack does not ship is empty; screens and the xlsx template then
// leave it out and the field stays free text.
import { catalogueOf, type Jurisdiction } from "../jurisdictions/index";
import {
  type CatalogueEntry,
  type CatalogueLocale,
  entryName,
  mergeCatalogue,
  mergeOptionsOf,
} from "./catalogue";

export const REGISTRY_LISTS = {
  purposes: ["specificPurposes"],
  dataCategories: ["dataCategories"],
  legalBases: ["collectionBases"],
  provisionGrounds: ["provisionBases", "collectionBases"],
  outOfPurposeGrounds: ["outOfPurposeGrounds"],
  sensitiveClasses: ["sensitiveData"],
  uniqueIdentifiers: ["uniqueIdentifiers"],
  entrustmentClauses: ["entrustmentClauses", "entrustmentChecklist"],
  destructionMethods: ["destructionMethods"],
  retentionClasses: ["recordsRetentionClasses"],
  riskFactors: ["riskFactors"],
} as const satisfies Record<string, readonly string[]>;

export type RegistryListId = keyof typeof REGISTRY_LISTS | "itemKinds";
export type RegistryLists = Record<RegistryListId, CatalogueEntry[]>;

/**
 * Declared item types. Subject search matches a person's identifier against these, so a file that holds
 * phone numbers must say so. `uniqueIdentifier` / `sensitive` give the default flags for the kind.
 */
export const ITEM_KINDS: CatalogueEntry[] = [
  { code: "name", names: { ko: "성명", "zh-TW": "姓名", en: "Name" } },
  { code: "birthdate", names: { ko: "생년월일", "zh-TW": "出生年月日", en: "Date of birth" } },
  {
    code: "rrn",
    names: { ko: "주민등록번호", "zh-TW": "韓國居民登錄號碼", en: "Resident registration number" },
    uniqueIdentifier: true,
  },
  {
    code: "tw_id",
    names: { ko: "대만 신분증번호", "zh-TW": "國民身分證統一編號", en: "TW national ID number" },
    uniqueIdentifier: true,
  },
  {
    code: "passport",
    names: { ko: "여권번호", "zh-TW": "護照號碼", en: "Passport number" },
    uniqueIdentifier: true,
  },
  {
    code: "driver_licence",
    names: { ko: "운전면허번호", "zh-TW": "駕照號碼", en: "Driver's licence number" },
    uniqueIdentifier: true,
  },
  {
    code: "alien_registration",
    names: { ko: "외국인등록번호", "zh-TW": "外國人登錄號碼", en: "Alien registration number" },
    uniqueIdentifier: true,
  },
  {
    code: "arc",
    names: { ko: "거류증번호", "zh-TW": "居留證號碼", en: "Resident certificate (ARC) number" },
    uniqueIdentifier: true,
  },
  { code: "phone", names: { ko: "전화번호", "zh-TW": "電話號碼", en: "Phone number" } },
  { code: "email", names: { ko: "전자우편", "zh-TW": "電子郵件", en: "E-mail address" } },
  { code: "address", names: { ko: "주소", "zh-TW": "地址", en: "Address" } },
  { code: "account", names: { ko: "계좌번호", "zh-TW": "帳戶號碼", en: "Bank account" } },
  { code: "vehicle", names: { ko: "차량번호", "zh-TW": "車牌號碼", en: "Vehicle number" } },
  { code: "photo", names: { ko: "사진·영상", "zh-TW": "照片影像", en: "Photo or video" } },
  {
    code: "biometric",
    names: { ko: "생체정보", "zh-TW": "生物特徵", en: "Biometric data" },
    sensitive: true,
  },
  { code: "health", names: { ko: "건강정보", "zh-TW": "健康資料", en: "Health data" }, sensitive: true },
  { code: "other", names: { ko: "기타", "zh-TW": "其他", en: "Other" } },
];

export const ITEM_KIND_CODES: readonly string[] = ITEM_KINDS.map((k) => k.code);

/** The register's lists for a jurisdiction, with the agency's local entries merged in (item 2). */
export function registryLists(
  jurisdiction: Jurisdiction,
  local: Partial<Record<string, readonly unknown[]>> = {},
): RegistryLists {
  const out = { itemKinds: ITEM_KINDS } as RegistryLists;
  for (const [listId, ids] of Object.entries(REGISTRY_LISTS) as Array<
    [keyof typeof REGISTRY_LISTS, readonly string[]]
  >) {
    const def = ids.map((id) => catalogueOf(jurisdiction, id)).find((d) => d);
    // Every list, risk factors included, comes from the agency's own pack: never another country's.
    let entries: CatalogueEntry[] = def ? [...def.entries] : [];
    const extra = def ? local[def.id] : undefined;
    if (def && extra?.length) entries = mergeCatalogue(entries, extra, mergeOptionsOf(def));
    out[listId] = entries;
  }
  return out;
}

/** The catalogue id behind a register list in this jurisdiction (for local additions), if any. */
export function catalogueIdOf(
  jurisdiction: Jurisdiction,
  listId: keyof typeof REGISTRY_LISTS,
): string | undefined {
  return REGISTRY_LISTS[listId].find((id) => catalogueOf(jurisdiction, id));
}

const codeSets = new WeakMap<readonly CatalogueEntry[], [Set<string>, Set<string>]>();

/** Codes of a list (memoised per list: validation asks for the same sets once per imported row). */
export function codeSet(entries: readonly CatalogueEntry[], includeDeleted = false): ReadonlySet<string> {
  let pair = codeSets.get(entries);
  if (!pair) {
    pair = [
      new Set(entries.filter((e) => !e.deletedOn).map((e) => e.code)),
      new Set(entries.map((e) => e.code)),
    ];
    codeSets.set(entries, pair);
  }
  return includeDeleted ? pair[1] : pair[0];
}

export function labelled(entries: readonly CatalogueEntry[], locale: CatalogueLocale) {
  return entries.map((e) => ({
    code: e.code,
    name: entryName(e, locale, ["ko", "zh-TW"]),
    ...(e.group ? { group: e.group } : {}),
    ...(e.article ? { article: e.article } : {}),
    ...(e.verify ? { verify: true } : {}),
    /** False while the text is not confirmed against the official list (screens show a marker). */
    confirmed: !e.verify,
    ...(e.local ? { local: true } : {}),
    ...(e.official ? { official: true } : {}),
  }));
}

const KIND_HINTS: Array<[RegExp, string]> = [
  [/주민등록번호|居民登錄|resident registration|\bRRN\b/i, "rrn"],
  [/身分證|신분증|national id/i, "tw_id"],
  [/여권|護照|passport/i, "passport"],
  [/운전면허|駕照|driver/i, "driver_licence"],
  [/외국인등록|外國人登錄|alien/i, "alien_registration"],
  [/居留證|거류|\bARC\b/i, "arc"],
  [/생년월일|出生|birth/i, "birthdate"],
  [/전화|휴대폰|연락처|電話|手機|phone|mobile/i, "phone"],
  [/전자우편|이메일|電子郵件|信箱|e-?mail/i, "email"],
  [/주소|地址|住址|address/i, "address"],
  [/계좌|帳戶|account/i, "account"],
  [/차량|車牌|vehicle/i, "vehicle"],
  [/사진|영상|照片|影像|photo|video/i, "photo"],
  [/지문|홍채|생체|指紋|生物特徵|biometric|fingerprint/i, "biometric"],
  [/건강|병력|病歷|醫療|健康|health|medical/i, "health"],
  [/성명|이름|姓名|^name$|full name/i, "name"],
];

/** Best guess of an item's kind from its label, for items declared without one. */
export function inferItemKind(label: string): string | null {
  for (const [re, kind] of KIND_HINTS) if (re.test(label)) return kind;
  return null;
}
