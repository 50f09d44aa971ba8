import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../http/deps";
import { registerAuditRoutes } from "./audit/audit.routes";
import { registerAuthRoutes } from "./auth/auth.routes";
import { registerCalendarRoutes } from "./calendar/calendar.routes";
import { registerCasesRoutes } from "./cases/cases.routes";
import { registerCivilRoutes } from "./civil/index";
import { registerJobRoutes } from "./jobs/jobs.routes";
import { registerLetterRoutes } from "./letters/letters.routes";
import { registerOrgRoutes } from "./org/org.routes";
import { registerPiiRoutes } from "./pii/pii.routes";
import { registerPortalDeliveryRoutes } from "./portal/delivery.routes";
import { registerPortalRoutes } from "./portal/portal.routes";
import { registerRecordsRoutes } from "./records/records.routes";
import { registerRetentionRoutes } from "./retention/retention.routes";
import { registerRegistryRoutes } from "./registry/registry.routes";
import { registerDeliveryRoutes } from "./requests/delivery.routes";
import { registerRequestsRoutes } from "./requests/requests.routes";
import { registerStatisticsRoutes } from "./statistics/statistics.routes";
import { registerSystemRoutes } from "./system/system.routes";

/** Every module's routes, registered in one place. */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCasesRoutes(app, deps);
  registerRequestsRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerPortalDeliveryRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
  registerRegistryRoutes(app, deps);
  registerRecordsRoutes(app, deps);
  registerRetentionRoutes(app, deps);
  registerLetterRoutes(app, deps);
  registerPiiRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerSystemRoutes(app, deps);
  registerCivilRoutes(app, deps);
  registerJobRoutes(app, deps);
}
