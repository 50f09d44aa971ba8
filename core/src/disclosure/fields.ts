// The official request form of each country, as zod schemas built from the shared validators (J1, J4).
// KR: 정보공개 청구서, 공공기관의 정보공개에 관한 법률 §10① and its Enforcement Rule form (별지 제1호서식).
// TW: 申請書, 政府資訊公開法 §10①. The portal reuses `citizenFields(j)` for its form; staff intake adds the
// channel, the received date and routing.
import { z } from "zod";
import { birthDate, longText, text, textField } from "../validation/index";
import { KR_IDENTITY_REQUIRED, krIdentityMissing } from "./identity";

export { KR_IDENTITY_REQUIRED, krIdentityMissing };

const name = text({ min: 1, max: 200 });
const opt = (max: number) => textField({ max }).optional();
const email = text({ max: 254 }).pipe(z.email());

/** KR 공개 방법 (열람·시청 / 사본·출력물 / 전자파일 / 복제·인화물 / 기타). */
export const KR_METHODS = ["view", "copy", "electronic", "duplicate", "other"] as const;
/** KR 수령 방법 (직접 방문 / 우편 / 팩스 / 전자우편 / 정보통신망). */
export const KR_RECEIPTS = ["visit", "post", "fax", "email", "online"] as const;
/** TW 申請之方式 (閱覽 / 抄錄 / 複製 / 其他, §10①3 and §13). */
export const TW_METHODS = ["view", "transcribe", "copy", "other"] as const;
/** TW 取得方式 (親自領取 / 郵寄 / 傳真 / 電子傳遞). */
export const TW_RECEIPTS = ["visit", "post", "fax", "email"] as const;
export const DISCLOSURE_METHODS = ["view", "copy", "electronic", "duplicate", "transcribe", "other"] as const;
export const DISCLOSURE_RECEIPTS = ["visit", "post", "fax", "email", "online"] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];
export type DisclosureReceipt = (typeof DISCLOSURE_RECEIPTS)[number];

/** KR: 생년월일 for a person or 사업자(법인·단체)등록번호 for a company; one of them is asked on the form. */
const krBusinessNumber = text({ min: 10, max: 12 }).pipe(z.string().regex(/^\d{3}-?\d{2}-?\d{5}$/));
/** TW 身分證明文件字號 (national ID, resident certificate or passport number). */
const twIdNumber = text({ min: 4, max: 20 }).pipe(z.string().regex(/^[A-Za-z0-9-]+$/));

export const krRequesterSchema = z
  .object({
    name,
    birthDate: birthDate().optional(),
    businessNumber: krBusinessNumber.optional(),
    address: text({ min: 1, max: 500 }),
    phone: text({ min: 1, max: 40 }),
    email: email.optional(),
  })
  .strict()
  // Neither is required alone, so the refusal names both (on the birth date, the form's first of the two).
  .refine((r) => !krIdentityMissing(r), {
    message: KR_IDENTITY_REQUIRED,
    path: ["birthDate"],
    params: { code: KR_IDENTITY_REQUIRED },
  });

export const twRequesterSchema = z
  .object({
    name,
    idNumber: twIdNumber,
    birthDate: birthDate().optional(),
    address: text({ min: 1, max: 500 }),
    phone: text({ min: 1, max: 40 }),
    email: email.optional(),
  })
  .strict();

/** TW §10①1: 法定代理人或代理人 (name, ID number, address, phone). */
export const twRepresentativeSchema = z
  .object({ name, idNumber: twIdNumber.optional(), address: opt(500), phone: opt(40) })
  .strict();

const feeWaiver = z.object({ requested: z.boolean(), reason: opt(1000) }).strict();

/** What a KR requester fills in (the portal form and the paper form are the same fields). */
export const krCitizenSchema = z
  .object({
    requester: krRequesterSchema,
    content: longText({ min: 1, max: 5000 }),
    methods: z.array(z.enum(KR_METHODS)).min(1).max(5),
    methodOther: opt(200),
    receipt: z.enum(KR_RECEIPTS),
    feeWaiver: feeWaiver.optional(),
  })
  .strict();

/** What a TW requester fills in (申請書 §10①). */
export const twCitizenSchema = z
  .object({
    requester: twRequesterSchema,
    representative: twRepresentativeSchema.nullish(),
    content: longText({ min: 1, max: 5000 }),
    itemCount: z.number().int().min(1).max(1000),
    purpose: textField({ min: 1, max: 1000 }),
    methods: z.array(z.enum(TW_METHODS)).min(1).max(4),
    methodOther: opt(200),
    receipt: z.enum(TW_RECEIPTS),
    feeWaiver: feeWaiver.optional(),
  })
  .strict();

export type KrCitizenInput = z.infer<typeof krCitizenSchema>;
export type TwCitizenInput = z.infer<typeof twCitizenSchema>;
export type CitizenInput = KrCitizenInput | TwCitizenInput;

export function citizenSchema(j: "KR" | "TW") {
  return j === "KR" ? krCitizenSchema : twCitizenSchema;
}

/** The form's fields in order, per country (for screens that lay the form out and for the letter). */
export const FORM_FIELDS = {
  KR: [
    "requester.name",
    "requester.birthDate",
    "requester.businessNumber",
    "requester.address",
    "requester.phone",
    "requester.email",
    "content",
    "methods",
    "receipt",
    "feeWaiver",
  ],
  TW: [
    "requester.name",
    "requester.idNumber",
    "requester.address",
    "requester.phone",
    "requester.email",
    "representative",
    "content",
    "itemCount",
    "purpose",
    "methods",
    "receipt",
    "feeWaiver",
  ],
} as const;

/** The statutory clock of a disclosure request (core/src/jurisdictions/{kr,tw}/deadlines.ts). */
export const DISCLOSURE_DEADLINE_KIND = { KR: "foi", TW: "tw_foi" } as const;
