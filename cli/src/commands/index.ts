import type { Command } from "commander";
import { register as registerBackup } from "./backup";
import { register as registerDeadline } from "./deadline";
import { register as registerLedger } from "./ledger";
import { register as registerPii } from "./pii";
import { register as registerServe } from "./serve";
import { register as registerSystem } from "./system";
import { register as registerUser } from "./user";

/** One entry per command file; add yours here. */
export const commands: Array<(program: Command) => void> = [
  registerSystem,
  registerServe,
  registerLedger,
  registerBackup,
  registerDeadline,
  registerPii,
  registerUser,
];
