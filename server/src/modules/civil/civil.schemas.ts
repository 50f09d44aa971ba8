import { FAMILY_REGISTER_KINDS, ROSTER_ROLES } from "@civicpims/core/civil/index";
import { date, longText, name, text } from "@civicpims/core/validation/index";
import { z } from "zod";

export const idParams = z.object({ id: z.uuid() });

const currency = text({ min: 3, max: 3 }).regex(/^[A-Z]{3}$/, "ISO 4217 code");
const amount = z.number().int().min(0).max(1_000_000_000);
const code = text({ min: 1, max: 64 });

/** A period (both ends inclusive); without one, the current calendar year. */
export const periodQuery = z.object({ from: date().optional(), to: date().optional() });

export const compensationCreate = z.object({
  occurredOn: date(),
  description: longText({ min: 1, max: 4000 }),
  lossType: code,
  amount,
  currency,
  caseId: z.uuid().nullish(),
  unitId: z.uuid().nullish(),
  payee: z
    .object({
      name: name(200),
      bank: text({ max: 100 }).nullish(),
      account: text({ max: 60 }).nullish(),
    })
    .nullish(),
});

/** The record form's case picker: part of a receipt number (at least two characters). */
export const casePickerQuery = z.object({ q: text({ min: 2, max: 40 }) });

export const compensationList = z.object({
  from: date().optional(),
  to: date().optional(),
  status: z.enum(["recorded", "approved", "paid"]).optional(),
});

export const approveBody = z.object({ approvedOn: date().optional() });
export const payBody = z.object({ paidOn: date() });

export const rosterCreate = z.object({
  role: z.enum(ROSTER_ROLES),
  staffId: z.uuid().nullish(),
  unitId: z.uuid().nullish(),
  person: z.object({ name: name(200), contact: text({ max: 200 }).nullish() }).nullish(),
  validFrom: date(),
  validTo: date().nullish(),
  note: text({ max: 300 }).nullish(),
});

export const rosterEnd = z.object({ validTo: date() });
export const rosterQuery = z.object({ on: date().optional() });

export const monitorReportCreate = z.object({
  reportedOn: date(),
  summary: longText({ min: 1, max: 4000 }),
  rewardAmount: amount.nullish(),
  rewardCurrency: currency.nullish(),
});

export const filingCreate = z.object({
  kind: z.enum(FAMILY_REGISTER_KINDS),
  filedOn: date(),
  reference: text({ max: 60 }).nullish(),
  applicant: z.object({ name: name(200), contact: text({ max: 200 }).nullish() }).nullish(),
});

export const filingNotice = z.object({
  noticeOn: date(),
  channel: z.enum(["post", "phone", "sms", "email", "in_person"]),
});

export const filingList = z.object({
  from: date().optional(),
  to: date().optional(),
  kind: z.enum(FAMILY_REGISTER_KINDS).optional(),
});

/** Without a year, the current one. */
export const reportQuery = z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() });
