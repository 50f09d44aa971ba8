import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import "./messages";
import { registerDocumentRoutes } from "./documents.routes";
import { registerDriftRoutes } from "./drift.routes";
import { registerGuardRoutes } from "./guard.routes";

/** PII module routes: document review, publication guard, register drift (issue 7 items 5-7). */
export function registerPiiRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerDocumentRoutes(app, deps);
  registerGuardRoutes(app, deps);
  registerDriftRoutes(app, deps);
}
