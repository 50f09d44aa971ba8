// One-off documents written by hand with phrasings the templates do not repeat (each used once).
// They were written before running the engine on them; misses are left in the figures.
import type { Template } from "./templates";

const t = (
  lang: Template["lang"],
  genre: Template["genre"],
  text: string,
  hardNegative = false,
): Template => ({
  lang,
  genre,
  text,
  hardNegative,
});

export const HANDWRITTEN: readonly Template[] = [
  t("ko", "chat", `H.P: {KR_PHONE} / 사무실 ☎ [[KR_PHONE|02)765-4321]] (내선 {EXT})`),
  t("ko", "form", `| 성명 | 주민등록번호 | 연락처 |\n|---|---|---|\n| {NAME_KO} | {KR_RRN} | {KR_PHONE} |`),
  t(
    "en",
    "petition",
    `Hi, this is {NAME_EN}. Reach me at {EMAIL} or [[KR_PHONE|+82 (0)10-4821-7730]] anytime.`,
  ),
  t("zh-TW", "form", `聯絡手機：[[TW_PHONE|０９１２－３４５－６７８]]\n身分證：{TW_ID}`),
  t(
    "ko",
    "letter",
    `민원인 {NAME_KO} <{EMAIL}> 님께서 제출하신 자료를 검토하였습니다. 회신 연락처 {KR_PHONE}.`,
  ),
  t("en", "log", `[{TS_ISO}] GET /api/cases 200 client=[{IP_ADDRESS}]:443 ua="Mozilla/5.0"`),
  t("en", "log", `{TS_ISO} accepted connection from [[IP_ADDRESS|203.0.113.57]]:51234 (build {VER3})`),
  t("zh-TW", "petition", `本人身分證字號為{TW_ID}（請勿外流），手機[[TW_PHONE|0933-123-456]]，謝謝。`),
  t(
    "ko",
    "petition",
    `주민등록번호 앞자리 {N}0121 뒷자리는 방문 시 알려드리겠습니다. 연락은 {KR_PHONE}로 주세요.`,
  ),
  t("ko", "csv", `"번호","성명","주민번호"\n"1","{NAME_KO}","{KR_RRN}"\n"2","{NAME_KO}","{KR_RRN}"`),
  t("en", "log", `{"event":"verify","rrn":"{KR_RRN_BARE}","ok":true}`),
  t("ko", "chat", `상담원: 계좌번호 불러주세요.\n민원인: {KR_BANK_ACCOUNT} 예금주 {NAME_KO}입니다.`),
  t("ko", "form", `운전면허증: [[KR_DRIVER|서울 12-482917-30]]\n발급일 {DATE_KO}`),
  t("ko", "chat", `전화번호 [[KR_PHONE|010 - 2931 - 8842]] 로 연락 바랍니다.`),
  t("zh-TW", "letter", `統一編號\n{TW_UBN}\n負責人：{NAME_ZH}`),
  t("en", "form", `Tel. [[TW_PHONE|+886 2 2345 6789]] ext. 12, Fax [[TW_PHONE|+886 2 2345 6790]]`),
  t("zh-TW", "chat", `客服：請問身分證字號？\n民眾：[[TW_ID|a123456789]]（小寫也可以嗎）`),
  t(
    "ko",
    "letter",
    `주민등록번호 {KR_RRN}(외국인은 외국인등록번호 {KR_FRN})를 기재하되, 제출 전 뒷자리를 가려 {M_RRN} 형태로 제출해도 됩니다.`,
  ),
  t(
    "en",
    "letter",
    `Please transfer the fee to bank account {KR_BANK_ACCOUNT} and send the receipt to {EMAIL}.`,
  ),
  t("ko", "log", `{TS} ERROR [sms] 발송 실패 to=[[KR_PHONE|+82-10-7715-2290]] reason=timeout`),
  t("en", "minutes", `Items 1.2.3.4 and 2.0.1.5 of the plan were adopted; see §4.1.2.3.`, true),
  t("ko", "letter", `문서번호 110-234-567890, 관리번호 {D8}, 접수 {RECEIPT} — 개인정보 없음`, true),
  t("zh-TW", "letter", `主旨：有關{DATE_ROC}會議，案號{DOCNO_ZH}，金額{AMOUNT_ZH}，分機{EXT}。`, true),
  t("en", "log", `{TS_ISO} deploy version=3.10.2.1 commit=4f9a1c2 node=20.19.0 uptime=12:30:45`, true),
  t(
    "ko",
    "minutes",
    `예산 1,234,567,890원, 사업번호 2023-0412-1187-0091, 건물번호 101-1203, 우편번호 {POSTAL}`,
    true,
  ),
  t("zh-TW", "letter", `訂單編號 12345675，出貨日期 {DATE_ZH}，電話請洽總機。`, true),
  // Second batch, written after the first engine fixes and evaluated as written.
  t(
    "ko",
    "petition",
    `신청인(법정대리인) {NAME_KO}의 주민등록번호는 {KR_RRN}이며, 자녀 주민번호 {KR_RRN_NEW}를 함께 적습니다.`,
  ),
  t(
    "ko",
    "petition",
    `민원 회신은 문자(휴대폰 {KR_PHONE})로만 받겠습니다. 집전화 [[KR_PHONE|(031)123-4567]]은 받지 않습니다.`,
  ),
  t("zh-TW", "form", `聯絡方式：行動電話 [[TW_PHONE|0912345678]]、市話 [[TW_PHONE|(04)2345-6789]] 轉 123`),
  t(
    "en",
    "letter",
    `Your reference: SSN-style number 123-45-6789 is not used in Korea. Call +1 (555) 123-4567 for the US office.`,
    true,
  ),
  t("ko", "chat", `계좌: 농협 [[KR_BANK_ACCOUNT|302-1234-5678-91]] (예금주: {NAME_KO})`),
  t("ko", "letter", `공급자 사업자등록번호 : {KR_BRN} / 상호 {COMPANY_KO}`),
  t("zh-TW", "letter", `統一編號:{TW_UBN}（請開立三聯式發票）`),
  t("en", "log", `{TS_ISO} user={EMAIL} ip=[[IP_ADDRESS|::ffff:192.0.2.15]] status=200`),
  t("ko", "chat", `민원인: 제 번호 [[KR_PHONE|공일공 오공오일 육사사구]]예요.`),
  t(
    "ko",
    "letter",
    `비식별 처리된 자료: 주민등록번호 960121-2******, 연락처 010-****-6449, 성명 김*준`,
    true,
  ),
  t("zh-TW", "form", `身分證統一編號：[[TW_ID|Ｒ１１１６３２７６４]]`),
  t("en", "form", `Passport No.: [[KR_PASSPORT|D913B7567]], issued 2019 by the Ministry of Foreign Affairs.`),
  t("ko", "chat", `여권 번호는 [[KR_PASSPORT|M 706 89098]] 입니다.`),
  t("ko", "letter", `전화: [[KR_PHONE|02-2100-2114]] (대표), [[KR_PHONE|02-2100-2200]](팩스)`),
  t("ko", "csv", `성명,여권번호\n{NAME_KO},{KR_PASSPORT}`),
  t(
    "ko",
    "csv",
    `연번,성명,소속,직위,여권번호,비고\n1,{NAME_KO},총무과,주무관,{KR_PASSPORT},출장\n2,{NAME_KO},정보공개과,사무관,{KR_PASSPORT},출장\n3,{NAME_KO},민원실,주무관,{KR_PASSPORT},연수\n4,{NAME_KO},감사실,서기관,{KR_PASSPORT},연수`,
  ),
  t("en", "log", `route add [[IP_ADDRESS|10.20.0.1]]/24 via gateway`),
  t("zh-TW", "chat", `請撥手機號碼「[[TW_PHONE|0912-345-678]]」找{NAME_ZH}。`),
  t("ko", "petition", `주민번호 [[KR_RRN|410701 - 1640061]] 로 조회해 주세요.`),
  t("ko", "letter", `사건번호 2023구합12345, 관리번호 2023-0012345, 등기번호 1101-2023-012345`, true),
  t("zh-TW", "letter", `發票號碼 AB-12345678，區碼02，頁次 3/12`, true),
];
