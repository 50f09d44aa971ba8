import { type CitizenInput, citizenSchema } from "@civicpims/core/disclosure/index";
import type { ZodType } from "zod";
import { badRequest } from "../../http/errors";
import type { Locale } from "../../i18n";
import { subjectRef } from "../../security/subject-ref";
import { createDisclosure } from "../disclosure/disclosure.service";
import { type PortalField, registerPortalKind } from "./kinds";

const L = (ko: string, zh: string, en: string): Record<Locale, string> => ({ ko, "zh-TW": zh, en });
const f = (
  name: string,
  required: boolean,
  type: PortalField["type"],
  label: Record<Locale, string>,
  more: Partial<PortalField> = {},
): PortalField => ({ name, required, type, label, ...more });
const opts = (o: Record<string, Record<Locale, string>>) =>
  Object.entries(o).map(([value, label]) => ({ value, label }));

// The choices of each country's form, in its order (core/src/disclosure/fields.ts KR_METHODS ... TW_RECEIPTS).
const KR_METHOD_OPTS = opts({
  view: L("열람·시청", "閱覽、視聽", "Inspect or view"),
  copy: L("사본·출력물", "複本、列印", "Copies or printouts"),
  electronic: L("전자파일", "電子檔案", "Electronic file"),
  duplicate: L("복제·인화물", "複製、沖印", "Duplicates or prints"),
  other: L("기타", "其他", "Other"),
});
const KR_RECEIPT_OPTS = opts({
  visit: L("직접 방문", "親自領取", "Collect in person"),
  post: L("우편", "郵寄", "Post"),
  fax: L("팩스", "傳真", "Fax"),
  email: L("전자우편", "電子郵件", "E-mail"),
  online: L("정보통신망", "網路", "Online"),
});
const TW_METHOD_OPTS = opts({
  view: L("열람", "閱覽", "Inspect"),
  transcribe: L("초록", "抄錄", "Transcribe"),
  copy: L("복제", "複製", "Copy"),
  other: L("기타", "其他", "Other"),
});
const TW_RECEIPT_OPTS = opts({
  visit: L("직접 방문", "親自領取", "Collect in person"),
  post: L("우편", "郵寄", "Post"),
  fax: L("팩스", "傳真", "Fax"),
  email: L("전자우편", "電子傳遞", "Electronic delivery"),
});
const METHOD_OTHER = L("기타 공개 방법", "其他方式", "Other way");

/** The official request form of each country (KR 정보공개법 시행규칙 별지 제1호; TW 政府資訊公開法 §10①). */
const FIELDS: Record<"KR" | "TW", PortalField[]> = {
  KR: [
    f("requester.name", true, "text", L("성명(법인·단체명)", "姓名", "Name (or organisation)")),
    f("requester.birthDate", false, "date", L("생년월일", "出生年月日", "Date of birth")),
    f("requester.businessNumber", false, "text", L("사업자등록번호", "統一編號", "Business number")),
    f("requester.address", true, "longText", L("주소", "地址", "Address")),
    f("requester.phone", true, "text", L("전화번호", "電話", "Telephone")),
    f("requester.email", true, "email", L("전자우편", "電子郵件", "E-mail")),
    f("content", true, "longText", L("청구 내용", "申請內容", "Information requested")),
    f("methods", true, "choice", L("공개 방법", "公開方式", "How to receive it"), {
      options: KR_METHOD_OPTS,
      multiple: true,
    }),
    f("methodOther", false, "text", METHOD_OTHER),
    f("receipt", true, "choice", L("수령 방법", "領取方式", "How to collect it"), {
      options: KR_RECEIPT_OPTS,
    }),
  ],
  TW: [
    f("requester.name", true, "text", L("성명", "姓名", "Name")),
    f("requester.idNumber", true, "text", L("신분증명번호", "身分證明文件字號", "ID number")),
    f("requester.birthDate", false, "date", L("생년월일", "出生年月日", "Date of birth")),
    f("requester.address", true, "longText", L("주소", "地址", "Address")),
    f("requester.phone", true, "text", L("전화번호", "電話", "Telephone")),
    f("requester.email", true, "email", L("전자우편", "電子郵件", "E-mail")),
    f("content", true, "longText", L("청구 내용", "申請政府資訊之內容要旨及件數", "Information requested")),
    f("itemCount", true, "number", L("건수", "件數", "Number of items")),
    f("purpose", true, "longText", L("용도", "申請政府資訊之用途", "Purpose")),
    f("methods", true, "choice", L("공개 방법", "申請政府資訊之方式", "How to receive it"), {
      options: TW_METHOD_OPTS,
      multiple: true,
    }),
    f("methodOther", false, "text", METHOD_OTHER),
    f("receipt", true, "choice", L("수령 방법", "領取方式", "How to collect it"), {
      options: TW_RECEIPT_OPTS,
    }),
  ],
};

/**
 * Information disclosure on the portal (issue 12 item 3): the country's own form (the same schema the staff
 * intake checks), e-mail required because the code and the receipt go there.
 */
registerPortalKind<CitizenInput>("disclosure", {
  schema: (j) => citizenSchema(j) as unknown as ZodType<CitizenInput>,
  title: L("정보공개 청구", "政府資訊申請", "information request"),
  email: (p) => p.requester.email,
  subjectRef: (deps, p) => {
    const r = p.requester as { name: string; birthDate?: string; businessNumber?: string; idNumber?: string };
    const id = r.idNumber?.toUpperCase() ?? r.businessNumber?.replace(/-/g, "") ?? r.birthDate ?? "";
    // The same key createDisclosure files the case under (person:<name>|<id>), so the ledger entry of the
    // submission and the case share one subject reference.
    return subjectRef(deps.secrets, `person:${r.name.normalize("NFKC").replace(/\s+/g, "")}|${id}`);
  },
  // The form's rules beyond the schema, before a code is mailed (createDisclosure checks them again).
  async validate(_tx, _agency, input) {
    if (input.methods.includes("other") && !input.methodOther?.trim())
      throw badRequest("disclosure.method_other_required");
  },
  create: (ctx, input, opts) => createDisclosure(ctx, input, opts),
  fields: (j) => FIELDS[j],
});
