// Document templates. "{KEY}" is filled by a generator (see build.ts); a line starting with "?"
// is included at random. Identifier keys become gold spans; everything else is filler or a
// hard negative.

export type Lang = "ko" | "zh-TW" | "en";
export type Genre = "petition" | "form" | "minutes" | "letter" | "csv" | "log" | "chat";

export interface Template {
  lang: Lang;
  genre: Genre;
  hardNegative?: boolean;
  text: string;
}

const ko: Template[] = [
  {
    lang: "ko",
    genre: "petition",
    text: `진정서

안녕하십니까. 저는 {ADDR_KO}에 거주하는 {NAME_KO}입니다. {DATE_KO}에 접수한 민원(접수번호 {RECEIPT})과 관련하여 다시 글을 올립니다.
본인 확인을 위해 주민등록번호 {KR_RRN}을 기재하며, 회신은 휴대전화 {KR_PHONE} 또는 이메일 {EMAIL}로 부탁드립니다.
?환급금은 {BANK_KO} 계좌 {KR_BANK_ACCOUNT}(예금주 {NAME_KO})로 입금해 주십시오.
?제 아이의 주민번호는{KR_RRN_NEW}입니다.
{DATE_KO}
{NAME_KO} 드림`,
  },
  {
    lang: "ko",
    genre: "form",
    text: `정보공개 청구서
청구인 성명: {NAME_KO}
주민등록번호: {KR_RRN}
?외국인등록번호: {KR_FRN}
?여권번호: {KR_PASSPORT}
주소: {ADDR_KO} (우 {POSTAL})
전화번호: {KR_PHONE}    전자우편: {EMAIL}
?운전면허번호: {KR_DRIVER}
청구 내용: {STATUTE_KO}에 따른 {DATE_KO} 회의록 사본
공개 방법: 사본·출력물 / 수수료 {AMOUNT_KO}`,
  },
  {
    lang: "ko",
    genre: "minutes",
    text: `제{N}차 개인정보 보호위원회 회의록
일시: {DATE_KO} 14:00~16:00
참석: 위원장 {NAME_KO}, 위원 {NAME_KO}, {NAME_KO}
안건 1. {DOCNO_KO} 처리 결과 보고
- 담당자 연락처: 내선 {EXT}, 휴대폰{KR_PHONE}
- 시스템 접속기록 점검 결과 {IP_ADDRESS}에서 비정상 접근 확인
?- 유출 의심 계정 {EMAIL} 잠금 조치
안건 2. 예산 {AMOUNT_KO} 집행 건 (버전 {VER4} 패치 적용 포함)
?안건 3. {CASE} 사건 관련 자료 제출`,
  },
  {
    lang: "ko",
    genre: "letter",
    text: `{AGENCY_KO}
수신 {AGENCY_KO}
제목 개인정보 처리업무 위탁 계약 체결 알림
1. 관련: {DOCNO_KO}({DATE_KO})
2. 수탁업체 {COMPANY_KO}(사업자등록번호 {KR_BRN}) 대표 {NAME_KO}와(과) 계약을 체결하였음을 알려드립니다.
3. 문의: 담당 {NAME_KO} 주무관(☎ {KR_PHONE}, {EMAIL})
?4. 대금은 계좌번호 {KR_BANK_ACCOUNT}({BANK_KO})로 지급합니다.
붙임 계약서 1부. 끝.
시행 {DOCNO_KO} ({DATE_KO})`,
  },
  {
    lang: "ko",
    genre: "csv",
    text: `번호,성명,주민등록번호,연락처,이메일
1,{NAME_KO},{KR_RRN},{KR_PHONE},{EMAIL}
2,{NAME_KO},{KR_FRN},{KR_PHONE},{EMAIL}
?3,{NAME_KO},{KR_RRN},{KR_PHONE},{EMAIL}
?4,{NAME_KO},{KR_RRN},{KR_PHONE},{EMAIL}`,
  },
  {
    lang: "ko",
    genre: "log",
    text: `{TS} INFO  [auth] 로그인 성공 user={EMAIL} ip={IP_ADDRESS}
{TS} WARN  [civil] 민원 등록 applicant_rrn={KR_RRN} phone={KR_PHONE}
?{TS} DEBUG [pay] card={CREDIT_CARD} amount={AMOUNT_KO} order={ORDER}
{TS} INFO  [batch] job=export-{N} rows={EXT} elapsed=12.5s`,
  },
  {
    lang: "ko",
    genre: "chat",
    text: `[상담 기록] {DATE_KO}
민원인: 주민번호{KR_RRN}이고요, 연락처는{KR_PHONE}입니다.
상담원: 운전면허증 번호도 불러 주세요.
민원인: 면허번호 {KR_DRIVER}요.
?민원인: 여권도 있어요. 여권번호 {KR_PASSPORT}입니다.
?상담원: 환불 계좌 알려 주세요. / 민원인: {BANK_KO} {KR_BANK_ACCOUNT}요.`,
  },
  {
    lang: "ko",
    genre: "petition",
    text: `[국민신문고 민원] 제목: 대만 국적 배우자 체류 관련 문의
작성자 {NAME_KO} / 연락처 {KR_PHONE}
배우자({NAME_ZH})의 대만 신분증번호는 {TW_ID}이고, 거류증 번호는 {TW_ARC}입니다.
배우자의 대만 휴대전화 {TW_PHONE_INTL}로도 연락 가능합니다.
?제 사업자번호 {KR_BRN_BARE}(개인사업자)도 함께 적습니다.
?주민등록번호
{KR_RRN_BARE}
상담 희망일: {DATE_KO}, 대표번호 {HOTLINE} 안내 받음`,
  },
];

