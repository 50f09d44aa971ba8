import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";

/** Sign-in, second factor, sessions. (Being written: see issue 4 item 5.) */
export function registerAuthRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
