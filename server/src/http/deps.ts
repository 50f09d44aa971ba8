import type { Config } from "../config";
import type { Database } from "../db/client";
import type { LedgerOptions } from "../modules/audit/ledger.service";
import type { Secrets } from "../security/keys";

/** What every module gets: configuration, the database, secrets. Built once per app instance. */
export interface AppDeps {
  config: Config;
  database: Database;
  secrets: Secrets;
  ledger: LedgerOptions;
  /** Set by the running server: the local operator token the CLI's --online commands present. */
  operatorToken?: string;
}
