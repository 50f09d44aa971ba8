// PIPA (개인정보 보호법) legal bases [B6, G1]:
// - Art. 15(1): collection and use. Text as amended 2023-03-14, confirmed against two public copies of the Act.
// - Art. 17(1): provision to third parties; item 2's cross-reference (15(1) 2, 3 and 5-7) follows the 2023
//   amendment, checked against a published English translation of the Act.
// - Art. 18(2): use or provision beyond the purpose, numbered as Gunsan's policy [001 제3조①]: item 4 deleted
//   on 2020-02-04 and kept so that old numbering resolves. Items 5–9 apply to public institutions only.
//   Items 1–9 follow the seeds (000 제3조①, 001 제3조① agree) except item 3, which the 2023 amendment reworded
//   like Art. 15(1)5 (the seeds' older wording is kept in its description); item 10 was added by the same
//   amendment. Both were checked against a published English translation; their Korean wording is that of
//   Art. 15(1)5 and 15(1)7, confirmed above.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ko15 = [
  ["정보주체의 동의를 받은 경우", "With the data subject's consent"],
  [
    "법률에 특별한 규정이 있거나 법령상 의무를 준수하기 위하여 불가피한 경우",
    "A law specially provides for it, or it is unavoidable to comply with a legal obligation",
  ],
  [
    "공공기관이 법령 등에서 정하는 소관 업무의 수행을 위하여 불가피한 경우",
    "Unavoidable for a public institution to perform its duties under laws and regulations",
  ],
  [
    "정보주체와 체결한 계약을 이행하거나 계약을 체결하는 과정에서 정보주체의 요청에 따른 조치를 이행하기 위하여 필요한 경우",
    "Necessary to perform a contract with the data subject or to take steps at their request before entering into one",
  ],
  [
    "명백히 정보주체 또는 제3자의 급박한 생명, 신체, 재산의 이익을 위하여 필요하다고 인정되는 경우",
    "Clearly necessary for the urgent life, bodily or property interests of the data subject or a third party",
  ],
  [
    "개인정보처리자의 정당한 이익을 달성하기 위하여 필요한 경우로서 명백하게 정보주체의 권리보다 우선하는 경우. 이 경우 개인정보처리자의 정당한 이익과 상당한 관련이 있고 합리적인 범위를 초과하지 아니하는 경우에 한한다.",
    "Necessary for the controller's legitimate interests where these clearly override the data subject's rights, limited to what is substantially related and reasonable",
  ],
  [
    "공중위생 등 공공의 안전과 안녕을 위하여 긴급히 필요한 경우",
    "Urgently necessary for public safety and security such as public health",
  ],
] as const;

export const krCollectionBases: CatalogueEntry[] = ko15.map(([ko, en], i) => ({
  code: `art15-1-${i + 1}`,
  names: { ko, en },
  article: `개인정보 보호법 제15조제1항제${i + 1}호`,
  order: i + 1,
  source: "PIPA as amended 2023-03-14",
}));

export const krProvisionBases: CatalogueEntry[] = [
  {
    code: "art17-1-1",
    names: { ko: "정보주체의 동의를 받은 경우", en: "With the data subject's consent" },
    article: "개인정보 보호법 제17조제1항제1호",
    order: 1,
  },
  {
    code: "art17-1-2",
    names: {
      ko: "제15조제1항제2호, 제3호 및 제5호부터 제7호까지에 따라 개인정보를 수집한 목적 범위에서 개인정보를 제공하는 경우",
      en: "Provision within the purpose for which the data was collected under Art. 15(1) items 2, 3 and 5 to 7",
    },
    article: "개인정보 보호법 제17조제1항제2호",
    order: 2,
  },
];

const ko18: ReadonlyArray<readonly [string, string, Partial<CatalogueEntry>?]> = [
  ["정보주체로부터 별도의 동의를 받은 경우", "Separate consent from the data subject"],
  ["다른 법률에 특별한 규정이 있는 경우", "Another law specially provides for it"],
  [
    "명백히 정보주체 또는 제3자의 급박한 생명, 신체, 재산의 이익을 위하여 필요하다고 인정되는 경우",
    "Clearly necessary for the urgent life, bodily or property interests of the data subject or a third party",
    {
      description: {
        ko: "2023. 3. 14. 개정 전(시드 000·001): 정보주체 또는 그 법정대리인이 의사표시를 할 수 없는 상태에 있거나 주소불명 등으로 사전 동의를 받을 수 없는 경우로서 명백히 정보주체 또는 제3자의 급박한 생명, 신체, 재산의 이익을 위하여 필요하다고 인정되는 경우",
        en: "Before the 2023 amendment (as quoted in the seeds) this also required that prior consent could not be obtained",
      },
    },
  ],
  ["<삭제> (2020. 2. 4.)", "Deleted (2020-02-04)", { deletedOn: "2020-02-04" }],
  [
    "개인정보를 목적 외의 용도로 이용하거나 이를 제3자에게 제공하지 아니하면 다른 법률에서 정하는 소관 업무를 수행할 수 없는 경우로서 보호위원회의 심의·의결을 거친 경우",
    "The public institution cannot perform duties set by another law without it, and the PIPC has deliberated and decided",
    { attributes: { publicInstitutionsOnly: true } },
  ],
  [
    "조약, 그 밖의 국제협정의 이행을 위하여 외국정부 또는 국제기구에 제공하기 위하여 필요한 경우",
    "Necessary to provide to a foreign government or international body to implement a treaty or other international agreement",
    { attributes: { publicInstitutionsOnly: true } },
  ],
  [
    "범죄의 수사와 공소의 제기 및 유지를 위하여 필요한 경우",
    "Necessary for criminal investigation and the bringing and maintaining of prosecutions",
    { attributes: { publicInstitutionsOnly: true } },
  ],
  [
    "법원의 재판업무 수행을 위하여 필요한 경우",
    "Necessary for the courts' adjudication",
    { attributes: { publicInstitutionsOnly: true } },
  ],
  [
    "형(刑) 및 감호, 보호처분의 집행을 위하여 필요한 경우",
    "Necessary to enforce sentences, custody or protective dispositions",
    { attributes: { publicInstitutionsOnly: true } },
  ],
  [
    "공중위생 등 공공의 안전과 안녕을 위하여 긴급히 필요한 경우",
    "Urgently necessary for public safety and security such as public health",
    { description: { en: "Added by the 2023-03-14 amendment; not in the seeds, which predate it" } },
  ],
];

export const krOutOfPurposeGrounds: CatalogueEntry[] = ko18.map(([ko, en, extra], i) => ({
  code: `art18-2-${i + 1}`,
  names: { ko, en },
  article: `개인정보 보호법 제18조제2항제${i + 1}호`,
  order: i + 1,
  source: "[000 제3조①; 001 제3조①]",
  ...extra,
}));
