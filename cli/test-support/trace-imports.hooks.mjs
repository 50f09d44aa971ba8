import { appendFileSync } from "node:fs";

export async function load(url, context, nextLoad) {
  if (process.env.CIVICPIMS_IMPORT_TRACE) appendFileSync(process.env.CIVICPIMS_IMPORT_TRACE, `${url}\n`);
  return nextLoad(url, context);
}
