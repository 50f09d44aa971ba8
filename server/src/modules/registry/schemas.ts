import { fileFieldsPatchSchema, fileFieldsSchema } from "@civicpims/core/registry/validate";
import {
  birthDate,
  cleanJson,
  date,
  dateTime,
  longText,
  text,
  textField,
} from "@civicpims/core/validation/index";
import { z } from "zod";
import { ENTITY_TYPES } from "./history";

export const idParams = z.object({ id: z.uuid() });
export const qbool = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

const reason = longText({ max: 500, trim: false }).optional();
/** Body of every update: the version the client read and why it changes the record. */
export const versioned = { version: z.number().int().min(1), reason };
export const deleteBody = z.object({ version: z.number().int().min(1), reason });

/** A privacy officer's explicit override of the publication guard's findings (ledgered). */
const publicationOverride = z.object({ reason: longText({ min: 1, max: 1000 }) }).optional();
export const fileCreate = fileFieldsSchema.extend({ publicationOverride });
export const filePatch = fileFieldsPatchSchema.extend(versioned).extend({ publicationOverride });

export const historyParams = z.object({ entityType: z.enum(ENTITY_TYPES), id: z.uuid() });

const optText = (max: number) => textField({ max }).nullish();
const isoDate = date();

export const systemFields = z.object({
  name: text({ min: 1, max: 200 }),
  operator: optText(200),
  location: optText(300),
  entrusted: z.boolean().default(false),
  description: optText(2000),
});
export const systemPatch = systemFields.partial().extend(versioned);

export const flowCreate = z.object({
  direction: z.enum(["in", "out"]),
  counterpart: text({ min: 1, max: 300 }),
  systemId: z.uuid().nullish(),
  description: optText(1000),
});

export const provisionFields = z.object({
  fileId: z.uuid().nullish(),
  recipient: text({ min: 1, max: 300 }),
  legalGroundCode: text({ min: 1, max: 64, trim: false }),
  legalGroundText: optText(1000),
  items: z
    .array(text({ min: 1, max: 200 }))
    .max(200)
    .default([]),
  purpose: longText({ min: 1, max: 1000 }),
  retentionAtRecipient: optText(200),
  method: optText(300),
  frequency: optText(200),
  kind: z.enum(["routine", "one_off"]),
  outOfPurpose: z.boolean().default(false),
  providedOn: isoDate.nullish(),
});
export const provisionPatch = z
  .object({
    recipient: text({ min: 1, max: 300 }),
    legalGroundCode: text({ min: 1, max: 64, trim: false }),
    legalGroundText: optText(1000),
    items: z.array(text({ min: 1, max: 200 })).max(200),
    purpose: longText({ min: 1, max: 1000 }),
    retentionAtRecipient: optText(200),
    method: optText(300),
    frequency: optText(200),
    providedOn: isoDate.nullish(),
  })
  .partial()
  .extend(versioned);
export const provisionDecision = z.object({
  decision: z.enum(["approve", "reject"]),
  note: optText(1000),
  version: z.number().int().min(1),
});
export const provisionQuery = z.object({
  fileId: z.uuid().optional(),
  status: z.enum(["active", "pending", "approved", "rejected"]).optional(),
});

const clause = z.object({
  code: text({ min: 1, max: 64, trim: false }),
  status: z.enum(["met", "missing", "na"]),
  note: longText({ max: 1000, trim: false }).nullish(),
});
export const entrustmentFields = z.object({
  vendor: text({ min: 1, max: 300 }),
  vendorContact: optText(300),
  tasks: longText({ min: 1, max: 2000 }),
  fileIds: z.array(z.uuid()).max(200).default([]),
  contractStart: isoDate.nullish(),
  contractEnd: isoDate.nullish(),
  isPublic: z.boolean().default(true),
  clauses: z.array(clause).max(100).optional(),
});
export const entrustmentPatch = z
  .object({
    vendor: text({ min: 1, max: 300 }),
    vendorContact: optText(300),
    tasks: longText({ min: 1, max: 2000 }),
    fileIds: z.array(z.uuid()).max(200),
    contractStart: isoDate.nullish(),
    contractEnd: isoDate.nullish(),
    isPublic: z.boolean(),
    clauses: z.array(clause).max(100),
  })
  .partial()
  .extend(versioned);
