import type { Command } from "commander";
import { register as registerDeadline } from "./deadline";

/** One entry per command file; add yours here. */
export const commands: Array<(program: Command) => void> = [registerDeadline];
