// 個人資料保護法之特定目的及個人資料之類別 — 個人資料之類別 (personal data categories), grouped as in the
// official list (識別類, 特徵類, 家庭情形, 社會情況, 教育考選技術或其他專業, 受僱情形, 財務細節, 商業資訊,
// 健康與其他, 其他各類資訊). Used in the inventory sheet [004 三十七(十一)] and in collection notices [002 第7點].
//
// Provenance: codes in CONFIRMED were seen with the same code and name in published TW collection notices
// (public repositories); the rest is transcribed from the official list as recalled and marked `verify`.
// English names are this project's translations.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ARTICLE = "個人資料保護法之特定目的及個人資料之類別 (PDPA Art. 53), 個人資料之類別";

const CONFIRMED = new Set([
  "C001",
  "C002",
  "C003",
  "C011",
  "C012",
  "C021",
  "C023",
  "C031",
  "C033",
  "C034",
  "C035",
  "C036",
  "C038",
  "C039",
  "C051",
  "C052",
  "C061",
  "C065",
  "C066",
  "C068",
  "C081",
  "C093",
  "C102",
  "C111",
  "C131",
  "C132",
]);

/** The ten classes of the official list, as their own small catalogue (codes are group keys). */
export const twDataCategoryGroups: CatalogueEntry[] = [
  { code: "identification", names: { "zh-TW": "識別類", en: "Identification" } },
  { code: "characteristics", names: { "zh-TW": "特徵類", en: "Characteristics" } },
  { code: "family", names: { "zh-TW": "家庭情形", en: "Family circumstances" } },
  { code: "social", names: { "zh-TW": "社會情況", en: "Social circumstances" } },
  {
    code: "education",
    names: {
      "zh-TW": "教育、考選、技術或其他專業",
      en: "Education, examinations, skills or other professions",
    },
  },
  { code: "employment", names: { "zh-TW": "受僱情形", en: "Employment" } },
  { code: "financial", names: { "zh-TW": "財務細節", en: "Financial details" } },
  { code: "commercial", names: { "zh-TW": "商業資訊", en: "Commercial information" } },
  { code: "health_other", names: { "zh-TW": "健康與其他", en: "Health and other" } },
  { code: "other", names: { "zh-TW": "其他各類資訊", en: "Other information" } },
].map((e) => ({ ...e, article: ARTICLE }));

type Row = readonly [code: string, group: string, zh: string, en: string, flags?: Partial<CatalogueEntry>];

// Art. 6 data (病歷、醫療、基因、性生活、健康檢查、犯罪前科) falls mostly in C111, C112, C115, C116:
// they are flagged sensitive so the register warns when a file uses them [B8].
const art6 = (which: string): Partial<CatalogueEntry> => ({
  sensitive: true,
  attributes: { pdpaArt6: which },
});

