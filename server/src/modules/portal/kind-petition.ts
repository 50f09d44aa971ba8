import { text } from "@civicpims/core/validation/index";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { petitionTypes } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import type { Locale } from "../../i18n";
import { subjectRef } from "../../security/subject-ref";
import { petitionIntakeSchema } from "../petitions/petitions.schemas";
import { createPetition, petitionerKey } from "../petitions/petitions.service";
import { typeOf } from "../petitions/types.service";
import { type PortalField, type ReceiptText, registerPortalKind } from "./kinds";
import { agencyByCode } from "./portal.service";

/**
 * The petition form as the citizen fills it (issue 12 items 1-2, I1): the staff intake form with the
 * e-mail required, since the confirmation code, the receipt and the answer go there.
 */
const petitionPortalSchema = petitionIntakeSchema.extend({
  petitioner: petitionIntakeSchema.shape.petitioner.extend({
    email: text({ max: 254 }).pipe(z.email()),
  }),
});
export type PetitionPortalPayload = z.infer<typeof petitionPortalSchema>;

/** The agency's types a citizen may file online (active, marked online, with a period). */
export async function onlinePetitionTypes(q: Queryable, agencyId: string) {
  const rows = await q
    .select()
    .from(petitionTypes)
    .where(
      and(
        eq(petitionTypes.agencyId, agencyId),
        eq(petitionTypes.active, true),
        eq(petitionTypes.online, true),
      ),
    )
    .orderBy(asc(petitionTypes.group), asc(petitionTypes.code));
  return rows
    .filter((t) => t.periodDays != null || t.periodHours != null)
    .map((t) => ({
      code: t.code,
      group: t.group,
      names: { ko: t.nameKo, "zh-TW": t.nameZh, en: t.nameEn },
      period: t.periodDays != null ? { days: t.periodDays } : { hours: t.periodHours as number },
      citation: t.citation,
    }));
}

const L = (ko: string, zh: string, en: string): Record<Locale, string> => ({ ko, "zh-TW": zh, en });

const PETITION_FIELDS: PortalField[] = [
  { name: "typeCode", required: true, type: "choice", label: L("민원 종류", "陳情類別", "Kind of petition") },
  { name: "title", required: true, type: "text", label: L("제목", "主旨", "Subject") },
  { name: "content", required: true, type: "longText", label: L("내용", "內容", "Content") },
  { name: "petitioner.name", required: true, type: "text", label: L("성명", "姓名", "Name") },
  { name: "petitioner.email", required: true, type: "email", label: L("전자우편", "電子郵件", "E-mail") },
  { name: "petitioner.phone", required: false, type: "text", label: L("전화번호", "電話", "Telephone") },
  { name: "petitioner.address", required: false, type: "longText", label: L("주소", "地址", "Address") },
];

const receiptText: ReceiptText = {
  ko: (n, a, u) => [
    `[민원 접수 완료] ${n}`,
    `${a}에 민원이 접수되었습니다. 접수번호: ${n}\n` +
      `처리 상황은 ${u}/portal 에서 접수번호와 화면에 표시된 확인코드로 볼 수 있습니다. ` +
      "처리 단계와 담당 부서는 접수번호만으로도 조회됩니다.",
  ],
  "zh-TW": (n, a, u) => [
    `[陳情已收件] ${n}`,
    `${a}已收到您的陳情。收件編號：${n}\n` +
      `請至 ${u}/portal 以收件編號及畫面上顯示的查詢碼查詢處理情形；處理階段及承辦單位僅憑收件編號亦可查詢。`,
  ],
  en: (n, a, u) => [
    `[Petition received] ${n}`,
    `${a} received your petition. Receipt number: ${n}\n` +
      `See its progress at ${u}/portal with the receipt number and the access code shown on screen. ` +
      "Its stage and the responsible unit can also be looked up with the receipt number alone.",
  ],
};

registerPortalKind<PetitionPortalPayload>("petition", {
  schema: () => petitionPortalSchema,
  title: L("민원", "陳情", "petition"),
  email: (p) => p.petitioner.email,
  subjectRef: (deps, p) => subjectRef(deps.secrets, `petitioner:${petitionerKey(p.petitioner)}`),
  async validate(tx, agency, input) {
    if (agency.jurisdiction !== "KR") throw badRequest("petitions.not_in_rule_pack");
    const t = await typeOf(tx, agency.id, input.typeCode);
    // A counter item or a type the agency keeps off the portal is "unknown" to the citizen.
    if (!t.online) throw badRequest("petitions.unknown_type", { type: input.typeCode });
    if (t.periodDays == null && t.periodHours == null)
      throw badRequest("petitions.period_missing", { type: t.code });
  },
  // No 접수증 letter: an online filing is acknowledged electronically (the receipt mail below, and the receipt
  // number on screen), and a letter needs the officer in charge, whom a portal petition does not have yet.
  create: (ctx, input, opts) => createPetition(ctx, input, { ...opts, receiptSlip: false }),
  receiptText,
  fields: (j) => (j === "KR" ? PETITION_FIELDS : []),
});

/** The type picker of the portal petition form (public: the catalogue holds no personal data). */
export function registerPetitionPortalRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/portal/agencies/:code/petition-types",
    access: "public",
    tag: "portal",
    summary: "The petition types an agency takes online, with their period and its citation",
    params: z.object({ code: text({ min: 1, max: 64, trim: false }) }),
    handler: async ({ tx, params }) => {
      const a = await agencyByCode(tx, params.code);
      if (!a) throw notFound("portal.unknown_agency");
      if (a.jurisdiction !== "KR") return { agencyCode: a.code, available: false, types: [] };
      return { agencyCode: a.code, available: true, types: await onlinePetitionTypes(tx, a.id) };
    },
    audit: { skip: "public catalogue of petition types" },
  });
}
