// Risk self-check factors for KR agencies (E10 on the register's risk form).
//
// The KR seeds do not list risk-assessment factors: E10's seven factors come from a Taipei regulation
// ([004 三十八]) and do not apply to Korean agencies. What the KR seeds do list, in the privacy policies of
// two cities, are seven safeguard measures ([000 제7조] 1..7, summarised in [001 제8조] as administrative,
// technical and physical measures). They serve here as self-check factors: each is scored on the project's
// suggested 1..5 scale (1 = in place and checked .. 5 = missing), like the TW factors.
//
// Every entry is flagged `verify`: this is not Korea's official impact-assessment or self-check list, which
// the seeds do not give. An agency should compare it with the checklist it actually uses and may add its
// own factors as local entries.
import type { CatalogueEntry } from "../../../registry/catalogue";

const NOTE = {
  ko: "공식 점검표와 대조 전: 시드 자료의 안전성 확보조치 항목을 점검 항목으로 사용합니다.",
  en: "Not yet checked against an official checklist: the safeguard measures named in the seed privacy policies, used as self-check items.",
};

export const krRiskFactors: CatalogueEntry[] = [
  {
    code: "internal_plan",
    names: { ko: "내부관리계획의 수립 및 시행", en: "Internal management plan drawn up and carried out" },
    description: {
      ko: "1: 수립·연 1회 이상 이행 점검 .. 5: 없음",
      en: "1: in place, checked yearly .. 5: none",
    },
  },
  {
    code: "handler_minimisation",
    names: {
      ko: "개인정보 취급담당자의 최소화 및 교육",
      en: "Fewest possible handlers, and their training",
    },
    description: {
      ko: "1: 필요 인원만 지정·정기 교육 .. 5: 제한·교육 없음",
      en: "1: only those needed, trained .. 5: neither",
    },
  },
  {
    code: "access_control",
    names: { ko: "개인정보에 대한 접근 제한", en: "Access to personal data restricted" },
    description: {
      ko: "1: 접근권한 부여·변경·말소 관리, 침입차단 .. 5: 통제 없음",
      en: "1: rights granted, changed and revoked; intrusion blocking .. 5: no control",
    },
  },
  {
    code: "access_logs",
    names: { ko: "접속기록의 보관 및 위변조 방지", en: "Access logs kept and protected from tampering" },
    description: {
      ko: "1: 1년 이상 보관·보호 .. 5: 기록 없음",
      en: "1: kept a year or more, protected .. 5: no logs",
    },
  },
  {
    code: "encryption",
    names: { ko: "개인정보의 암호화", en: "Encryption of personal data" },
    description: {
      ko: "1: 저장·전송 시 암호화 .. 5: 평문",
      en: "1: encrypted at rest and in transit .. 5: plaintext",
    },
  },
  {
    code: "security_software",
    names: { ko: "보안프로그램의 설치 및 갱신", en: "Security software installed and updated" },
    description: {
      ko: "1: 설치·주기적 갱신·점검 .. 5: 없음",
      en: "1: installed, updated, checked .. 5: none",
    },
  },
  {
    code: "physical_access",
    names: { ko: "비인가자에 대한 출입 통제", en: "Physical entry of unauthorised persons controlled" },
    description: {
      ko: "1: 별도 보관 장소·출입통제 절차 .. 5: 통제 없음",
      en: "1: separate storage, entry procedure .. 5: no control",
    },
  },
].map((e, i) => ({
  ...e,
  description: { ko: `${e.description.ko} — ${NOTE.ko}`, en: `${e.description.en}. ${NOTE.en}` },
  source: `[000 제7조 ${i + 1}]`,
  order: i + 1,
  verify: true as const,
  attributes: { weight: 1, min: 1, max: 5 },
}));
