import { Command } from "commander";
import { commands } from "./commands";

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
  await buildProgram().parseAsync(argv);
}
