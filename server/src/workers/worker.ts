import { parentPort } from "node:worker_threads";
import { AppError } from "../http/errors";
import { handlers } from "./jobs";
import type { JobReply } from "./pool";

// Entry of an upload worker thread (see pool.ts): one job at a time, the answer posted back.
parentPort?.on("message", async (msg: { kind: keyof typeof handlers; input: never }) => {
  let reply: JobReply;
  try {
    reply = { ok: true, result: await handlers[msg.kind](msg.input) };
  } catch (e) {
    reply =
      e instanceof AppError
        ? { ok: false, app: { status: e.status, code: e.code, details: e.details, params: e.params } }
        : { ok: false, message: e instanceof Error ? e.message.slice(0, 200) : String(e) };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage("ready");
