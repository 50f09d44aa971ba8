import type { FastifyInstance } from "fastify";
import { AppError } from "../../http/errors";
import { t } from "../../i18n";

/**
 * A refusal whose side effects must survive: a failed login raises the failure counter, may lock
 * the account and is written to the ledger. Throwing from a route handler would roll all of that
 * back with the route's transaction, so such handlers *return* a DeferredError instead; the
 * transaction commits, and the hook below turns the value into the usual error response.
 */
export class DeferredError {
  constructor(
    public readonly error: AppError,
    public readonly headers: Record<string, string> = {},
  ) {}
}

export function deferError(
  status: number,
  code: string,
  opts: { details?: unknown; headers?: Record<string, string> } = {},
): DeferredError {
  return new DeferredError(new AppError(status, code, opts.details), opts.headers);
}

const installed = new WeakSet<FastifyInstance>();

/** Registers the hook once per app (it only acts on DeferredError payloads). */
export function installDeferredErrors(app: FastifyInstance): void {
  if (installed.has(app)) return;
  installed.add(app);
  app.addHook("preSerialization", async (req, reply, payload) => {
    if (!(payload instanceof DeferredError)) return payload;
    const { error, headers } = payload;
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.code(error.status);
    return {
      code: error.code,
      message: t(req.locale ?? "en", `errors.${error.code}`, { requestId: req.id, ...error.params }),
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId: req.id,
    };
  });
}
