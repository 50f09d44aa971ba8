// KR grounds to limit or refuse rights requests, in the seeds' wording (000 제5조 and 001 제5조 agree):
// - access (열람) limits, PIPA Art. 35(4) [C8], each sub-item of item 3 separately so a decision cites it;
// - deletion refusal, Art. 36(1) proviso [C9];
// - suspension refusal, Art. 37(2) [C10].
import type { CatalogueEntry } from "../../../registry/catalogue";

const SRC = "[000 제5조; 001 제5조]";

const serious = "공공기관이 다음 업무를 수행할 때 중대한 지장을 초래하는 경우";

export const krAccessLimitGrounds: CatalogueEntry[] = [
  {
    code: "art35-4-1",
    names: {
      ko: "법률에 따라 열람이 금지되거나 제한되는 경우",
      en: "Access is prohibited or restricted by law",
    },
    article: "개인정보 보호법 제35조제4항제1호",
  },
  {
    code: "art35-4-2",
    names: {
      ko: "다른 사람의 생명·신체를 해할 우려가 있거나 다른 사람의 재산과 그 밖의 이익을 부당하게 침해할 우려가 있는 경우",
      en: "Risk of harm to another person's life or body, or of unfair harm to their property or other interests",
    },
    article: "개인정보 보호법 제35조제4항제2호",
  },
  {
    code: "art35-4-3-ga",
    group: "art35-4-3",
    names: {
      ko: "조세의 부과·징수 또는 환급에 관한 업무",
      en: "Serious obstruction of public duties: tax assessment, collection or refund",
    },
    article: "개인정보 보호법 제35조제4항제3호가목",
  },
  {
    code: "art35-4-3-na",
    group: "art35-4-3",
    names: {
      ko: "「초·중등교육법」 및 「고등교육법」에 따른 각급 학교, 「평생교육법」에 따른 평생교육시설, 그 밖의 다른 법률에 따라 설치된 고등교육기관에서의 성적 평가 또는 입학자 선발에 관한 업무",
      en: "Serious obstruction of public duties: grading or admissions at schools, lifelong-education facilities or other higher-education institutions",
    },
    article: "개인정보 보호법 제35조제4항제3호나목",
  },
  {
    code: "art35-4-3-da",
    group: "art35-4-3",
    names: {
      ko: "학력·기능 및 채용에 관한 시험, 자격 심사에 관한 업무",
      en: "Serious obstruction of public duties: examinations on academic ability, skills or recruitment, and qualification reviews",
    },
    article: "개인정보 보호법 제35조제4항제3호다목",
  },
  {
    code: "art35-4-3-ra",
    group: "art35-4-3",
    names: {
      ko: "보상금·급부금 산정 등에 대하여 진행 중인 평가 또는 판단에 관한 업무",
      en: "Serious obstruction of public duties: ongoing assessments or decisions on compensation or benefit amounts",
    },
    article: "개인정보 보호법 제35조제4항제3호라목",
  },
  {
    code: "art35-4-3-ma",
    group: "art35-4-3",
    names: {
      ko: "다른 법률에 따라 진행 중인 감사 및 조사에 관한 업무",
      en: "Serious obstruction of public duties: audits and investigations in progress under another law",
    },
    article: "개인정보 보호법 제35조제4항제3호마목",
  },
].map((e) => ({
  ...e,
  source: SRC,
  ...(e.group
    ? {
        description: { ko: serious, en: "Item 3: a public institution's duty would be seriously obstructed" },
      }
    : {}),
}));

export const krDeletionRefusalGrounds: CatalogueEntry[] = [
  {
    code: "art36-1-proviso",
    names: {
      ko: "다른 법령에서 그 개인정보가 수집 대상으로 명시되어 있는 경우",
      en: "Another law names the personal data as something to be collected",
    },
    article: "개인정보 보호법 제36조제1항 단서",
    source: SRC,
  },
];

export const krSuspensionRefusalGrounds: CatalogueEntry[] = [
  [
    "법률에 특별한 규정이 있거나 법령상 의무를 준수하기 위하여 불가피한 경우",
    "A law specially provides for it, or it is unavoidable to comply with a legal obligation",
  ],
  [
    "다른 사람의 생명·신체를 해할 우려가 있거나 다른 사람의 재산과 그 밖의 이익을 부당하게 침해할 우려가 있는 경우",
    "Risk of harm to another person's life or body, or of unfair harm to their property or other interests",
  ],
  [
    "공공기관이 개인정보를 처리하지 아니하면 다른 법률에서 정하는 소관 업무를 수행할 수 없는 경우",
    "The public institution cannot perform its duties under another law without processing the data",
  ],
  [
    "개인정보를 처리하지 아니하면 정보주체와 약정한 서비스를 제공하지 못하는 등 계약의 이행이 곤란한 경우로서 정보주체가 그 계약의 해지 의사를 명확하게 밝히지 아니한 경우",
    "Without processing, a contract with the data subject cannot be performed and the subject has not clearly ended it",
  ],
].map(([ko, en], i) => ({
  code: `art37-2-${i + 1}`,
  names: { ko, en },
  article: `개인정보 보호법 제37조제2항제${i + 1}호`,
  order: i + 1,
  source: SRC,
}));
