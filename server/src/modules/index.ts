import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../http/deps";
import { registerAuditRoutes } from "./audit/audit.routes";
import { registerAuthRoutes } from "./auth/auth.routes";
import { registerCalendarRoutes } from "./calendar/calendar.routes";
import { registerCasesRoutes } from "./cases/cases.routes";
import { registerLetterRoutes } from "./letters/letters.routes";
import { registerOrgRoutes } from "./org/org.routes";
import { registerPiiRoutes } from "./pii/pii.routes";
import { registerPortalDeliveryRoutes } from "./portal/delivery.routes";
import { registerPortalRoutes } from "./portal/portal.routes";
import { registerArchiveRoutes } from "./redaction/archive.routes";
import "./redaction/messages";
import { registerRedactionRoutes } from "./redaction/redaction.routes";
import { registerRegistryRoutes } from "./registry/registry.routes";
import { registerDeliveryRoutes } from "./requests/delivery.routes";
import { registerRequestsRoutes } from "./requests/requests.routes";
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
  registerLetterRoutes(app, deps);
  registerPiiRoutes(app, deps);
  registerRedactionRoutes(app, deps);
  registerArchiveRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerSystemRoutes(app, deps);
}
