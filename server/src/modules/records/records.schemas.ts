import { RECORD_MEDIA, RECORD_STATUSES, REVIEW_DECISIONS } from "@civicpims/core/records/index";
import { date, longText, text } from "@civicpims/core/validation/index";
import { z } from "zod";

const code = text({ min: 1, max: 64 });
const title = text({ min: 1, max: 300 });
const optText = (max: number) => text({ max }).nullish();
export const idParams = z.object({ id: z.uuid() });

export const settingsBody = z
  .object({
    recordsUnitId: z.uuid().nullish(),
    archiveName: optText(200),
    holdingYears: z.number().int().min(0).max(30),
    keepAtUnit: z.array(code).max(20).default([]),
  })
  .strict();

export const seriesBody = z
  .object({
    unitId: z.uuid(),
    code,
    title,
    classificationCode: optText(64),
    retentionClass: code,
    mediumDefault: z.enum(RECORD_MEDIA),
    custodianUnitId: z.uuid().nullish(),
  })
  .strict();
export const seriesPatch = seriesBody
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const recordBody = z
  .object({
    seriesId: z.uuid(),
    refNo: code,
    title,
    producedOn: date(),
    closedOn: date(),
    retentionClass: code.optional(),
    medium: z.enum(RECORD_MEDIA).optional(),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    location: optText(200),
    custodianUnitId: z.uuid().optional(),
  })
  .strict();
export const recordPatch = z
  .object({
    title: title.optional(),
    location: optText(200),
    quantity: z.number().int().min(1).max(1_000_000).optional(),
    custodianUnitId: z.uuid().optional(),
    version: z.number().int().min(1),
  })
  .strict();

export const recordsQuery = z
  .object({
    seriesId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    retentionClass: code.optional(),
    medium: z.enum(RECORD_MEDIA).optional(),
    q: text({ max: 100 }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const asOfQuery = z.object({ asOf: date().optional() }).strict();

export const transferBody = z
  .object({
    recordIds: z.array(z.uuid()).min(1).max(500),
    transferredOn: date(),
    destination: z.enum(["archive", "external"]).default("archive"),
    archiveLocation: text({ min: 1, max: 200 }),
    note: optText(500),
  })
  .strict();

export const reviewBody = z
  .object({
    recordId: z.uuid(),
    decision: z.enum(REVIEW_DECISIONS),
    newClass: code.nullish(),
    reason: longText({ min: 1, max: 2000 }),
  })
  .strict();
export const reviewsQuery = z.object({ status: z.enum(["proposed", "approved"]).optional() }).strict();

export const inventoryBody = z
  .object({
    checkedOn: date(),
    counts: z
      .array(z.object({ seriesId: z.uuid(), counted: z.number().int().min(0).max(100_000_000) }).strict())
      .min(1)
      .max(2000),
    /** Register numbers found, when the inventory went record by record (optional). */
    foundRefNos: z.array(code).max(100_000).optional(),
    note: optText(1000),
  })
  .strict();
