import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { agencies, committeeMembers, committees, roleAssignments, staff, units } from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger } from "../modules/audit/ledger.service";
import { hashPassword } from "../modules/auth/password.service";
import { seedArchiveDemo } from "./archive-seed";
import { DEMO_AGENCIES } from "./demo-data";
import { seedPetitionsDemo } from "./petitions-seed";
import { seedRecordsDemo } from "./records-seed";
import { seedRegistryDemo } from "./registry-seed";
import { seedRequestsDemo } from "./requests-seed";

export interface DemoSeedResult {
  created: boolean;
  password: string | null;
  agencies: Array<{ code: string; name: string; usernames: string[] }>;
}

/** A password that satisfies the KR rule (4 classes, 16 chars) and is easy to type from a screen. */
export function generatePassword(): string {
  const body = randomBytes(9).toString("base64url").replace(/[-_]/g, "x");
  return `Cp-${body}7a`;
}

/**
 * Seeds the demo agencies once (idempotent: an existing agency code is left alone). All demo staff
 * share one generated password; accounts whose role requires a second factor enrol at first sign-in.
 */
export async function seedDemo(deps: AppDeps, opts: { password?: string } = {}): Promise<DemoSeedResult> {
  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  let created = false;
  const summary: DemoSeedResult["agencies"] = [];
  await deps.database.db.transaction(async (tx) => {
    for (const a of DEMO_AGENCIES) {
      summary.push({ code: a.code, name: a.nameLocal, usernames: a.staff.map((s) => s.username) });
      const [exists] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, a.code));
      if (exists) continue;
      created = true;
      const { units: us, staff: ss, committees: cs, ...profile } = a;
      const [agency] = await tx.insert(agencies).values(profile).returning();
      const unitIds = new Map<string, string>();
      for (const u of us) {
        const [row] = await tx
          .insert(units)
          .values({
            agencyId: agency.id,
            code: u.code,
            nameLocal: u.nameLocal,
            nameEn: u.nameEn,
            headName: u.headName,
            phone: u.phone,
            parentId: u.parent ? unitIds.get(u.parent) : null,
          })
          .returning({ id: units.id });
        unitIds.set(u.code, row.id);
      }
      const staffIds = new Map<string, string>();
      for (const s of ss) {
        const [row] = await tx
          .insert(staff)
          .values({
            agencyId: agency.id,
            unitId: unitIds.get(s.unit),
            username: s.username,
            displayName: s.displayName,
            position: s.position,
            email: `${s.username}@${a.homepage.replace("https://", "")}`,
            passwordHash,
            passwordChangedAt: new Date(),
          })
          .returning({ id: staff.id });
        staffIds.set(s.username, row.id);
        for (const r of s.roles) {
          await tx.insert(roleAssignments).values({
            agencyId: agency.id,
            staffId: row.id,
            role: r.role as never,
            unitId: r.unit ? unitIds.get(r.unit) : null,
            reason: "demo seed",
          });
        }
      }
      for (const u of us)
        if (u.defaultHandler)
          await tx
            .update(units)
            .set({ defaultHandlerId: staffIds.get(u.defaultHandler) })
            .where(eq(units.id, unitIds.get(u.code) as string));
      for (const c of cs) {
        const [row] = await tx
          .insert(committees)
          .values({
            agencyId: agency.id,
            kind: c.kind,
            nameLocal: c.nameLocal,
            nameEn: c.nameEn,
            mandate: c.mandate,
          })
          .returning({ id: committees.id });
        for (const m of c.members) {
          await tx.insert(committeeMembers).values({
            agencyId: agency.id,
            committeeId: row.id,
            staffId: staffIds.get(m.username),
            position: m.position,
          });
        }
      }
      await appendLedger(
        tx,
        [
          {
            action: "system.demo_seed",
            agencyId: agency.id,
            actorLabel: "civicpims seed-demo",
            resourceType: "agency",
            resourceId: agency.id,
          },
        ],
        deps.ledger,
      );
    }
  });
  // Module demo data, each idempotent: the register first, since requests point at its files.
  const ids: Record<string, string> = {};
  for (const a of DEMO_AGENCIES) {
    const found = await findAgencyByCode(deps, a.code);
    if (found) ids[a.code] = found.id;
  }
  await seedRegistryDemo(deps, ids);
  // Records after the register: two demo files point at their records series.
  await seedRecordsDemo(deps, ids);
  await seedRequestsDemo(deps, ids);
  await seedPetitionsDemo(deps, ids["hanbit-city"]);
  await seedArchiveDemo(deps, ids);
  return { created, password: created ? password : null, agencies: summary };
}

export async function findAgencyByCode(deps: AppDeps, code: string) {
  const [a] = await deps.database.db.select().from(agencies).where(eq(agencies.code, code));
  return a ?? null;
}

export async function findStaff(deps: AppDeps, agencyId: string, username: string) {
  const [s] = await deps.database.db
    .select()
    .from(staff)
    .where(and(eq(staff.agencyId, agencyId), eq(staff.username, username)));
  return s ?? null;
}
