import { PERMISSIONS } from "@civicpims/core/auth/index";
import { AppError } from "../../http/errors";
import type { AuthContext } from "../auth/auth-context";

/**
 * Units whose files the caller may change. null = the whole agency (privacy officer / manager, or a
 * handler granted without a unit). A handler granted for particular units edits only those units' files.
 */
export function writableUnits(
  auth: Pick<AuthContext, "roles"> | null | undefined,
): ReadonlySet<string> | null {
  if (!auth) return null;
  const writers = PERMISSIONS["registry.write"] as readonly string[];
  const mine = auth.roles.filter((r) => writers.includes(r.role));
  if (mine.some((r) => r.role !== "handler" || !r.unitId)) return null;
  return new Set(mine.map((r) => r.unitId as string));
}

export function assertUnitWritable(
  auth: Pick<AuthContext, "roles"> | null | undefined,
  ...unitIds: Array<string | null | undefined>
) {
  const scope = writableUnits(auth);
  if (!scope) return;
  for (const u of unitIds) if (u && !scope.has(u)) throw new AppError(403, "registry.unit_scope");
}
