// KR rights-request kinds [C1] mapped to the statutory clocks of the calendar engine (PIPA Art. 35–37 with
// Enforcement Decree Art. 41, 43, 44: 10 days each).
import type { CatalogueEntry } from "../../../registry/catalogue";

const KINDS: CatalogueEntry[] = [
  {
    code: "access",
    names: { ko: "개인정보 열람", en: "Access" },
    article: "개인정보 보호법 제35조",
    deadlineKind: "pipa_access",
  },
  {
    code: "correction_deletion",
    names: { ko: "개인정보 정정·삭제", en: "Correction or deletion" },
    article: "개인정보 보호법 제36조",
    deadlineKind: "pipa_correction",
  },
  {
    code: "suspension",
    names: { ko: "개인정보 처리정지", en: "Suspension of processing" },
    article: "개인정보 보호법 제37조",
    deadlineKind: "pipa_suspension",
  },
];

export const krRequestKinds: CatalogueEntry[] = KINDS.map((e) => ({
  ...e,
  source: "[000 제5조; 001 제5조]",
}));
