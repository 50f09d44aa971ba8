#!/usr/bin/env node
// The `civicpims` command. Runs the TypeScript sources through tsx so it works right after `npm ci`
// with no build step; the production server bundle (server/dist) is used by `serve` when present.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/index.ts");
await main(process.argv);
