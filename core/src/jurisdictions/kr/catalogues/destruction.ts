// KR destruction methods [D5]. Mokpo (000 제6조 파기방법) lists three full methods and two for partial
// destruction; Gunsan (001 제7조③2) one per medium. `attributes.medium` is electronic, paper or any.
import type { CatalogueEntry } from "../../../registry/catalogue";

export const krDestructionMethods: CatalogueEntry[] = [
  {
    code: "physical",
    group: "full",
    names: { ko: "완전파괴(소각·파쇄 등)", en: "Physical destruction (incineration, shredding)" },
    source: "[000 제6조 파기방법 1가]",
    attributes: { medium: "any" },
  },
  {
    code: "degauss",
    group: "full",
    names: { ko: "전용 소자장비를 이용하여 삭제", en: "Erasure with a dedicated degausser" },
    source: "[000 제6조 파기방법 1나]",
    attributes: { medium: "electronic" },
  },
  {
    code: "overwrite",
    group: "full",
    names: {
      ko: "데이터가 복원되지 않도록 초기화 또는 덮어쓰기 수행",
      en: "Initialise or overwrite so the data cannot be restored",
    },
    source: "[000 제6조 파기방법 1다]",
    attributes: { medium: "electronic" },
  },
  {
    code: "irreversible_technical",
    group: "full",
    names: {
      ko: "재생할 수 없는 기술적 방법을 사용하여 파기",
      en: "Destroy electronic files by a technical method that prevents recovery",
    },
    source: "[001 제7조③2가]",
    attributes: { medium: "electronic" },
  },
  {
    code: "shred_paper",
    group: "full",
    names: { ko: "파쇄", en: "Shredding (non-electronic files)" },
    source: "[001 제7조③2나]",
    attributes: { medium: "paper" },
  },
  {
    code: "partial_electronic",
    group: "partial",
    names: {
      ko: "개인정보를 삭제한 후 복구 및 재생되지 않도록 관리 및 감독",
      en: "Partial: delete the data and supervise that it cannot be recovered or replayed",
    },
    source: "[000 제6조 파기방법 2가]",
    attributes: { medium: "electronic" },
  },
  {
    code: "partial_paper",
    group: "partial",
    names: {
      ko: "해당 부분을 마스킹, 천공 등으로 삭제",
      en: "Partial: remove the part by masking or punching",
    },
    source: "[000 제6조 파기방법 2나]",
    attributes: { medium: "paper" },
  },
].map((e) => ({ ...e, article: "개인정보 보호법 제21조; 시행령 제16조" }));
