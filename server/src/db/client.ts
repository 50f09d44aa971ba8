import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDirLock } from "./dir-lock";
import { migrationsDir } from "./migrate";
import * as schema from "./schema";
import { findTemplate, isFreshDir, readMigrations } from "./template";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  schema: string;
  /** Runs raw SQL with parameters; used by the migrator, benchmarks and a few hot paths. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Embedded only: a gzip tarball of the live data directory (restorable with `civicpims restore`). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
  /** Migrations a fresh PGlite data directory received from the built template (template.ts). */
  templateMigrations: string[];
  /** The embedded client, for PGlite-only work (dumping the template). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  /** postgres://... to use a PostgreSQL server; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; "memory://" (or undefined) keeps it in memory. */
  dataDir?: string;
  schema?: string;
  poolSize?: number;
  /** Start a fresh PGlite data directory from the migrated template when one matches (default true). */
  template?: boolean;
}

/** Extensions the migrations create (pg_trgm: similar-petition search); PGlite loads them per instance. */
const PGLITE_EXTENSIONS = { pg_trgm };

const SCHEMA_RE = /^[a-z_][a-z0-9_]*$/;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const schemaName = opts.schema ?? "public";
  if (!SCHEMA_RE.test(schemaName)) throw new Error(`invalid schema name: ${schemaName}`);
  if (opts.url) {
    // Make sure the schema exists before the pool pins every connection's search_path to it.
    if (schemaName !== "public") {
      const c = new pg.Client({ connectionString: opts.url });
      await c.connect();
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schemaName}`);
      await c.end();
    }
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: `-c search_path=${schemaName}`,
    });
    // An idle client that errors (server restart) must not crash the process.
    pool.on("error", () => {});
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      schema: schemaName,
      async query(sql, params) {
        const r = await pool.query(sql, params as unknown[]);
        return r.rows;
      },
      close: () => pool.end(),
      templateMigrations: [],
    };
  }
  let client: PGlite;
  let templateMigrations: string[] = [];
  let release = () => {};
  if (!opts.dataDir || opts.dataDir.startsWith("memory://"))
    client = new PGlite({ extensions: PGLITE_EXTENSIONS });
  else {
    // The template holds the public schema only; another schema is migrated the normal way.
    const template =
      opts.template !== false && schemaName === "public" && isFreshDir(opts.dataDir)
        ? findTemplate(readMigrations(migrationsDir()))
        : null;
    mkdirSync(opts.dataDir, { recursive: true });
    // Before PGlite touches the files: a second process on the same directory is refused.
    release = acquireDirLock(opts.dataDir);
    client = new PGlite(opts.dataDir, {
      extensions: PGLITE_EXTENSIONS,
      ...(template ? { loadDataDir: template.data } : {}),
    });
    templateMigrations = template?.migrations ?? [];
  }
  try {
    await client.waitReady;
  } catch (e) {
    release();
    throw e;
  }
  if (schemaName !== "public") {
    await client.exec(`CREATE SCHEMA IF NOT EXISTS ${schemaName}; SET search_path TO ${schemaName}`);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    schema: schemaName,
    async query(sql, params) {
      const r = await client.query(sql, params as unknown[]);
      return r.rows as never[];
    },
    templateMigrations,
    pglite: client,
    // Under the transaction mutex, so no transaction is half done while the files are copied (the
    // dump itself takes the query mutex). The copy is what a crash would leave: PostgreSQL replays
    // its WAL when the restored directory is opened.
    dumpDataDir: () => client._runExclusiveTransaction(() => client.dumpDataDir("gzip")),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** The PGlite directory inside the data dir. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, "pgdata");
}
