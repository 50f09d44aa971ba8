// Preloaded with `node --import` by the CLI start-up test: records the URL of every module the
// process loads into the file named by CIVICPIMS_IMPORT_TRACE (module hooks run on their own thread,
// so the hook appends to a file rather than keeping a list in memory).
import { register } from "node:module";

register("./trace-imports.hooks.mjs", import.meta.url);
