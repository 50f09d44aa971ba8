import {
  DECISION_OUTCOMES,
  DISCLOSURE_METHODS,
  DISCLOSURE_RECEIPTS,
  krCitizenSchema,
  twCitizenSchema,
} from "@civicpims/core/disclosure/index";
import { date, dateTime, longText, receivedAt, text, textField } from "@civicpims/core/validation/index";
import { z } from "zod";

/** What the portal's form sends, per country (re-exported for the portal module). */
export { krCitizenSchema, twCitizenSchema };

const staffExtra = {
  channel: z.enum(["visit", "mail", "fax", "email", "online"]),
  receivedAt: receivedAt().optional(),
  locale: z.enum(["ko", "zh-TW", "en"]).optional(),
  unitId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
};
/** Staff intake: the form of the agency's country (`form` says which) plus channel, received date and routing. */
export const staffCreateBody = z
  .object({
    ...staffExtra,
    form: z.enum(["KR", "TW"]),
    // One flat shape for the input guard; the service re-checks it against the country's form schema.
    requester: z
      .object({
        name: text({ min: 1, max: 200 }),
        birthDate: date().optional(),
        businessNumber: text({ max: 12 }).optional(),
        idNumber: text({ max: 20 }).optional(),
        address: text({ min: 1, max: 500 }),
        phone: text({ min: 1, max: 40 }),
        email: text({ max: 254 }).optional(),
      })
      .strict(),
    representative: z
      .object({
        name: text({ min: 1, max: 200 }),
        idNumber: text({ max: 20 }).optional(),
        address: textField({ max: 500 }).optional(),
        phone: text({ max: 40 }).optional(),
      })
      .strict()
      .nullish(),
    content: longText({ min: 1, max: 5000 }),
    itemCount: z.number().int().min(1).max(1000).optional(),
    purpose: textField({ max: 1000 }).optional(),
    methods: z.array(z.enum(DISCLOSURE_METHODS)).min(1).max(6),
    methodOther: text({ max: 200 }).optional(),
    receipt: z.enum(DISCLOSURE_RECEIPTS),
    feeWaiver: z
      .object({ requested: z.boolean(), reason: textField({ max: 1000 }).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const idParams = z.object({ id: z.uuid() }).strict();
export const partyParams = z.object({ id: z.uuid(), partyId: z.uuid() }).strict();

export const thirdPartyBody = z
  .object({
    name: text({ min: 1, max: 200 }),
    contact: textField({ max: 500 }).optional(),
    notifiedAt: dateTime().optional(),
    responseDueAt: dateTime().optional(),
  })
  .strict();

export const opinionBody = z
  .object({ opinion: z.enum(["agree", "object", "none"]), note: longText({ max: 4000 }).optional() })
  .strict();

export const decideBody = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    groundCodes: z
      .array(text({ min: 1, max: 40, trim: false }))
      .max(20)
      .default([]),
    note: longText({ max: 4000 }).optional(),
    fees: z
      .object({
        lines: z
          .array(
            z
              .object({
                code: text({ min: 1, max: 40, trim: false }),
                quantity: z.number().int().min(0).max(100_000),
                unitAmount: z.number().int().min(0).max(10_000_000).optional(),
              })
              .strict(),
          )
          .max(20),
        waived: z.boolean(),
      })
      .strict()
      .optional(),
    releaseAttachmentIds: z.array(z.uuid()).max(50).optional(),
    /** A decision taken on paper earlier is recorded with its date (not before receipt, not in the future). */
    decidedAt: dateTime().optional(),
  })
  .strict();

export const transferBody = z
  .object({ targetAgency: text({ min: 1, max: 200 }), reason: longText({ min: 1, max: 2000 }) })
  .strict();
export const withdrawBody = z.object({ reason: longText({ min: 1, max: 2000 }) }).strict();
export const notifyBody = z.object({ notifiedAt: dateTime().optional() }).strict();
export const objectionBody = z
  .object({ filedAt: dateTime(), note: longText({ max: 4000 }).optional() })
  .strict();
