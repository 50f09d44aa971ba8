// Remedy bodies the KR privacy policy must list [H4, F6, C18], with the numbers given in the seeds
// (000 제10조; 001 제12조). Mokpo also shows 1688-0070 for the mediation committee: kept as `altPhone`.
import type { CatalogueEntry } from "../../../registry/catalogue";

const BASE: CatalogueEntry[] = [
  {
    code: "kisa_118",
    names: {
      ko: "개인정보침해 신고센터 (한국인터넷진흥원 운영)",
      en: "Personal Information Infringement Report Center (run by KISA)",
    },
    description: { ko: "개인정보 침해사실 신고, 상담 신청", en: "Reports of infringement and counselling" },
    attributes: { phone: "118", url: "privacy.kisa.or.kr" },
  },
  {
    code: "kopico",
    names: { ko: "개인정보 분쟁조정위원회", en: "Personal Information Dispute Mediation Committee" },
    description: {
      ko: "개인정보 분쟁조정신청, 집단분쟁조정 (민사적 해결)",
      en: "Dispute mediation and collective mediation (civil resolution)",
    },
    attributes: { phone: "1833-6972", altPhone: "1688-0070", url: "www.kopico.go.kr" },
  },
  {
    code: "spo_1301",
    names: { ko: "대검찰청 사이버범죄수사과", en: "Supreme Prosecutors' Office, Cyber Crime Investigation" },
    attributes: { phone: "1301", url: "www.spo.go.kr" },
  },
  {
    code: "police_182",
    names: { ko: "경찰청 사이버수사국", en: "Korean National Police Agency, Cyber Investigation Bureau" },
    attributes: { phone: "182", url: "ecrm.cyber.go.kr" },
  },
  {
    code: "admin_appeal",
    names: { ko: "행정심판", en: "Administrative appeal" },
    article: "행정심판법",
    description: {
      ko: "열람, 정정·삭제, 처리정지 요구에 대한 공공기관의 장의 처분 또는 부작위로 권리 또는 이익을 침해받은 자는 행정심판을 청구할 수 있습니다.",
      en: "Anyone whose rights were infringed by a disposition or inaction on an access, correction/deletion or suspension request may file an administrative appeal",
    },
  },
];

export const krRemedyBodies: CatalogueEntry[] = BASE.map((e) => ({
  ...e,
  source: "[000 제10조; 001 제12조]",
}));