const zh: Template[] = [
  {
    lang: "zh-TW",
    genre: "petition",
    text: `主旨：韓籍人士申請居留相關事項
申請人：{NAME_KO}（韓國籍），韓國手機{KR_PHONE_INTL}
韓國外國人登錄號碼{KR_FRN}（曾居留韓國）
在臺聯絡電話{TW_PHONE}，電子郵件{EMAIL}。
?護照號碼{KR_PASSPORT}。
附件：{FILE_REF}`,
  },
  {
    lang: "zh-TW",
    genre: "petition",
    text: `陳情書
陳情人：{NAME_ZH}
身分證字號：{TW_ID}
聯絡電話：{TW_PHONE}
電子郵件：{EMAIL}
陳情事由：本人於{DATE_ZH}向貴局申請補助（案號{DOCNO_ZH}），迄今未獲回覆，請儘速處理。
?另本人配偶居留證號{TW_ARC}，一併申請。
此致
{AGENCY_ZH}
中華民國{DATE_ROC}`,
  },
  {
    lang: "zh-TW",
    genre: "form",
    text: `政府資訊申請書
申請人姓名：{NAME_ZH}　身分證明文件字號：{TW_ID}
?居留證號（外籍人士）：{TW_ARC}
住址：{ADDR_ZH}
電話：{TW_PHONE}　手機：{TW_PHONE}
?信用卡號：{CREDIT_CARD}（繳納規費{AMOUNT_ZH}）
申請項目：依{STATUTE_ZH}申請會議紀錄
申請日期：{DATE_ZH}`,
  },
  {
    lang: "zh-TW",
    genre: "minutes",
    text: `{AGENCY_ZH}第{N}次個人資料保護會議紀錄
時間：{DATE_ZH}下午2時
主席：{NAME_ZH}　紀錄：{NAME_ZH}
報告事項：{DOCNO_ZH}辦理情形。
承辦人聯絡方式：{TW_PHONE}，{EMAIL}
?資安事件：來源IP {IP_ADDRESS} 已封鎖。
決議：照案通過，經費{AMOUNT_ZH}。`,
  },
  {
    lang: "zh-TW",
    genre: "letter",
    text: `{AGENCY_ZH}　函
地址：{ADDR_ZH}
聯絡人：{NAME_ZH}
電話：{TW_PHONE}
電子信箱：{EMAIL}
受文者：{COMPANY_ZH}（統一編號：{TW_UBN}）
發文日期：中華民國{DATE_ROC}
發文字號：{DOCNO_ZH}
主旨：貴公司申請案，請於文到7日內補正，請查照。
說明：依據{STATUTE_ZH}辦理。`,
  },
  {
    lang: "zh-TW",
    genre: "csv",
    text: `序號,姓名,身分證字號,手機,電子郵件
1,{NAME_ZH},{TW_ID},{TW_PHONE},{EMAIL}
2,{NAME_ZH},{TW_ARC},{TW_PHONE},{EMAIL}
?3,{NAME_ZH},{TW_ID},{TW_PHONE},{EMAIL}`,
  },
  {
    lang: "zh-TW",
    genre: "log",
    text: `{TS} INFO 申請人身分證{TW_ID}登入成功 來源IP {IP_ADDRESS}
{TS} INFO 寄送通知至{EMAIL}，手機{TW_PHONE}
?{TS} WARN 統編{TW_UBN}之廠商資料更新`,
  },
  {
    lang: "zh-TW",
    genre: "chat",
    text: `【客服紀錄】{DATE_ZH}
民眾：我的身分證字號是{TW_ID}，手機{TW_PHONE}。
客服：請提供公司統一編號。
民眾：統編{TW_UBN}。
?民眾：國際電話{TW_PHONE_INTL}也可以。`,
  },
];

