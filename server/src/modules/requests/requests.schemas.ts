import {
  CHANNELS,
  DELIVERY_METHODS,
  IDENTITY_METHODS,
  ITEM_DECISIONS,
  REPRESENTATION_BASES,
  REQUESTER_TYPES,
} from "@civicpims/core/cases/index";
import {
  birthDate,
  date,
  dateTime,
  longText,
  receivedAt,
  text,
  textField,
} from "@civicpims/core/validation/index";
import { z } from "zod";

const name = text({ min: 1, max: 200 });
const optText = (max: number) => textField({ max }).optional();
/** Syntax check only; deliverability is the mail transport's business (portal: code confirmation). */
export const email = text({ max: 254 }).pipe(z.email());

export const requesterSchema = z
  .object({
    name,
    email: email.optional(),
    phone: optText(40),
    address: optText(500),
    birthDate: birthDate().optional(),
  })
  .strict();

export const subjectSchema = z
  .object({ name, birthDate: birthDate().optional(), phone: optText(40), address: optText(500) })
  .strict();

/** Fields of KR 별지 제1호 / 제2호 and the TW application (requester, subject, representation, content). */
export const requestFields = {
  kind: text({ min: 1, max: 64, trim: false }),
  actions: z
    .array(text({ min: 1, max: 40, trim: false }))
    .max(10)
    .optional(),
  requesterType: z.enum(REQUESTER_TYPES),
  requester: requesterSchema,
  subject: subjectSchema.nullish(),
  representation: z
    .object({ basis: z.enum(REPRESENTATION_BASES), relationship: optText(100) })
    .strict()
    .nullish(),
  content: longText({ min: 1, max: 5000 }),
  targetFileIds: z.array(z.uuid()).max(50).optional(),
  targetDescription: optText(2000),
  delivery: z
    .object({ method: z.enum(DELIVERY_METHODS), address: optText(500) })
    .strict()
    .optional(),
};

export const staffCreateBody = z
  .object({
    ...requestFields,
    channel: z.enum(CHANNELS),
    receivedAt: receivedAt().optional(),
    unitId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    locale: z.enum(["ko", "zh-TW", "en"]).optional(),
  })
  .strict();
export type StaffCreateBody = z.infer<typeof staffCreateBody>;

export const idParams = z.object({ id: z.uuid() });
export const disputeParams = z.object({ disputeId: z.uuid() });
export const taskParams = z.object({ taskId: z.uuid() });

export const identityBody = z
  .object({
    personRole: z.enum(["requester", "subject", "representative"]),
    method: z.enum(IDENTITY_METHODS),
    documentType: text({ min: 1, max: 100 }),
    identifier: text({ min: 4, max: 40 }).optional(),
    result: z.enum(["verified", "failed"]),
    notes: optText(1000),
  })
  .strict();

export const itemsBody = z
  .object({
    items: z
      .array(
        z
          .object({
            fileId: z.uuid().optional(),
            fileLabel: optText(300),
            action: text({ min: 1, max: 40, trim: false }),
            details: optText(2000),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const decisionBody = z
  .object({
    items: z
      .array(
        z
          .object({
            itemId: z.uuid(),
            decision: z.enum(ITEM_DECISIONS),
            groundCode: text({ min: 1, max: 64, trim: false }).optional(),
            note: optText(2000),
            deferUntil: date().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    summary: optText(4000),
  })
  .strict();

export const feesBody = z
  .object({
    items: z
      .array(
        z
          .object({
            code: text({ min: 1, max: 64, trim: false }),
            quantity: z.number().int().min(1).max(100_000),
            unitAmount: z.number().int().min(0).max(10_000_000).optional(),
          })
          .strict(),
      )
      .max(20),
    waived: z.boolean().default(false),
    waiverReason: optText(1000),
  })
  .strict();

export const deliveryBody = z
  .object({
    method: z.enum(DELIVERY_METHODS),
    address: optText(500),
    appointmentAt: dateTime().optional(),
    companionStaffId: z.uuid().optional(),
    location: optText(300),
  })
  .strict();

export const notifyBody = z.object({ note: optText(1000) }).strict();

export const completionBody = z.object({ missing: longText({ min: 1, max: 2000 }), fixBy: date() }).strict();

export const disputeBody = z
  .object({
    fileId: z.uuid().optional(),
    fileLabel: text({ min: 1, max: 300 }),
    description: longText({ min: 1, max: 4000 }),
  })
  .strict();

export const resolveBody = z
  .object({
    resolution: longText({ min: 1, max: 4000 }),
    outcome: z.enum(["corrected", "confirmed", "withdrawn"]),
  })
  .strict();

export const tasksQuery = z.object({ status: z.enum(["open", "done"]).default("open") });
export const doneBody = z.object({ note: optText(1000) }).strict();
export const disputesQuery = z.object({ status: z.enum(["open", "resolved"]).default("open") });

export const statsQuery = z.object({
  period: z.enum(["month", "quarter", "year"]).default("month"),
  from: date().optional(),
  to: date().optional(),
});
