import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { registerDeviceRiskRoutes } from "./devices-risk.routes";
import { registerEntrustmentRoutes } from "./entrustments.routes";
import { registerFileRoutes } from "./files.routes";
import "./i18n";
import { registerLocalCodeRoutes } from "./local-codes.routes";
import { registerOverviewRoutes } from "./overview.routes";
import { registerProvisionRoutes } from "./provisions.routes";
import { registerPublicRoutes } from "./public.routes";
import { registerStructureRoutes } from "./structure.routes";
import { registerXlsxRoutes } from "./xlsx.routes";

/** The personal-data file register (module B, issue 5). */
export function registerRegistryRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerFileRoutes(app, deps);
  registerLocalCodeRoutes(app, deps);
  registerStructureRoutes(app, deps);
  registerProvisionRoutes(app, deps);
  registerEntrustmentRoutes(app, deps);
  registerDeviceRiskRoutes(app, deps);
  registerOverviewRoutes(app, deps);
  registerXlsxRoutes(app, deps);
  registerPublicRoutes(app, deps);
}
