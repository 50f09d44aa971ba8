import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/**
 * One typed configuration for every process (server, CLI, tests). Sources, later wins:
 * defaults < JSON file named by CIVICPIMS_CONFIG < environment variables.
 * In embedded mode secrets come from ./data/keys (created by `civicpims init`);
 * in production mode they must be given through the environment.
 */
const bool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const configSchema = z.object({
  mode: z.enum(["embedded", "production"]).default("embedded"),
  dataDir: z.string().default("./data"),
  databaseUrl: z.string().url().optional(),
  /** Postgres schema to use (tests isolate themselves with one schema per file). */
  databaseSchema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default("public"),
  host: z.string().default("127.0.0.1"),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: derived from HOST/PORT (and from the port actually served, see publicUrlForListen). */
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  cookieSecure: bool.optional(),
  trustProxy: bool.default(false),
  sessionIdleMinutes: z.coerce.number().int().positive().default(30),
  sessionAbsoluteHours: z.coerce.number().int().positive().default(12),
  lockoutThreshold: z.coerce.number().int().positive().default(5),
  lockoutMinutes: z.coerce.number().int().positive().default(15),
  loginRateLimitPerMinute: z.coerce.number().int().positive().default(20),
  /** Wrong passwords on one account from all addresses before the password alone stops working. */
  accountLockThreshold: z.coerce.number().int().positive().default(20),
  ledgerCheckpointEvery: z.coerce.number().int().positive().default(1000),
  ledgerCheckpointMinutes: z.coerce.number().int().positive().default(5),
  maxUploadBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Secrets: base64 (32 bytes) for the two symmetric keys, PEM for the Ed25519 private key. */
  sessionSecret: z.string().min(32).optional(),
  fieldKey: z.string().min(40).optional(),
  ledgerSigningKey: z.string().includes("PRIVATE KEY").optional(),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default("CivicPIMS <no-reply@civicpims.invalid>"),
  oidcIssuer: z.string().url().optional(),
  oidcClientId: z.string().optional(),
  oidcClientSecret: z.string().optional(),
  /** Accept the identity provider's sign-in as the second factor for MFA roles (default: still ask for TOTP). */
  oidcTrustMfa: bool.default(false),
  /** ID-token claim that must equal the agency code before a first SSO sign-in links an account by name. */
  oidcAgencyClaim: z.string().min(1).optional(),
});

export type Config = z.infer<typeof configSchema> & {
  cookieSecure: boolean;
  publicUrl: string;
  /** True when publicUrl was derived from HOST/PORT rather than given. */
  publicUrlDerived: boolean;
};

/** "http://host:port" a browser can open: a wildcard bind address becomes loopback, IPv6 gets brackets. */
function urlOf(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

/**
 * The public URL once the server listens: a derived one follows the port actually served (PORT=0 picks a
 * free port, so the configured number is not the one citizens' links must carry); a given one stays.
 */
export function publicUrlForListen(config: Config, listenedPort: number): string {
  return config.publicUrlDerived ? urlOf(config.host, listenedPort) : config.publicUrl;
}

const envNames: Record<string, keyof z.infer<typeof configSchema>> = {
  CIVICPIMS_MODE: "mode",
  CIVICPIMS_DATA_DIR: "dataDir",
  DATABASE_URL: "databaseUrl",
  CIVICPIMS_DB_SCHEMA: "databaseSchema",
  HOST: "host",
  PORT: "port",
  CIVICPIMS_PUBLIC_URL: "publicUrl",
  LOG_LEVEL: "logLevel",
  CIVICPIMS_COOKIE_SECURE: "cookieSecure",
  CIVICPIMS_TRUST_PROXY: "trustProxy",
  CIVICPIMS_SESSION_IDLE_MINUTES: "sessionIdleMinutes",
  CIVICPIMS_SESSION_ABSOLUTE_HOURS: "sessionAbsoluteHours",
  CIVICPIMS_LOCKOUT_THRESHOLD: "lockoutThreshold",
  CIVICPIMS_LOCKOUT_MINUTES: "lockoutMinutes",
  CIVICPIMS_LOGIN_RATE_LIMIT: "loginRateLimitPerMinute",
  CIVICPIMS_ACCOUNT_LOCK_THRESHOLD: "accountLockThreshold",
  CIVICPIMS_LEDGER_CHECKPOINT_EVERY: "ledgerCheckpointEvery",
  CIVICPIMS_LEDGER_CHECKPOINT_MINUTES: "ledgerCheckpointMinutes",
  CIVICPIMS_MAX_UPLOAD_BYTES: "maxUploadBytes",
  CIVICPIMS_SESSION_SECRET: "sessionSecret",
  CIVICPIMS_FIELD_KEY: "fieldKey",
  CIVICPIMS_LEDGER_SIGNING_KEY: "ledgerSigningKey",
  SMTP_URL: "smtpUrl",
  CIVICPIMS_MAIL_FROM: "mailFrom",
  OIDC_ISSUER: "oidcIssuer",
  OIDC_CLIENT_ID: "oidcClientId",
  OIDC_CLIENT_SECRET: "oidcClientSecret",
  OIDC_TRUST_MFA: "oidcTrustMfa",
  OIDC_AGENCY_CLAIM: "oidcAgencyClaim",
};

export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError with every problem listed. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<z.input<typeof configSchema>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  const file = env.CIVICPIMS_CONFIG;
  if (file) {
    if (!existsSync(file)) throw new ConfigError(`CIVICPIMS_CONFIG points to a missing file: ${file}`);
    try {
      Object.assign(raw, JSON.parse(readFileSync(file, "utf8")));
    } catch (e) {
      throw new ConfigError(`CIVICPIMS_CONFIG is not valid JSON: ${(e as Error).message}`);
    }
  }
  for (const [name, key] of Object.entries(envNames)) {
    const v = env[name];
    if (v !== undefined && v !== "") raw[key] = v;
  }
  Object.assign(raw, overrides);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? "");
      const envName = Object.entries(envNames).find(([, k]) => k === key)?.[0];
      return `  - ${key}${envName ? ` (${envName})` : ""}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.mode === "production") {
    const missing = (["sessionSecret", "fieldKey", "ledgerSigningKey", "databaseUrl"] as const).filter(
      (k) => !c[k],
    );
    if (missing.length) {
      const names = missing.map((k) => Object.entries(envNames).find(([, v]) => v === k)?.[0]);
      throw new ConfigError(`Production mode requires these environment variables: ${names.join(", ")}`);
    }
  }
  return {
    ...c,
    dataDir: resolve(c.dataDir),
    publicUrl: c.publicUrl ?? urlOf(c.host, c.port),
    publicUrlDerived: !c.publicUrl,
    cookieSecure: c.cookieSecure ?? c.mode === "production",
  };
}
