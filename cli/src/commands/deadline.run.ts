// The work behind `civicpims deadline`, loaded only when the command runs (the calendar engine and
// zod are most of the CLI's start time otherwise).
// `civicpims deadline`: asks the statutory deadline engine directly and prints JSON.
// Exit codes: 0 ok, 2 bad input (message on stderr), 1 unexpected failure.
// --agency reads the agency's calendar table (server/modules/calendar/overrides.repo) from the database.
import { readFile } from "node:fs/promises";
import {
  type CalendarOverrides,
  calendarOverridesSchema,
  computeDeadline,
  DeadlineError,
  type ExtensionInput,
} from "@civicpims/core/calendar/index";
import { z } from "zod";
import type { DbCommandOptions } from "../context";
import { deadlineIo } from "./deadline";

const positiveNumber = (what: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `${what} must be a positive number`)
    .transform(Number)
    .refine((n) => n > 0, `${what} must be greater than 0`);

const optionsSchema = z
  .object({
    jurisdiction: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(["KR", "TW"], { error: "--jurisdiction must be KR or TW" }))
      .optional(),
    kind: z.string({ error: "--kind is required" }).min(1, "--kind is required"),
    received: z.string({ error: "--received is required (ISO date-time)" }).min(1),
    days: positiveNumber("--days")
      .refine((n) => Number.isInteger(n) && n <= 3650, "--days must be a whole number up to 3650")
      .optional(),
    hours: positiveNumber("--hours")
      .refine((n) => n <= 87_600, "--hours is too large")
      .optional(),
    pause: z
      .array(z.string().regex(/^[^/]+\/[^/]+$/, "--pause must be FROM/TO (two ISO date-times)"))
      .default([]),
    extend: z
      .union([
        z.literal(true),
        positiveNumber("--extend").refine(Number.isInteger, "--extend takes whole days"),
      ])
      .optional(),
    overrides: z.string().min(1).optional(),
    agency: z.string().min(1).optional(),
    timeZone: z.string().min(1).optional(),
    dataDir: z.string().min(1).optional(),
    databaseUrl: z.string().min(1).optional(),
  })
  .refine(
    (o) => o.jurisdiction !== undefined || o.agency !== undefined,
    "--jurisdiction is required (KR or TW)",
  )
  .refine((o) => o.days === undefined || o.hours === undefined, "give --days or --hours, not both");

export class CliInputError extends Error {}

function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => i.message).join("; ");
}

async function readOverrides(file: string): Promise<CalendarOverrides> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new CliInputError(`cannot read overrides file: ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CliInputError(`overrides file is not valid JSON: ${file}`);
  }
  const parsed = calendarOverridesSchema.safeParse(json);
  if (!parsed.success)
    throw new CliInputError(
      `invalid overrides file ${file}: ` +
        parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
    );
  return parsed.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AgencyCalendar {
  code: string;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  overrides: CalendarOverrides;
}

/**
 * Loads an agency (by id or code) and its calendar table from the database. Server modules are
 * imported only here, so the command stays light (and pure) without --agency.
 */
async function agencyCalendar(agencyRef: string, db: DbCommandOptions): Promise<AgencyCalendar> {
  const [{ agencies }, { loadCalendarOverrides }, { eq }] = await Promise.all([
    import("@civicpims/server/db/schema/index"),
    import("@civicpims/server/modules/calendar/overrides.repo"),
    import("drizzle-orm"),
  ]);
  let rt: Awaited<ReturnType<typeof deadlineIo.open>>;
  try {
    rt = await deadlineIo.open(db);
  } catch (e) {
    throw new CliInputError(`--agency: cannot open the database: ${(e as Error).message}`);
  }
  try {
    const q = rt.deps.database.db;
    const where = UUID.test(agencyRef) ? eq(agencies.id, agencyRef) : eq(agencies.code, agencyRef);
    const [agency] = await q.select().from(agencies).where(where);
    if (!agency) throw new CliInputError(`unknown agency: ${agencyRef} (give its id or code)`);
    const overrides = await loadCalendarOverrides(q, agency.id);
    return { code: agency.code, jurisdiction: agency.jurisdiction, timeZone: agency.timeZone, overrides };
  } finally {
    await rt.close();
  }
}

/** The file's entries are added to the agency's; its office hours and rules win. */
function mergeOverrides(base: CalendarOverrides, extra: CalendarOverrides | undefined): CalendarOverrides {
  if (!extra) return base;
  return {
    closures: [...(base.closures ?? []), ...(extra.closures ?? [])],
    workdays: [...(base.workdays ?? []), ...(extra.workdays ?? [])],
    removals: [...(base.removals ?? []), ...(extra.removals ?? [])],
    officeHours: extra.officeHours ?? base.officeHours,
    rules: { ...base.rules, ...extra.rules },
  };
}

export interface DeadlineOutput {
  due: string;
  explanation: Array<{ step: string; detail: string; date?: string }>;
}

/** Runs the command logic; throws CliInputError or DeadlineError on bad input. */
export async function runDeadline(rawOpts: Record<string, unknown>): Promise<DeadlineOutput> {
  const parsed = optionsSchema.safeParse(rawOpts);
  if (!parsed.success) throw new CliInputError(zodMessage(parsed.error));
  const o = parsed.data;
  let overrides: CalendarOverrides | undefined;
  if (o.overrides) overrides = await readOverrides(o.overrides);
  let jurisdiction = o.jurisdiction;
  let timeZone = o.timeZone;
  let agencyNote: { step: string; detail: string } | null = null;
  if (o.agency) {
    const a = await agencyCalendar(o.agency, { dataDir: o.dataDir, databaseUrl: o.databaseUrl });
    if (jurisdiction && jurisdiction !== a.jurisdiction)
      throw new CliInputError(`agency ${a.code} is in ${a.jurisdiction}, not ${jurisdiction}`);
    jurisdiction = a.jurisdiction;
    timeZone ??= a.timeZone;
    overrides = mergeOverrides(a.overrides, overrides);
    const n = (l?: unknown[]) => l?.length ?? 0;
    agencyNote = {
      step: "overrides",
      detail:
        `agency ${a.code} calendar table: ${n(a.overrides.closures)} closure day(s), ${n(a.overrides.workdays)} workday(s), ` +
        `${n(a.overrides.removals)} removal(s)` +
        (a.overrides.officeHours
          ? `, office hours ${a.overrides.officeHours.open}-${a.overrides.officeHours.close}`
          : "") +
        (a.overrides.rules ? `, rule overrides for ${Object.keys(a.overrides.rules).join(", ")}` : ""),
    };
  }
  const extended: ExtensionInput | undefined =
    o.extend === undefined ? undefined : o.extend === true ? {} : { days: o.extend };
  const r = computeDeadline({
    jurisdiction: jurisdiction as "KR" | "TW",
    kind: o.kind,
    received: o.received,
    days: o.days,
    hours: o.hours,
    pauses: o.pause.map((p) => {
      const [from, to] = p.split("/");
      return { from, to };
    }),
    extended,
    overrides,
    timeZone,
  });
  if (agencyNote) r.explanation.unshift(agencyNote);
  return { due: r.due, explanation: r.explanation };
}

export { DeadlineError };
