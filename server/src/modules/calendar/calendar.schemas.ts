import { cleanJson, date, longText, text } from "@civicpims/core/validation/index";
import { z } from "zod";
import { CALENDAR_OVERRIDE_KINDS } from "../../db/schema";

export const idParams = z.object({ id: z.uuid() });
export const yearParams = z.object({ year: z.coerce.number().int().min(1900).max(2200) });
export const listQuery = z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() });

const reason = longText({ min: 1, max: 500 });
const scopeNote = longText({ max: 1000 }).nullable().optional();

export const overrideCreate = z
  .object({
    kind: z.enum(CALENDAR_OVERRIDE_KINDS),
    dateFrom: date(),
    /** Omitted: a single day. */
    dateTo: date().optional(),
    reason,
    scopeNote,
  })
  .strict();

export const overridePatch = z
  .object({
    kind: z.enum(CALENDAR_OVERRIDE_KINDS).optional(),
    dateFrom: date().optional(),
    dateTo: date().optional(),
    reason: reason.optional(),
    scopeNote,
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** Shapes are checked again by the engine's calendarOverridesSchema in the service. */
export const settingsPut = z
  .object({
    officeHours: cleanJson(z.unknown()).nullable().optional(),
    rules: cleanJson(z.record(z.string(), z.unknown())).nullable().optional(),
    version: z.number().int().min(0).optional(),
  })
  .strict();

const instant = text({ min: 10, max: 40 });

export const whatIfBody = z
  .object({
    kind: text({ min: 1, max: 60 }),
    received: instant,
    days: z.number().int().min(1).max(3650).optional(),
    hours: z.number().positive().max(87_600).optional(),
    pauses: z
      .array(z.object({ from: instant, to: instant }).strict())
      .max(20)
      .optional(),
    extend: z.union([z.boolean(), z.number().int().min(1).max(3650)]).optional(),
    draft: z
      .object({
        kind: z.enum(CALENDAR_OVERRIDE_KINDS),
        dateFrom: date(),
        dateTo: date().optional(),
        reason,
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