export const supervisionCreate = z.object({
  inspectedOn: isoDate,
  inspector: text({ min: 1, max: 200 }),
  findings: longText({ min: 1, max: 5000 }),
  actions: z
    .array(z.object({ action: longText({ min: 1, max: 2000 }), dueOn: isoDate }))
    .max(50)
    .default([]),
});
export const actionPatch = z.object({ doneOn: isoDate.nullable(), note: optText(1000) });
export const vendorStaffCreate = z.object({
  name: text({ min: 1, max: 200 }),
  role: optText(200),
  accountName: optText(200),
  joinedOn: isoDate.nullish(),
});
export const vendorStaffPatch = z
  .object({
    name: text({ min: 1, max: 200 }),
    role: optText(200),
    accountName: optText(200),
    joinedOn: isoDate.nullish(),
    departedOn: isoDate.nullish(),
    accountLockedAt: dateTime().nullish(),
    passwordsChangedAt: dateTime().nullish(),
  })
  .partial()
  .extend(versioned);
export const terminateBody = z.object({
  terminatedOn: isoDate,
  returnConfirmed: z.boolean(),
  deletionConfirmed: z.boolean(),
  accessRevoked: z.boolean(),
  note: optText(2000),
  ...versioned,
});

export const deviceFields = z.object({
  name: text({ min: 1, max: 200 }),
  location: longText({ min: 1, max: 500 }),
  purpose: longText({ min: 1, max: 500 }),
  count: z.number().int().min(1).max(100000),
  recordingHours: text({ min: 1, max: 200 }),
  retentionDays: z.number().int().min(1).max(3650),
  managers: z
    .array(z.object({ name: text({ min: 1, max: 100 }), unit: optText(200), phone: optText(50) }))
    .max(20)
    .default([]),
  unitId: z.uuid().nullish(),
  installedOn: isoDate.nullish(),
  notes: optText(2000),
});
export const devicePatch = z
  .object({
    name: text({ min: 1, max: 200 }),
    location: longText({ min: 1, max: 500 }),
    purpose: longText({ min: 1, max: 500 }),
    count: z.number().int().min(1).max(100000),
    recordingHours: text({ min: 1, max: 200 }),
    retentionDays: z.number().int().min(1).max(3650),
    managers: z
      .array(z.object({ name: text({ min: 1, max: 100 }), unit: optText(200), phone: optText(50) }))
      .max(20),
    unitId: z.uuid().nullish(),
    installedOn: isoDate.nullish(),
    notes: optText(2000),
  })
  .partial()
  .extend(versioned);
export const noticeQuery = z.object({ lang: z.enum(["ko", "zh-TW", "en"]).optional() });

export const riskCreate = z.object({
  scores: z.record(text({ min: 1, max: 64 }), z.number()),
  assessedOn: isoDate,
  nextReviewOn: isoDate.nullish(),
  controls: optText(5000),
});

export const campaignCreate = z.object({ title: text({ min: 1, max: 200 }), dueOn: isoDate });
export const campaignItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const campaignConfirm = z.object({ note: optText(1000), changed: z.boolean().optional() });

export const subjectSearch = z.object({
  identifier: text({ max: 200 }).optional(),
  identifierType: z
    .enum(["rrn", "tw_id", "phone", "email", "passport", "arc", "driver_licence", "alien_registration"])
    .optional(),
  name: text({ max: 200 }).optional(),
  birthdate: birthDate().optional(),
  subjectCategory: text({ max: 200 }).optional(),
});

export const publicParams = z.object({ agencyCode: text({ min: 1, max: 60, trim: false }) });
export const localCodesParams = z.object({ catalogueId: text({ min: 1, max: 64, trim: false }) });
export const localCodesBody = z.object({
  entries: cleanJson(z.array(z.unknown()).max(1000)),
  reason,
  version: z.number().int().min(0).optional(),
});
