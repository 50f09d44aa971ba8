import { fileFieldsPatchSchema, fileFieldsSchema } from "@civicpims/core/registry/validate";
import { z } from "zod";
import { ENTITY_TYPES } from "./history";

export const idParams = z.object({ id: z.uuid() });
export const qbool = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

const reason = z.string().max(500).optional();
/** Body of every update: the version the client read and why it changes the record. */
export const versioned = { version: z.number().int().min(1), reason };
export const deleteBody = z.object({ version: z.number().int().min(1), reason });

/** A privacy officer's explicit override of the publication guard's findings (ledgered). */
const publicationOverride = z.object({ reason: z.string().trim().min(1).max(1000) }).optional();
export const fileCreate = fileFieldsSchema.extend({ publicationOverride });
export const filePatch = fileFieldsPatchSchema.extend(versioned).extend({ publicationOverride });

export const historyParams = z.object({ entityType: z.enum(ENTITY_TYPES), id: z.uuid() });

const optText = (max: number) => z.string().trim().max(max).nullish();
const isoDate = z.iso.date();

export const systemFields = z.object({
  name: z.string().trim().min(1).max(200),
  operator: optText(200),
  location: optText(300),
  entrusted: z.boolean().default(false),
  description: optText(2000),
});
export const systemPatch = systemFields.partial().extend(versioned);

export const flowCreate = z.object({
  direction: z.enum(["in", "out"]),
  counterpart: z.string().trim().min(1).max(300),
  systemId: z.uuid().nullish(),
  description: optText(1000),
});

export const provisionFields = z.object({
  fileId: z.uuid().nullish(),
  recipient: z.string().trim().min(1).max(300),
  legalGroundCode: z.string().min(1).max(64),
  legalGroundText: optText(1000),
  items: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  purpose: z.string().trim().min(1).max(1000),
  retentionAtRecipient: optText(200),
  method: optText(300),
  frequency: optText(200),
  kind: z.enum(["routine", "one_off"]),
  outOfPurpose: z.boolean().default(false),
  providedOn: isoDate.nullish(),
});
export const provisionPatch = z
  .object({
    recipient: z.string().trim().min(1).max(300),
    legalGroundCode: z.string().min(1).max(64),
    legalGroundText: optText(1000),
    items: z.array(z.string().trim().min(1).max(200)).max(200),
    purpose: z.string().trim().min(1).max(1000),
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
  code: z.string().min(1).max(64),
  status: z.enum(["met", "missing", "na"]),
  note: z.string().max(1000).nullish(),
});
export const entrustmentFields = z.object({
  vendor: z.string().trim().min(1).max(300),
  vendorContact: optText(300),
  tasks: z.string().trim().min(1).max(2000),
  fileIds: z.array(z.uuid()).max(200).default([]),
  contractStart: isoDate.nullish(),
  contractEnd: isoDate.nullish(),
  isPublic: z.boolean().default(true),
  clauses: z.array(clause).max(100).optional(),
});
export const entrustmentPatch = z
  .object({
    vendor: z.string().trim().min(1).max(300),
    vendorContact: optText(300),
    tasks: z.string().trim().min(1).max(2000),
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
  inspector: z.string().trim().min(1).max(200),
  findings: z.string().trim().min(1).max(5000),
  actions: z
    .array(z.object({ action: z.string().trim().min(1).max(2000), dueOn: isoDate }))
    .max(50)
    .default([]),
});
export const actionPatch = z.object({ doneOn: isoDate.nullable(), note: optText(1000) });
export const vendorStaffCreate = z.object({
  name: z.string().trim().min(1).max(200),
  role: optText(200),
  accountName: optText(200),
  joinedOn: isoDate.nullish(),
});
export const vendorStaffPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: optText(200),
    accountName: optText(200),
    joinedOn: isoDate.nullish(),
    departedOn: isoDate.nullish(),
    accountLockedAt: z.iso.datetime({ offset: true }).nullish(),
    passwordsChangedAt: z.iso.datetime({ offset: true }).nullish(),
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
  name: z.string().trim().min(1).max(200),
  location: z.string().trim().min(1).max(500),
  purpose: z.string().trim().min(1).max(500),
  count: z.number().int().min(1).max(100000),
  recordingHours: z.string().trim().min(1).max(200),
  retentionDays: z.number().int().min(1).max(3650),
  managers: z
    .array(z.object({ name: z.string().trim().min(1).max(100), unit: optText(200), phone: optText(50) }))
    .max(20)
    .default([]),
  unitId: z.uuid().nullish(),
  installedOn: isoDate.nullish(),
  notes: optText(2000),
});
export const devicePatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    location: z.string().trim().min(1).max(500),
    purpose: z.string().trim().min(1).max(500),
    count: z.number().int().min(1).max(100000),
    recordingHours: z.string().trim().min(1).max(200),
    retentionDays: z.number().int().min(1).max(3650),
    managers: z
      .array(z.object({ name: z.string().trim().min(1).max(100), unit: optText(200), phone: optText(50) }))
      .max(20),
    unitId: z.uuid().nullish(),
    installedOn: isoDate.nullish(),
    notes: optText(2000),
  })
  .partial()
  .extend(versioned);
export const noticeQuery = z.object({ lang: z.enum(["ko", "zh-TW", "en"]).optional() });

export const riskCreate = z.object({
  scores: z.record(z.string(), z.number()),
  assessedOn: isoDate,
  nextReviewOn: isoDate.nullish(),
  controls: optText(5000),
});

export const campaignCreate = z.object({ title: z.string().trim().min(1).max(200), dueOn: isoDate });
export const campaignItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const campaignConfirm = z.object({ note: optText(1000), changed: z.boolean().optional() });

export const subjectSearch = z.object({
  identifier: z.string().trim().max(200).optional(),
  identifierType: z
    .enum(["rrn", "tw_id", "phone", "email", "passport", "arc", "driver_licence", "alien_registration"])
    .optional(),
  name: z.string().trim().max(200).optional(),
  birthdate: isoDate.optional(),
  subjectCategory: z.string().trim().max(200).optional(),
});

export const publicParams = z.object({ agencyCode: z.string().min(1).max(60) });
export const localCodesParams = z.object({ catalogueId: z.string().min(1).max(64) });
export const localCodesBody = z.object({
  entries: z.array(z.unknown()).max(1000),
  reason,
  version: z.number().int().min(0).optional(),
});
