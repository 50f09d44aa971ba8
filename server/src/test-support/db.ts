import { randomBytes } from "node:crypto";
import { type Database, openDatabase } from "../db/client";
import { migrate } from "../db/migrate";

/**
 * A migrated, isolated database for one test file: an in-memory PGlite by default, or a fresh
 * schema on the PostgreSQL server named by TEST_DATABASE_URL (dropped again by `drop`).
 */
export interface TestDatabase extends Database {
  url?: string;
  /** Opens another connection pool on the same database and schema (a second app instance). */
  reopen(): Promise<Database>;
  drop(): Promise<void>;
}

export const onPostgres = !!process.env.TEST_DATABASE_URL;

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL || undefined;
  const schema = url ? `t_${randomBytes(6).toString("hex")}` : "public";
  const database = await openDatabase({ url, schema, poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    url,
    // PGlite is one in-process database: a "second instance" shares it and must not close it.
    reopen: async () =>
      url ? openDatabase({ url, schema, poolSize: 5 }) : { ...database, close: async () => {} },
    async drop() {
      if (url) await database.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await database.close();
    },
  };
}
