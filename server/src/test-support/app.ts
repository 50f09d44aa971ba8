import { ROLES, type Role } from "@civicpims/core/auth/index";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { loadConfig } from "../config";
import { agencies, roleAssignments, staff, units } from "../db/schema";
import { buildApp } from "../http/app";
import type { AppDeps } from "../http/deps";
import { createSession, SESSION_COOKIE } from "../modules/auth/session.service";
import { ephemeralSecrets } from "../security/keys";
import { createTestDatabase, type TestDatabase } from "./db";

export interface TestAgency {
  id: string;
  code: string;
  unitId: string;
  /** One staff member per role, each holding only that role. */
  staffByRole: Record<Role, string>;
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  tdb: TestDatabase;
  a: TestAgency;
  b: TestAgency;
  /** Signed-in (second factor passed) session headers for a role in agency a or b. */
  as(role: Role, agency?: "a" | "b"): Promise<{ cookie: string; "x-csrf-token": string }>;
  /** Like `as`, but always a new session (for routes that end sessions). */
  fresh(role: Role, agency?: "a" | "b"): Promise<{ cookie: string; "x-csrf-token": string }>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

async function seedAgency(deps: AppDeps, code: string, jurisdiction: "KR" | "TW"): Promise<TestAgency> {
  const db = deps.database.db;
  const [ag] = await db
    .insert(agencies)
    .values({
      code,
      nameLocal: `${code} local`,
      nameEn: `${code} en`,
      jurisdiction,
      timeZone: jurisdiction === "KR" ? "Asia/Seoul" : "Asia/Taipei",
      defaultLocale: jurisdiction === "KR" ? "ko" : "zh-TW",
      // What every letter needs (fictional): address, phone, head of agency, appeal body, TW 字.
      ...(jurisdiction === "KR"
        ? {
            address: "가상시 시청로 1",
            phone: "000-0000-0000",
            headTitle: "가상시장",
            appealBody: "가상도행정심판위원회",
          }
        : {
            address: "虛構市虛構路1號",
            phone: "(00)000-0000",
            headTitle: "區長",
            headName: "林虛構",
            appealBody: "虛構市政府",
            docNumberPrefix: "虛區",
          }),
    })
    .returning();
  const [unit] = await db
    .insert(units)
    .values({ agencyId: ag.id, code: "u1", nameLocal: "Unit 1" })
    .returning();
  const staffByRole = {} as Record<Role, string>;
  for (const role of ROLES) {
    const [s] = await db
      .insert(staff)
      .values({
        agencyId: ag.id,
        unitId: unit.id,
        username: `${role}.${code}`,
        displayName: `${role} of ${code}`,
      })
      .returning();
    await db.insert(roleAssignments).values({ agencyId: ag.id, staffId: s.id, role });
    staffByRole[role] = s.id;
  }
  return { id: ag.id, code, unitId: unit.id, staffByRole };
}

/** A full app on a fresh database with two agencies (KR "a", TW "b") and one account per role. */
export async function createTestApp(configOverrides: Record<string, unknown> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const secrets = ephemeralSecrets();
  const config = loadConfig(
    {},
    { logLevel: "silent", dataDir: "/tmp/civicpims-test-unused", ...configOverrides },
  );
  const deps: AppDeps = { config, database: tdb, secrets, ledger: { secrets, checkpointEvery: 100 } };
  const app = await buildApp(deps, { webDist: null, logger: false });
  await app.ready();
  const a = await seedAgency(deps, "agency-a", "KR");
  const b = await seedAgency(deps, "agency-b", "TW");
  const cache = new Map<string, { cookie: string; "x-csrf-token": string }>();
  const fresh = async (role: Role, which: "a" | "b" = "a") => {
    const ag = which === "a" ? a : b;
    const s = await createSession(tdb.db, config, {
      agencyId: ag.id,
      staffId: ag.staffByRole[role],
      mfaPassed: true,
    });
    return { cookie: `${SESSION_COOKIE}=${s.token}`, "x-csrf-token": s.csrfToken };
  };
  return {
    app,
    deps,
    tdb,
    a,
    b,
    async as(role, which = "a") {
      const key = `${which}:${role}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const headers = await fresh(role, which);
      cache.set(key, headers);
      return headers;
    },
    fresh,
    inject: (opts) => app.inject(opts),
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