const en: Template[] = [
  {
    lang: "en",
    genre: "petition",
    text: `Dear Sir or Madam,

I, {NAME_EN}, holder of Taiwan resident certificate {TW_ARC}, am writing about my application dated {DATE_EN}.
Please reply to {EMAIL} or call me on {TW_PHONE_INTL}.
?My Korean foreign registration number is {KR_FRN}; passport no. {KR_PASSPORT}.
Yours faithfully,
{NAME_EN}`,
  },
  {
    lang: "en",
    genre: "form",
    text: `Request for disclosure of information
Name: {NAME_EN}
RRN: {KR_RRN}
Phone: {KR_PHONE_INTL}
E-mail: {EMAIL}
?Card for fees: {CREDIT_CARD}
Fee: {AMOUNT_EN}
Items: minutes of meeting no. {N} under {STATUTE_EN}`,
  },
  {
    lang: "en",
    genre: "minutes",
    text: `Minutes of the Privacy Committee, meeting {N}
Date: {DATE_EN}
Present: {NAME_EN} (chair), {NAME_EN}
1. Incident review: traffic from {IP_ADDRESS} was blocked; firmware version {VER4} installed.
2. Contact for follow-up: {EMAIL}.
?3. Refund to the petitioner's bank account {KR_BANK_ACCOUNT} approved.`,
  },
  {
    lang: "en",
    genre: "log",
    text: `{TS_ISO} level=info msg="login" user={EMAIL} src={IP_ADDRESS} app={VER3}
{TS_ISO} level=warn msg="payment retry" card={CREDIT_CARD} order={ORDER}
?{TS_ISO} level=info msg="sms sent" to={KR_PHONE_INTL}`,
  },
  {
    lang: "en",
    genre: "csv",
    text: `id,name,email,phone,ip
1,{NAME_EN},{EMAIL},{KR_PHONE_INTL},{IP_ADDRESS}
2,{NAME_EN},{EMAIL},{TW_PHONE_INTL},{IP_ADDRESS}`,
  },
];

