// Non-identifier fragments: names, places, and the hard negatives every agency text is full of
// (dates, amounts, document and statute numbers, order numbers, versions, timestamps).
import { digits, int, pad, pick, type Rng } from "./rng";

export const nameKo = (r: Rng) =>
  pick(r, ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"]) +
  pick(r, ["민", "서", "지", "현", "수", "영", "준", "하", "도", "예"]) +
  pick(r, ["준", "연", "우", "진", "아", "호", "은", "윤", "희", "빈"]);
export const nameZh = (r: Rng) =>
  pick(r, ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊"]) +
  pick(r, ["志", "淑", "美", "家", "俊", "雅", "建", "怡", "冠", "宗"]) +
  pick(r, ["明", "芬", "玲", "豪", "宏", "婷", "華", "君", "廷", "翰"]);
export const nameEn = (r: Rng) =>
  `${pick(r, ["Alex", "Jordan", "Sam", "Taylor", "Chris", "Morgan", "Jamie", "Robin"])} ${pick(r, ["Lee", "Kim", "Chen", "Park", "Smith", "Wang", "Lin", "Choi"])}`;

export const addrKo = (r: Rng) =>
  `${pick(r, ["서울특별시 종로구 세종대로", "부산광역시 해운대구 센텀로", "경기도 수원시 팔달구 효원로", "대전광역시 서구 둔산로"])} ${int(r, 1, 300)}, ${int(r, 101, 120)}동 ${int(r, 101, 1505)}호`;
export const addrZh = (r: Rng) =>
  `${pick(r, ["臺北市中正區重慶南路一段", "新北市板橋區中山路一段", "臺中市西屯區臺灣大道三段", "高雄市苓雅區四維三路"])}${int(r, 1, 200)}號${int(r, 2, 15)}樓`;
export const agencyKo = (r: Rng) =>
  pick(r, ["행정안전부", "서울특별시 종로구청", "국민권익위원회", "경기도교육청", "부산광역시청"]);
export const agencyZh = (r: Rng) =>
  pick(r, ["臺北市政府", "新北市政府民政局", "內政部移民署", "高雄市政府環境保護局", "國家發展委員會"]);
export const companyKo = (r: Rng) =>
  `(주)${pick(r, ["한빛", "누리", "바른", "새솔", "다온"])}${pick(r, ["정보", "시스템", "데이터", "테크"])}`;
export const companyZh = (r: Rng) =>
  `${pick(r, ["宏遠", "新創", "大同", "永豐", "華美"])}${pick(r, ["資訊", "科技", "顧問"])}股份有限公司`;

export const dateKo = (r: Rng) =>
  pick(r, [
    `${int(r, 2019, 2025)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`,
    `${int(r, 2019, 2025)}. ${int(r, 1, 12)}. ${int(r, 1, 28)}.`,
    `${int(r, 2019, 2025)}년 ${int(r, 1, 12)}월 ${int(r, 1, 28)}일`,
    `${int(r, 2019, 2025)}.${pad(int(r, 1, 12), 2)}.${pad(int(r, 1, 28), 2)}`,
  ]);
export const dateZh = (r: Rng) =>
  pick(r, [
    `${int(r, 2019, 2025)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`,
    `${int(r, 2019, 2025)}/${pad(int(r, 1, 12), 2)}/${pad(int(r, 1, 28), 2)}`,
  ]);
export const dateRoc = (r: Rng) => `${int(r, 108, 114)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`;
export const dateEn = (r: Rng) =>
  `${int(r, 1, 28)} ${pick(r, ["January", "March", "May", "July", "October", "December"])} ${int(r, 2019, 2025)}`;
export const timestamp = (r: Rng) =>
  `${int(r, 2023, 2025)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)} ${pad(int(r, 0, 23), 2)}:${pad(int(r, 0, 59), 2)}:${pad(int(r, 0, 59), 2)}`;
export const timestampIso = (r: Rng) =>
  `${int(r, 2023, 2025)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}T${pad(int(r, 0, 23), 2)}:${pad(int(r, 0, 59), 2)}:${pad(int(r, 0, 59), 2)}.${digits(r, 3)}Z`;

export const amountKo = (r: Rng) =>
  pick(r, [
    `${int(r, 1, 999)},${digits(r, 3)},000원`,
    `${int(r, 1, 99)},${digits(r, 3)}원`,
    `금 ${int(r, 1, 9)},${digits(r, 3)},${digits(r, 3)}원`,
  ]);
export const amountZh = (r: Rng) =>
  pick(r, [`新臺幣${int(r, 1, 999)},${digits(r, 3)}元`, `NT$${int(r, 1, 99)},${digits(r, 3)}`]);
export const amountEn = (r: Rng) =>
  pick(r, [`KRW ${int(r, 1, 999)},${digits(r, 3)},000`, `USD ${int(r, 1, 9999)}.${digits(r, 2)}`]);

export const docNoKo = (r: Rng) =>
  pick(r, [
    `제${int(r, 2019, 2025)}-${int(r, 100, 99999)}호`,
    `${pick(r, ["정보공개과", "민원실", "총무과"])}-${int(r, 1000, 99999)}`,
  ]);
export const docNoZh = (r: Rng) =>
  pick(r, [
    `府授${pick(r, ["民", "環", "法"])}字第${int(r, 108, 114)}${digits(r, 7)}號`,
    `北市${pick(r, ["民", "工"])}字第${digits(r, 10)}號`,
  ]);
export const statuteKo = (r: Rng) =>
  pick(r, [
    `법률 제${int(r, 10000, 19999)}호`,
    `제${int(r, 1, 80)}조 제${int(r, 1, 9)}항`,
    `「개인정보 보호법」 제${int(r, 15, 39)}조의${int(r, 2, 3)}`,
  ]);
export const statuteZh = (r: Rng) =>
  pick(r, [`個人資料保護法第${int(r, 1, 56)}條第${int(r, 1, 5)}項`, `政府資訊公開法第${int(r, 1, 24)}條`]);
export const statuteEn = (r: Rng) =>
  `Article ${int(r, 1, 60)}(${int(r, 1, 9)}) of Act No. ${int(r, 10000, 19999)}`;
export const receiptNo = (r: Rng) => `${int(r, 1, 9)}AA-${int(r, 2001, 2512)}-${digits(r, 7)}`;
export const orderNo = (r: Rng) =>
  pick(r, [
    `ORD-${int(r, 2023, 2025)}${pad(int(r, 1, 12), 2)}${pad(int(r, 1, 28), 2)}-${digits(r, 5)}`,
    `${int(r, 2023, 2025)}${pad(int(r, 1, 12), 2)}${pad(int(r, 1, 28), 2)}${digits(r, 5)}`,
  ]);
export const caseNo = (r: Rng) =>
  `${int(r, 2019, 2025)}${pick(r, ["가합", "구단", "나"])}${int(r, 1000, 99999)}`;
export const version3 = (r: Rng) => `v${int(r, 1, 12)}.${int(r, 0, 20)}.${int(r, 0, 40)}`;
export const version4 = (r: Rng) =>
  pick(r, [
    `${int(r, 1, 12)}.${int(r, 0, 9)}.${int(r, 0, 99)}.${int(r, 0, 255)}`,
    `10.0.${int(r, 17000, 26000)}.${int(r, 100, 4000)}`,
  ]);
export const mac = (r: Rng) =>
  Array.from({ length: 6 }, () => int(r, 0, 255).toString(16).padStart(2, "0").toUpperCase()).join(":");
export const coord = (r: Rng) => `${int(r, 33, 38)}.${digits(r, 4)}, ${int(r, 120, 129)}.${digits(r, 4)}`;
export const isbn = (r: Rng) => `978-89-${digits(r, 4)}-${digits(r, 3)}-${int(r, 0, 9)}`;
export const extNo = (r: Rng) => `${int(r, 1000, 9999)}`;
export const postal = (r: Rng) => pad(int(r, 1000, 63999), 5);
export const fileRef = (r: Rng) =>
  `${pick(r, ["logo", "icon", "banner"])}@${int(r, 2, 3)}x.${pick(r, ["png", "jpg", "webp"])}`;
export const sectionNo = (r: Rng) =>
  `${pick(r, ["Section", "section", "§"])} ${int(r, 1, 9)}.${int(r, 1, 9)}.${int(r, 1, 9)}.${int(r, 1, 9)}`;
export const hotline = (r: Rng) => pick(r, ["1588-", "1577-", "1644-"]) + `${int(r, 1000, 9999)}`;
