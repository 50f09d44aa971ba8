import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { registerIncidentRoutes } from "./incidents.routes";
import { registerResponseRoutes } from "./response.routes";
import "./messages";

/** Incident response against the statutory clocks (issue 13; F1-F6, A13, A14). */
export function registerIncidentsModule(app: FastifyInstance, deps: AppDeps): void {
  registerIncidentRoutes(app, deps);
  registerResponseRoutes(app, deps);
}
