// `civicpims deadline`: asks the statutory deadline engine directly and prints JSON.
// Exit codes: 0 ok, 2 bad input (message on stderr), 1 unexpected failure.
// --agency reads the agency's calendar table (server/modules/calendar/overrides.repo) from the database.
import type { Command } from "commander";
import type { DbCommandOptions } from "../context";

/** Where the command writes; tests swap these to capture output without touching process.stdout. */
export const deadlineIo = {
  /** Opens the configured database (used only with --agency). */
  open: async (opts: DbCommandOptions) => {
    const [{ openFromConfig }, { configFrom }] = await Promise.all([
      import("@civicpims/server/runtime"),
      import("../context"),
    ]);
    return openFromConfig(await configFrom(opts));
  },
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
    .option("--agency <id>", "agency id or code: load its calendar table from the database")
    .option(
      "--data-dir <dir>",
      "with --agency: embedded data directory (default ./data or CIVICPIMS_DATA_DIR)",
    )
    .option(
      "--database-url <url>",
      "with --agency: PostgreSQL URL (default: DATABASE_URL; embedded PGlite when unset)",
    )
    .option("--time-zone <tz>", "IANA zone (default: the jurisdiction's)")
    .action(async (opts: Record<string, unknown>) => {
      const { CliInputError, DeadlineError, runDeadline } = await import("./deadline.run");
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
