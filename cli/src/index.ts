import { Command } from "commander";
import { commands } from "./commands";
import { fail } from "./context";

/** Builds the `civicpims` program. Every command lives in ./commands/<name>.ts and exports register(). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name("civicpims")
    .description("CivicPIMS: personal-data protection and civil-request duties for public agencies")
    .version("0.1.0")
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    // Another process holds the embedded data directory (server/src/db/dir-lock.ts). Matched by name
    // so the server modules are not loaded just to test the error's class.
    if (e instanceof Error && e.name === "DataDirLockedError") {
      const canGoOnline = argv[2] === "backup" || argv[2] === "verify-ledger";
      fail(`${e.message}; stop it${canGoOnline ? " or use --online" : " first"}`);
    }
    throw e;
  }
}
