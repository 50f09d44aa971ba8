// zod schemas for override tables and deadline requests coming from files, the API or the CLI.
import { z } from "zod";

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const clock = z.string().regex(/^\d{2}:\d{2}$/, "expected HH:MM");
const dayWithReason = z.object({ date: dateKey, reason: z.string().min(1) });

export const countingMethodSchema = z.enum(["kr_civil_act", "kr_petition_19", "tw_apa_48"]);

export const calendarOverridesSchema = z.object({
  closures: z.array(dayWithReason).optional(),
  workdays: z.array(dayWithReason).optional(),
  removals: z.array(dayWithReason).optional(),
  officeHours: z
    .object({
      open: clock,
      close: clock,
      breaks: z.array(z.object({ from: clock, to: clock })).optional(),
    })
    .optional(),
  rules: z
    .record(
      z.string(),
      z.object({
        counting: countingMethodSchema.optional(),
        days: z.number().int().min(1).max(3650).optional(),
        extensionMaxDays: z.number().int().min(1).max(3650).optional(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
});

export type CalendarOverridesInput = z.infer<typeof calendarOverridesSchema>;
