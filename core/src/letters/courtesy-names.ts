// Courtesy translations of rule-pack entries that letters cite, for a letter written in the other country's
// language (a KR agency answering in Chinese, a TW agency answering in Korean). The catalogues carry the
// binding wording (KR: ko, TW: zh-TW) and English; these only fill the third language. Keyed by catalogue id
// and entry code.
import type { LetterLocale } from "./types";

type Names = Record<string, Partial<Record<LetterLocale, string>>>;

const zh = (s: string) => ({ "zh-TW": s });
const ko = (s: string) => ({ ko: s });
const HARM_ZH = "有危害他人生命、身體之虞，或有不當侵害他人財產及其他利益之虞者";

export const COURTESY_NAMES: Record<string, Names> = {
  // KR -> zh-TW
  requestKinds: {
    access: zh("個人資料閱覽"),
    correction_deletion: zh("個人資料更正、刪除"),
    suspension: zh("個人資料停止處理"),
    // TW -> ko
    query: ko("조회 답변"),
    inspection: ko("열람"),
    copy: ko("사본 제공"),
    transcription: ko("필사(抄錄)"),
    correction: ko("보완·정정"),
    stop_processing: ko("수집·처리·이용 정지"),
    deletion: ko("삭제"),
  },
  accessLimitGrounds: {
    "art35-4-1": zh("依法律禁止或限制閱覽者"),
    "art35-4-2": zh(HARM_ZH),
    "art35-4-3-ga": zh("有關租稅之核課、徵收或退還之業務"),
    "art35-4-3-na": zh("各級學校、終身教育設施或依其他法律設立之高等教育機構之成績評量或入學者選拔業務"),
    "art35-4-3-da": zh("有關學歷、技能及任用之考試、資格審查之業務"),
    "art35-4-3-ra": zh("有關補償金、給付金核算等進行中之評估或判斷之業務"),
    "art35-4-3-ma": zh("依其他法律進行中之稽核及調查之業務"),
  },
  deletionRefusalGrounds: {
    "art36-1-proviso": zh("其他法令明定該個人資料為蒐集對象者"),
  },
  suspensionRefusalGrounds: {
    "art37-2-1": zh("法律有特別規定或為遵守法令上義務所不可避免者"),
    "art37-2-2": zh(HARM_ZH),
    "art37-2-3": zh("公共機關如不處理個人資料，即無法執行其他法律所定之職掌業務者"),
    "art37-2-4": zh(
      "如不處理個人資料，即無法提供與當事人約定之服務等致契約難以履行，且當事人未明確表示解除契約者",
    ),
  },
  remedyBodies: {
    kisa_118: zh("個人資料侵害申報中心（韓國網路振興院營運）"),
    kopico: zh("個人資料爭議調解委員會"),
    spo_1301: zh("大檢察廳網路犯罪調查科"),
    police_182: zh("警察廳網路調查局"),
  },
  refusalGrounds: {
    "art10-1": ko("국가안보, 외교·군사 기밀, 전체 경제적 이익 또는 그 밖의 국가 중대 이익을 해치는 경우"),
    "art10-2": ko("공무기관의 법정 직무 수행을 방해하는 경우"),
    "art10-3": ko("수집 기관 또는 제3자의 중대한 이익을 해치는 경우"),
    "art11-2-duty": ko("정확성에 다툼이 있으나 직무 또는 업무 수행에 필요하고 그 다툼을 기재한 경우"),
    "art11-2-consent": ko("정확성에 다툼이 있으나 정보주체가 서면으로 동의하고 그 다툼을 기재한 경우"),
    "art11-3-duty": ko("특정 목적이 소멸하거나 기간이 만료되었으나 직무 또는 업무 수행에 필요한 경우"),
    "art11-3-consent": ko("특정 목적이 소멸하거나 기간이 만료되었으나 정보주체가 서면으로 동의한 경우"),
    incomplete: ko(
      "신청 서류에 누락·흠결·허위가 있거나 소명이 불충분하여 기한을 정해 보정을 요구했으나 기한까지 보정하지 않았거나 보정할 수 없는 경우",
    ),
    contrary_to_law: ko("법령 규정에 맞지 않는 경우"),
  },
};
