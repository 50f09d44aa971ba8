import { inferItemKind } from "@civicpims/core/registry/lists";

/**
 * Register drift (issue 7 item 7, B8): which identifier types found in a sample export of a system are
 * not declared among the register file's items. Pure: no I/O.
 */

/** Detector type -> the register's item kind (docs/api-registry.md itemKinds). */
export const KIND_OF_TYPE: Record<string, { kind: string; unique: boolean }> = {
  KR_RRN: { kind: "rrn", unique: true },
  KR_FRN: { kind: "alien_registration", unique: true },
  KR_PASSPORT: { kind: "passport", unique: true },
  KR_DRIVER: { kind: "driver_licence", unique: true },
  TW_ID: { kind: "tw_id", unique: true },
  TW_ARC: { kind: "arc", unique: true },
  KR_PHONE: { kind: "phone", unique: false },
  TW_PHONE: { kind: "phone", unique: false },
  EMAIL: { kind: "email", unique: false },
  KR_BANK_ACCOUNT: { kind: "account", unique: false },
  CREDIT_CARD: { kind: "account", unique: false },
  PERSON_NAME: { kind: "name", unique: false },
  DATE_OF_BIRTH: { kind: "birthdate", unique: false },
};

/**
 * Sensitive classes a column header can reveal (the values themselves are not detectable), with the
 * catalogue codes (KR and TW) that declare them.
 */
export const SENSITIVE_HEADERS: Array<{ cls: string; codes: string[]; words: RegExp }> = [
  {
    cls: "health",
    codes: ["health", "medical_record", "medical_care", "health_check"],
    words:
      /건강|병명|질병|질환|진단|병력|장애|의료|病歷|病名|醫療|健康|診斷|疾病|身心障礙|diagnos|medical|health|disease|disabilit/i,
  },
  {
    cls: "criminal_record",
    codes: ["criminal_record"],
    words: /범죄|전과|수형|前科|犯罪|criminal|conviction/i,
  },
  {
    cls: "biometric",
    codes: ["biometric"],
    words: /생체|지문|홍채|정맥|指紋|虹膜|生物特徵|biometric|fingerprint|iris/i,
  },
  { cls: "genetic", codes: ["genetic"], words: /유전|基因|genetic|\bDNA\b/i },
  { cls: "belief", codes: ["belief"], words: /종교|신념|사상|宗教|信仰|religio/i },
  {
    cls: "union_party",
    codes: ["union_party", "political_opinion"],
    words: /노동조합|노조|정당|정치|工會|政黨|trade union|political/i,
  },
  {
    cls: "sex_life",
    codes: ["sex_life"],
    words: /성생활|성적\s*지향|性生活|性取向|sex life|sexual orientation/i,
  },
];

export interface DeclaredItem {
  name: string;
  kind: string | null;
  sensitive: boolean;
  uniqueIdentifier: boolean;
  classCode: string | null;
}

export interface DriftInput {
  items: DeclaredItem[];
  itemKinds: string[];
  /** Detector type -> count in the sample. */
  found: Record<string, number>;
  /** Column headers of the sample (csv header line, first row of each sheet). */
  headers: string[];
}

export interface DriftResult {
  undeclaredUnique: string[];
  undeclaredOther: string[];
  undeclaredSensitive: string[];
  /** Header -> sensitive class, for the evidence list. */
  sensitiveHeaders: Array<{ header: string; cls: string }>;
}

export function compareWithRegister(input: DriftInput): DriftResult {
  const declared = new Set<string>(input.itemKinds);
  for (const i of input.items) {
    // Items saved before kinds were inferred carry none: read the kind from the item's name.
    const kind = i.kind ?? inferItemKind(i.name);
    if (kind) declared.add(kind);
    if (i.classCode) declared.add(i.classCode);
  }
  const unique = new Set<string>();
  const other = new Set<string>();
  for (const [type, n] of Object.entries(input.found)) {
    const m = KIND_OF_TYPE[type];
    if (!m || n <= 0 || declared.has(m.kind)) continue;
    (m.unique ? unique : other).add(m.kind);
  }
  const sensitiveCodes = new Set(
    input.items.filter((i) => i.sensitive && i.classCode).map((i) => i.classCode as string),
  );
  const sensitiveHeaders: DriftResult["sensitiveHeaders"] = [];
  const sensitive = new Set<string>();
  for (const header of input.headers) {
    for (const s of SENSITIVE_HEADERS) {
      if (!s.words.test(header)) continue;
      sensitiveHeaders.push({ header, cls: s.cls });
      if (!s.codes.some((c) => sensitiveCodes.has(c) || declared.has(c))) sensitive.add(s.cls);
    }
  }
  return {
    undeclaredUnique: [...unique].sort(),
    undeclaredOther: [...other].sort(),
    undeclaredSensitive: [...sensitive].sort(),
    sensitiveHeaders,
  };
}
