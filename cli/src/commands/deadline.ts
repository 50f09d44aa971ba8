// `civicpims deadline`: asks the statutory deadline engine directly and prints JSON.
// Exit codes: 0 ok, 2 bad input (message on stderr), 1 unexpected failure.
import { readFile } from "node:fs/promises";
import {
  type CalendarOverrides,
  calendarOverridesSchema,
  computeDeadline,
  DeadlineError,
  type ExtensionInput,
} from "@civicpims/core/calendar/index";
import type { Command } from "commander";
import { z } from "zod";

const positiveNumber = (what: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `${what} must be a positive number`)
    .transform(Number)
    .refine((n) => n > 0, `${what} must be greater than 0`);

const optionsSchema = z
  .object({
    jurisdiction: z
      .string({ error: "--jurisdiction is required (KR or TW)" })
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(["KR", "TW"], { error: "--jurisdiction must be KR or TW" })),
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
  })
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

/** Loads an agency's override table from the database (not wired yet: see report). */
async function agencyOverrides(_agencyId: string): Promise<CalendarOverrides> {
  throw new CliInputError(
    "--agency is not available yet: the database repository for calendar overrides does not exist; use --overrides FILE.json",
  );
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
  if (o.agency) {
    const fromDb = await agencyOverrides(o.agency);
    overrides = { ...fromDb, ...overrides };
  }
  const extended: ExtensionInput | undefined =
    o.extend === undefined ? undefined : o.extend === true ? {} : { days: o.extend };
  const r = computeDeadline({
    jurisdiction: o.jurisdiction,
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
    timeZone: o.timeZone,
  });
  return { due: r.due, explanation: r.explanation };
}

/** Where the command writes; tests swap these to capture output without touching process.stdout. */
export const deadlineIo = {
  out: (s: string) => {
    process.stdout.write(s);
  },
  err: (s: string) => {
    process.stderr.write(s);
  },
};

export function register(program: Command): void {
  program
    .command("deadline")
    .description("compute a statutory due date with its explanation (JSON)")
    .option("--jurisdiction <code>", "KR or TW")
    .option(
      "--kind <kind>",
      "pipa_access, pipa_correction, pipa_suspension, minwon, foi, tw_pdpa_access, tw_pdpa_correction, tw_foi",
    )
    .option("--received <iso>", "receipt time; without an offset it is local time in the agency's zone")
    .option("--days <n>", "period in days (required for minwon unless --hours)")
    .option("--hours <n>", "period in working hours (minwon)")
    .option("--pause <from/to>", "clock stopped while waiting for the requester (repeatable)", collect, [])
    .option("--extend [days]", "apply the one allowed extension (default length of the rule, or N days)")
    .option(
      "--overrides <file>",
      "agency override table (JSON: closures, workdays, removals, officeHours, rules)",
    )
    .option("--agency <id>", "load the agency's override table from the database")
    .option("--time-zone <tz>", "IANA zone (default: the jurisdiction's)")
    .action(async (opts: Record<string, unknown>) => {
      try {
        const out = await runDeadline(opts);
        deadlineIo.out(JSON.stringify(out, null, 2) + "\n");
      } catch (e) {
        if (e instanceof CliInputError || e instanceof DeadlineError) {
          deadlineIo.err(`civicpims deadline: ${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        deadlineIo.err(`civicpims deadline: unexpected error: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