/** Ordinary agency prose with numbers but no personal identifiers (most of what agencies publish). */
const clean: Template[] = [
  {
    lang: "ko",
    genre: "minutes",
    text: `{AGENCY_KO} 정보공개 심의회 회의 결과
1. 개요
 가. 일시: {DATE_KO} 10:00~12:00 / 장소: 본관 3층 대회의실
 나. 안건: {DOCNO_KO} 비공개 결정에 대한 이의신청 등 {N}건
2. 심의 결과
 가. 제1호 안건은 {STATUTE_KO}에 해당하지 않아 부분공개로 변경한다. 다만 개인에 관한 사항은 삭제 후 공개한다.
 나. 제2호 안건은 감사·감독·검사·시험·규제·입찰계약에 관한 사항으로서 공개될 경우 업무의 공정한 수행에 현저한 지장을 초래할 우려가 있어 비공개를 유지한다.
 다. 위원들은 정보공개 처리 기간(10일, 부득이한 경우 10일 연장)을 준수하도록 관련 부서에 권고하였다.
3. 향후 계획: {DATE_KO}까지 처리 결과 통지, 예산 {AMOUNT_KO} 범위에서 시스템 개선(버전 {VER3}).
※ 본 회의록은 「공공기관의 정보공개에 관한 법률」 제13조에 따라 공개합니다.`,
  },
  {
    lang: "ko",
    genre: "letter",
    text: `{AGENCY_KO}
수신 각 부서장
제목 {DATE_KO}년도 개인정보 보호 교육 계획 알림
1. 관련: {DOCNO_KO}
2. 「개인정보 보호법」 제28조 및 같은 법 시행령 제30조에 따라 개인정보취급자를 대상으로 정기 교육을 실시하오니 소속 직원이 빠짐없이 참석하도록 협조하여 주시기 바랍니다.
  가. 교육 기간: {DATE_KO} ~ {DATE_KO}
  나. 교육 방법: 집합교육(2시간) 및 온라인 교육(1시간), 정원 {N}0명
  다. 소요 예산: {AMOUNT_KO}
3. 교육 이수 결과는 부서 평가에 반영됩니다. 끝.`,
  },
  {
    lang: "zh-TW",
    genre: "minutes",
    text: `{AGENCY_ZH}個人資料保護管理執行小組第{N}次會議紀錄
一、時間：{DATE_ZH}上午10時
二、地點：本府市政大樓12樓會議室
三、報告事項：
（一）本府各機關個人資料檔案清冊已於{DATE_ZH}前完成更新，計{N}個機關、{N}0個檔案。
（二）依{STATUTE_ZH}規定，個人資料檔案應於網站公開，並定期辦理稽核。
四、討論事項：
案由：年度個人資料保護教育訓練經費{AMOUNT_ZH}，提請討論。
決議：照案通過，請各機關於{DATE_ZH}前提報參訓名單。
五、散會：中午12時。`,
  },
  {
    lang: "zh-TW",
    genre: "letter",
    text: `{AGENCY_ZH}　函
發文日期：中華民國{DATE_ROC}
發文字號：{DOCNO_ZH}
速別：普通件
主旨：檢送本府{DATE_ROC}召開「政府資訊公開作業研商會議」紀錄1份，請查照。
說明：
一、依{STATUTE_ZH}辦理。
二、請各機關依會議決議，於文到30日內檢視所屬網站之主動公開資訊，並更新至最新版本。
三、本案經費新臺幣{AMOUNT_ZH}由本府年度預算支應。
正本：本府各一級機關
副本：本府秘書處`,
  },
  {
    lang: "en",
    genre: "minutes",
    text: `Open Data Committee - summary of decisions
Meeting {N}, held on {DATE_EN}.
1. The committee reviewed {N} datasets proposed for release. Datasets containing personal data will be de-identified before publication, in line with {STATUTE_EN}.
2. The budget of {AMOUNT_EN} for the portal upgrade (release {VER3}) was approved.
3. Response times: 92.5% of requests were answered within 10 working days; the target for next year is 95%.
4. Next meeting: {DATE_EN}, 14:00, Room 301.`,
  },
];

