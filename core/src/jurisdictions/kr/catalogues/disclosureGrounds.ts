// KR non-disclosure grounds (비공개 대상 정보), Official Information Disclosure Act (공공기관의 정보공개에 관한
// 법률) Art. 9(1) items 1-8 [J1; 003 II]. `attributes.short` is the label burned into every redaction box of a
// partial disclosure ("9①6"), as US agencies print "(b)(6)": the requester sees where and why.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "공공기관의 정보공개에 관한 법률 제9조제1항";
const item = (n: number, ko: string, en: string): CatalogueEntry => ({
  code: `art9-1-${n}`,
  names: { ko, en },
  article: `${ART}제${n}호`,
  attributes: { short: `9①${n}` },
});

export const krDisclosureGrounds: CatalogueEntry[] = [
  item(
    1,
    "다른 법률 또는 법률에서 위임한 명령에 따라 비밀이나 비공개 사항으로 규정된 정보",
    "Classified or made non-public by another law or an order it delegates",
  ),
  item(
    2,
    "국가안전보장·국방·통일·외교관계 등에 관한 사항으로서 공개될 경우 국가의 중대한 이익을 현저히 해칠 우려가 있는 정보",
    "National security, defence, unification or foreign relations: disclosure would seriously harm vital national interests",
  ),
  item(
    3,
    "공개될 경우 국민의 생명·신체 및 재산의 보호에 현저한 지장을 초래할 우려가 있는 정보",
    "Disclosure would seriously endanger the protection of people's life, body or property",
  ),
  item(
    4,
    "진행 중인 재판, 범죄의 예방·수사·공소·형의 집행·교정·보안처분에 관한 정보로서 공개될 경우 직무수행을 현저히 곤란하게 하거나 공정한 재판을 받을 권리를 침해할 정보",
    "Pending trials, crime prevention, investigation, prosecution or sentences: disclosure would seriously hinder the duty or a fair trial",
  ),
  item(
    5,
    "감사·감독·검사·시험·규제·입찰계약·기술개발·인사관리, 의사결정 과정 또는 내부검토 과정에 있는 사항으로서 공개될 경우 업무의 공정한 수행에 현저한 지장을 초래할 정보",
    "Audit, inspection, examination, regulation, tender, R&D, personnel, or a decision or internal review in progress: disclosure would seriously hinder fair performance",
  ),
  item(
    6,
    "성명·주민등록번호 등 개인에 관한 사항으로서 공개될 경우 사생활의 비밀 또는 자유를 침해할 우려가 있는 정보",
    "Personal matters such as names or resident registration numbers: disclosure would infringe privacy",
  ),
  item(
    7,
    "법인·단체 또는 개인의 경영상·영업상 비밀로서 공개될 경우 정당한 이익을 현저히 해칠 우려가 있는 정보",
    "Business or trade secrets of a company, body or person: disclosure would seriously harm their legitimate interests",
  ),
  item(
    8,
    "공개될 경우 부동산 투기, 매점매석 등으로 특정인에게 이익 또는 불이익을 줄 우려가 있는 정보",
    "Disclosure would give someone an advantage or disadvantage through real-estate speculation, hoarding and the like",
  ),
];
