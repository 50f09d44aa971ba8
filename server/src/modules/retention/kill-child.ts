// Child process for the kill test (execute.kill.test.ts): executes a plan in small batches and, inside the
// second batch's transaction (after its deletions, before its commit), says so and waits to be killed.
import { openDatabase } from "../../db/client";
import type { AppDeps } from "../../http/deps";
import { ephemeralSecrets } from "../../security/keys";
import { executePlan } from "./execute";

const [url, dataDir, schema, agencyId, planId, actorId] = process.argv.slice(2);
const database = await openDatabase(url ? { url, schema } : { dataDir });
const secrets = ephemeralSecrets();
const deps = { database, secrets, ledger: { secrets, checkpointEvery: 1_000 } } as unknown as AppDeps;
await executePlan(deps, agencyId, planId, {
  actorId,
  batchSize: 3,
  inBatch: async (batchNo) => {
    if (batchNo < 2) return;
    process.stdout.write(`IN_BATCH ${batchNo}\n`);
    await new Promise(() => {}); // killed here
  },
});
process.stdout.write("FINISHED\n");