const hard: Template[] = [
  {
    // Account-shaped shop and delivery numbers next to payment and refund words (outside review:
    // the first three lines are its literal examples); one real account with bank context.
    lang: "ko",
    genre: "chat",
    hardNegative: true,
    text: `[주문 안내] 운송장번호 1002-047-187255, 주문번호 2024060959772, 관리번호: 874651888500
주문번호 {ORDER13} 결제가 완료되었습니다.
우체국택배 운송장번호 {WAYBILL} (배송 조회 가능)
?관리번호: {MGMT12} 환불(환급) 요청 접수
?무통장 입금 확인 후 주문번호 {ORDER13}로 발송합니다.
?계좌이체 결제 완료, 운송장번호 {WAYBILL}
환불 계좌: {BANK_KO} {KR_BANK_ACCOUNT}
문의 {KR_PHONE}`,
  },
  {
    lang: "en",
    genre: "letter",
    hardNegative: true,
    text: `Under {SECTION} of the guidance, serial {SERIAL} and image {FILE_REF} were archived.
Reference number {REF10}; hotline {HOTLINE}; order {ORDER}; ISBN {ISBN}.
Appendix dated {DATE_EN}, amount {AMOUNT_EN}. Contact {KR_PHONE_INTL}.`,
  },
  {
    lang: "ko",
    genre: "log",
    hardNegative: true,
    text: `{TS} INFO  [doc] 문서번호 {REF10} 등록 (버전 {VER4})
{TS} INFO  [asset] 장비 일련번호 {SERIAL} 위치 {COORD}
{TS} INFO  [web] GET /img/{FILE_REF} 200
{TS} INFO  [ref] 사건 {CASE}, 조항 {STATUTE_KO}, 고객센터 {HOTLINE}
{TS} INFO  [mask] 신청인 {M_RRN} / {M_PHONE} / {M_EMAIL}
{TS} INFO  [auth] user={EMAIL}`,
  },
  {
    lang: "ko",
    genre: "letter",
    hardNegative: true,
    text: `{STATUTE_KO} 및 같은 법 시행령 제{N}조에 따라 {DOCNO_KO}({DATE_KO}) 문서를 공개합니다.
관리번호 {BAD_RRN}, 접수번호 {RECEIPT}, 주문번호 {ORDER}, 금액 {AMOUNT_KO}
모델명 {PASSPORT_LIKE}, 일련번호 {D8}, 설비번호 {DRIVER_LIKE}
사업자 확인 결과 {BAD_BRN}은(는) 유효하지 않은 번호입니다.
?참고 도서 ISBN {ISBN}, 사건번호 {CASE}, 좌표 {COORD}
이미 가려진 정보: 주민등록번호 {M_RRN}, 연락처 {M_PHONE}, 카드 {M_CARD}
문의 {KR_PHONE}`,
  },
  {
    lang: "ko",
    genre: "minutes",
    hardNegative: true,
    text: `회의 결과 공개본 ({DATE_KO})
- 소프트웨어 버전 {VER4}, {VER3} 배포
- 문서번호 {DOCNO_KO}, 접수 {TS}
- 예산 {AMOUNT_KO}, 관리코드 {D8}, 참조 {ACCOUNT_LIKE}
- 장비 MAC {MAC}
- 비식별 처리 완료: {M_RRN}, {M_EMAIL}
담당 이메일 {EMAIL}`,
  },
  {
    lang: "zh-TW",
    genre: "letter",
    hardNegative: true,
    text: `依{STATUTE_ZH}規定，{DOCNO_ZH}公告，預算{AMOUNT_ZH}。
身分證字號{BAD_TWID}經查核有誤（檢查碼不符）。
統一編號{BAD_UBN}查無此公司。
訂單編號{ORDER}，版本{VER4}，日期{DATE_ZH}，代碼{D8}。
已遮蔽資料：{M_TWID}、{M_TWPHONE}。
承辦電話{TW_PHONE}`,
  },
  {
    lang: "en",
    genre: "log",
    hardNegative: true,
    text: `Release notes: version {VER4}, build {VER3}.
Order {ORDER} total {AMOUNT_EN} paid with card ending {M_CARD}.
Ticket {D8}, timestamp {TS_ISO}, MAC {MAC}, location {COORD}.
Card on file {BAD_CARD} was rejected (invalid number). Masked contact: {M_EMAIL}.
Reference {STATUTE_EN}. Contact {EMAIL}.`,
  },
];

export const TEMPLATES: readonly Template[] = [...ko, ...zh, ...en, ...clean];
export const HARD_NEGATIVE_TEMPLATES: readonly Template[] = hard;
/** Prose without identifiers only (for throughput corpora that mix clean and personal documents). */
export const CLEAN_TEMPLATES: readonly Template[] = clean;
