import { INCIDENT_KINDS } from "@civicpims/core/incidents/index";
import { date, dateTime, longText, name, text } from "@civicpims/core/validation/index";
import { z } from "zod";

export const idParams = z.object({ id: z.uuid() });
export const subParams = z.object({ id: z.uuid(), sub: z.uuid() });
export const codeParams = z.object({ id: z.uuid(), code: text({ min: 1, max: 64 }) });

const count = z.number().int().min(0).max(100_000_000);

export const incidentCreate = z.object({
  title: name(200),
  kind: z.enum(INCIDENT_KINDS),
  automated: z.boolean(),
  detectedAt: dateTime(),
  occurredAt: dateTime().nullish(),
  unitId: z.uuid().nullish(),
  description: longText({ max: 4000 }).nullish(),
  place: text({ max: 300 }).nullish(),
  method: text({ max: 300 }).nullish(),
  containment: longText({ max: 4000 }).nullish(),
  fileIds: z.array(z.uuid()).max(200).default([]),
  systemIds: z.array(z.uuid()).max(200).default([]),
  /** Estimates; when absent, taken from the register files' subject counts and items. */
  subjectCount: count.nullish(),
  externalAccess: z.boolean().default(false),
});

export const incidentUpdate = z.object({
  status: z.enum(["open", "contained", "closed"]).optional(),
  subjectCount: count.nullish(),
  externalAccess: z.boolean().optional(),
  sensitive: z.boolean().optional(),
  uniqueIdentifier: z.boolean().optional(),
  containment: longText({ max: 4000 }).nullish(),
});

export const checklistUpdate = z.object({
  started: z.boolean().optional(),
  done: z.boolean().optional(),
  note: longText({ max: 2000 }).nullish(),
});

export const noteCreate = z.object({ text: longText({ min: 1, max: 4000 }) });

export const clockMark = z.object({ metAt: dateTime().optional() });

/** Without a window: from 90 days before detection until now (the usual first look). */
export const scopeQuery = z.object({ from: dateTime().optional(), to: dateTime().optional() });

export const noticeBody = z.object({
  facts: longText({ min: 1, max: 4000 }),
  measures: longText({ min: 1, max: 4000 }),
  advice: longText({ min: 1, max: 4000 }),
  contact: longText({ min: 1, max: 1000 }),
  compensation: longText({ min: 1, max: 2000 }),
});

export const recipientsBody = z.object({
  recipients: z
    .array(
      z.object({
        name: name(200),
        email: text({ max: 254 }).nullish(),
        postalAddress: longText({ max: 500 }).nullish(),
      }),
    )
    .min(1)
    .max(5000),
});

export const reviewBody = z.object({
  rootCause: longText({ min: 1, max: 4000 }),
  lessons: longText({ max: 4000 }).nullish(),
});

export const actionCreate = z.object({
  title: name(300),
  ownerId: z.uuid().nullish(),
  dueOn: date(),
});

export const contactCreate = z.object({
  role: z.enum([
    "contact_window",
    "support",
    "cyber_security_contact",
    "security_audit_team",
    "privacy_officer",
  ]),
  unitId: z.uuid().nullish(),
  staffId: z.uuid().nullish(),
  person: z
    .object({ name: name(200), email: text({ max: 254 }).nullish(), phone: text({ max: 40 }).nullish() })
    .nullish(),
  escalate: z.boolean().default(true),
});