const ROWS: readonly Row[] = [
  ["C001", "identification", "辨識個人者", "Identifies the individual (name, address, phone, e-mail...)"],
  ["C002", "identification", "辨識財務者", "Identifies finances (bank account, credit card number...)"],
  [
    "C003",
    "identification",
    "政府資料中之辨識者",
    "Government identifiers (national ID number, passport number...)",
    { uniqueIdentifier: true },
  ],
  [
    "C011",
    "characteristics",
    "個人描述",
    "Personal description (age, sex, date and place of birth, nationality)",
  ],
  ["C012", "characteristics", "身體描述", "Physical description (height, weight, blood type)"],
  ["C013", "characteristics", "習慣", "Habits"],
  ["C014", "characteristics", "個性", "Personality"],
  ["C021", "family", "家庭情形", "Family circumstances"],
  ["C022", "family", "婚姻之歷史", "Marital history"],
  ["C023", "family", "家庭其他成員之細節", "Details of other family members"],
  ["C024", "family", "其他社會關係", "Other social relationships"],
  ["C031", "social", "住家及設施", "Residence and facilities"],
  ["C032", "social", "財產", "Property"],
  ["C033", "social", "移民情形", "Immigration status"],
  ["C034", "social", "旅行及其他遷徙細節", "Travel and other movement details"],
  ["C035", "social", "休閒活動及興趣", "Leisure activities and interests"],
  ["C036", "social", "生活格調", "Lifestyle"],
  ["C037", "social", "慈善機構或其他團體之會員資格", "Membership of charities or other groups"],
  ["C038", "social", "職業", "Occupation"],
  ["C039", "social", "執照或其他許可", "Licences or other permits"],
  ["C040", "social", "意外或其他事故及有關情形", "Accidents or other incidents and related circumstances"],
  [
    "C041",
    "social",
    "法院、檢察署或其他審判機關或其他程序",
    "Court, prosecutors' office or other adjudicating bodies or proceedings",
  ],
  ["C051", "education", "學校紀錄", "School records"],
  ["C052", "education", "資格或技術", "Qualifications or skills"],
  ["C053", "education", "職業團體會員資格", "Membership of professional bodies"],
  ["C054", "education", "職業專長", "Professional expertise"],
  ["C055", "education", "委員會之會員資格", "Committee membership"],
  ["C056", "education", "著作", "Publications"],
  ["C057", "education", "學生（員）、應考人紀錄", "Student, trainee and examinee records"],
  ["C058", "education", "委員工作紀錄", "Committee members' work records"],
  ["C061", "employment", "現行之受僱情形", "Current employment"],
  ["C062", "employment", "僱用經過", "Employment history"],
  ["C063", "employment", "離職經過", "Separation history"],
  ["C064", "employment", "工作經驗", "Work experience"],
  ["C065", "employment", "工作、差勤紀錄", "Work and attendance records"],
  ["C066", "employment", "健康與安全紀錄", "Health and safety records"],
  ["C067", "employment", "工會及員工之會員資格", "Trade union and staff association membership"],
  ["C068", "employment", "薪資與預扣款", "Pay and withholdings"],
  ["C069", "employment", "受僱人所持有之財產", "Property held by the employee"],
  ["C070", "employment", "工作管理之細節", "Work management details"],
  ["C071", "employment", "工作之評估細節", "Work assessment details"],
  ["C072", "employment", "受訓紀錄", "Training records"],
  ["C073", "employment", "安全細節", "Security details"],
  ["C081", "financial", "收入、所得、資產與投資", "Income, earnings, assets and investments"],
  ["C082", "financial", "負債與支出", "Liabilities and expenditure"],
  ["C083", "financial", "信用評等", "Credit rating"],
  ["C084", "financial", "貸款", "Loans"],
  ["C085", "financial", "外匯交易紀錄", "Foreign exchange transaction records"],
  ["C086", "financial", "票據信用", "Cheque and bill credit"],
  ["C087", "financial", "津貼、福利、贈款", "Allowances, benefits and grants"],
  ["C088", "financial", "保險細節", "Insurance details"],
  [
    "C089",
    "financial",
    "社會保險給付、就養給付及其他退休給付",
    "Social insurance benefits, veterans' support and other retirement benefits",
  ],
  ["C091", "financial", "資料主體所取得之財貨或服務", "Goods or services obtained by the data subject"],
  ["C092", "financial", "資料主體提供之財貨或服務", "Goods or services provided by the data subject"],
  ["C093", "financial", "財務交易", "Financial transactions"],
  ["C094", "financial", "賠償", "Compensation"],
  ["C101", "commercial", "資料主體之商業活動", "Business activities of the data subject"],
  ["C102", "commercial", "約定或契約", "Agreements or contracts"],
  ["C103", "commercial", "與營業有關之執照", "Business-related licences"],
  ["C111", "health_other", "健康紀錄", "Health records", art6("病歷、醫療、基因、健康檢查")],
  ["C112", "health_other", "性生活", "Sex life", art6("性生活")],
  ["C113", "health_other", "種族或血統來源", "Racial or ethnic origin"],
  [
    "C114",
    "health_other",
    "交通違規之確定裁判及行政處分",
    "Final judgments and administrative decisions on traffic offences",
  ],
  [
    "C115",
    "health_other",
    "其他裁判及行政處分",
    "Other judgments and administrative decisions",
    art6("犯罪前科"),
  ],
  ["C116", "health_other", "犯罪嫌疑資料", "Criminal suspicion data", art6("犯罪前科")],
  ["C117", "health_other", "政治意見", "Political opinions"],
  ["C118", "health_other", "政治團體之成員", "Membership of political groups"],
  ["C119", "health_other", "對利益團體之支持", "Support for interest groups"],
  ["C120", "health_other", "宗教信仰", "Religious beliefs"],
  ["C121", "health_other", "其他信仰", "Other beliefs"],
  ["C131", "other", "書面文件之檢索", "Retrieval of written documents"],
  ["C132", "other", "未分類之資料", "Unclassified data"],
  ["C133", "other", "輿情蒐集", "Collection of public opinion"],
];

export const twDataCategories: CatalogueEntry[] = ROWS.map(([code, group, zh, en, flags]) => ({
  code,
  names: { "zh-TW": zh, en },
  article: ARTICLE,
  group,
  ...flags,
  ...(CONFIRMED.has(code) ? {} : { verify: true as const }),
}));
