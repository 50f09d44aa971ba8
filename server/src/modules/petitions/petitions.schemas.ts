import { PETITION_CHANNELS, PETITION_GROUPS, PETITION_LINK_KINDS } from "@civicpims/core/petitions/index";
import { birthDate, longText, receivedAt, text, textField } from "@civicpims/core/validation/index";
import { z } from "zod";

const optText = (max: number) => textField({ max }).optional();
const email = text({ max: 254 }).pipe(z.email());
const code = text({ min: 1, max: 64 }).pipe(z.string().regex(/^[a-z0-9_]+$/));

/**
 * What a petitioner fills in (the portal form reuses this): type, subject, content and who they are.
 * Channel, receipt time and language are given by the caller (staff entry or the portal).
 */
export const petitionIntakeSchema = z
  .object({
    typeCode: code,
    title: text({ min: 1, max: 200 }),
    content: longText({ min: 1, max: 10000 }),
    petitioner: z
      .object({
        name: text({ min: 1, max: 200 }),
        email: email.optional(),
        phone: optText(40),
        address: optText(500),
        birthDate: birthDate().optional(),
      })
      .strict(),
  })
  .strict();
export type PetitionIntake = z.infer<typeof petitionIntakeSchema>;

export const staffIntakeBody = petitionIntakeSchema
  .extend({
    channel: z.enum(PETITION_CHANNELS),
    receivedAt: receivedAt().optional(),
    unitId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    locale: z.enum(["ko", "zh-TW", "en"]).optional(),
  })
  .strict();

export const idParams = z.object({ id: z.uuid() });
// Any text: an unknown code is simply not found (the catalogue's own codes are checked on create).
export const codeParams = z.object({ code: text({ min: 1, max: 64 }) });
export const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

export const typeBody = z
  .object({
    code,
    group: z.enum(PETITION_GROUPS),
    nameKo: text({ min: 1, max: 100 }),
    nameZh: text({ min: 1, max: 100 }),
    nameEn: text({ min: 1, max: 100 }),
    periodDays: z.number().int().min(1).max(365).nullable().optional(),
    periodHours: z.number().int().min(1).max(40).nullable().optional(),
    citation: text({ min: 1, max: 500 }),
    verify: z.boolean().optional(),
    online: z.boolean().optional(),
    category: code.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const typeUpdateBody = typeBody.omit({ code: true });

export const unitTransferBody = z
  .object({ unitId: z.uuid(), assigneeId: z.uuid().optional(), reason: text({ min: 1, max: 500 }) })
  .strict();
export const agencyTransferBody = z
  .object({
    to: text({ min: 1, max: 200 }),
    reason: text({ min: 1, max: 1000 }),
    version: z.number().int().optional(),
  })
  .strict();
export const guardianBody = z.object({ staffId: z.uuid() }).strict();
export const answerBody = z
  .object({
    outcome: z.enum(["granted", "partly", "refused"]),
    summary: longText({ min: 1, max: 4000 }),
    version: z.number().int().optional(),
  })
  .strict();
export const linkBody = z
  .object({ otherCaseId: z.uuid(), kind: z.enum(PETITION_LINK_KINDS), note: optText(500) })
  .strict();
export const candidatesBody = z
  .object({ content: longText({ min: 1, max: 10000 }), petitioner: petitionIntakeSchema.shape.petitioner })
  .strict();
