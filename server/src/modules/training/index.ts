import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { registerTrainingStatisticsTables } from "./statistics.tables";
import { registerTrainingRoutes } from "./training.routes";
import "./messages";

/** Training (issue 14, accountability item 4: E12, E13, K8). */
export function registerTrainingModule(app: FastifyInstance, deps: AppDeps): void {
  registerTrainingRoutes(app, deps);
  registerTrainingStatisticsTables();
}
