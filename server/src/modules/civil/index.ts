import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { registerCompensationRoutes } from "./compensation.routes";
import { registerFamilyRegisterRoutes } from "./family-register.routes";
import { registerRosterRoutes } from "./roster.routes";
import { registerCivilStatisticsTables } from "./statistics.tables";
import "./messages";

/** Civil affairs beside the petition cases (issue 12): compensation, roster, family-register filings. */
export function registerCivilRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerCompensationRoutes(app, deps);
  registerRosterRoutes(app, deps);
  registerFamilyRegisterRoutes(app, deps);
  registerCivilStatisticsTables();
}
