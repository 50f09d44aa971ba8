import type { Command } from "commander";

/** One entry per command file; add yours here. */
export const commands: Array<(program: Command) => void> = [];
