import { date, longText, text } from "@civicpims/core/validation/index";
import { z } from "zod";
import { CASE_KINDS, CASE_STATE_VALUES } from "../../db/schema";

export const idParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

const reason = longText({ min: 1, max: 2000 });
/** Optimistic concurrency: the case version the client saw (409 cases.stale when it changed). */
const version = z.number().int().min(1).optional();
const boolish = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const listQuery = z.object({
  kind: z.enum(CASE_KINDS).optional(),
  state: text({ max: 400, trim: false })
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : undefined))
    .pipe(z.array(z.enum(CASE_STATE_VALUES)).optional()),
  unitId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  dueFrom: z.coerce.date().optional(),
  dueTo: z.coerce.date().optional(),
  overdue: boolish.optional(),
  q: text({ max: 40 }).optional(),
  sort: z.enum(["due", "received"]).default("due"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const overdueQuery = z.object({
  unitId: z.uuid().optional(),
  soonDays: z.coerce.number().int().min(0).max(60).default(3),
});

export const assignmentBody = z
  .object({ unitId: z.uuid().nullable().optional(), assigneeId: z.uuid().nullable().optional(), version })
  .strict();
export const noteBody = z.object({ body: longText({ min: 1, max: 10_000 }) }).strict();
export const pauseBody = z.object({ reason, requesterDeadline: date().optional(), version }).strict();
export const resumeBody = z
  .object({ note: longText({ max: 2000, trim: false }).optional(), version })
  .strict();
export const extendBody = z
  .object({ reason, days: z.number().int().min(1).max(60).optional(), version })
  .strict();
export const reasonBody = z.object({ reason, version }).strict();
export const transferBody = z.object({ reason, to: text({ min: 1, max: 300 }), version }).strict();
export const emptyBody = z.object({}).strict();
export const closeBody = z.object({ version }).strict();
export const remindersBody = z
  .object({ offsetsHours: z.array(z.number().int().min(1).max(720)).max(5) })
  .strict();
/** Reassign / hand over (issue 11): `forNextStep` = hand to someone who can take the case's next step. */
export const assignBody = z
  .object({
    assigneeId: z.uuid(),
    note: longText({ max: 2000 }).optional(),
    forNextStep: z.boolean().optional(),
    version,
  })
  .strict();
