import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Config, ConfigError } from "../config";

/** The secrets a running instance needs. Derived sub-keys keep one purpose per key. */
export interface Secrets {
  sessionSecret: Buffer;
  fieldKey: Buffer;
  blindIndexKey: Buffer;
  ledgerPrivateKey: KeyObject;
  ledgerPublicKey: KeyObject;
  /** Short id of the ledger public key, stored with every checkpoint. */
  ledgerKeyId: string;
}

const FILES = { session: "session.key", field: "field.key", ledger: "ledger-ed25519.pem" } as const;

export function keysDir(config: Config): string {
  return join(config.dataDir, "keys");
}

/** Creates the embedded-mode key files (0600) if they do not exist yet. Returns the files written. */
export function initKeys(config: Config): string[] {
  const dir = keysDir(config);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const write = (name: string, content: string) => {
    const p = join(dir, name);
    if (existsSync(p)) return;
    writeFileSync(p, content, { mode: 0o600 });
    chmodSync(p, 0o600);
    written.push(p);
  };
  write(FILES.session, randomBytes(32).toString("base64"));
  write(FILES.field, randomBytes(32).toString("base64"));
  const { privateKey } = generateKeyPairSync("ed25519");
  write(FILES.ledger, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  return written;
}

function decodeKey(b64: string, what: string): Buffer {
  const buf = Buffer.from(b64.trim(), "base64");
  if (buf.length !== 32) throw new ConfigError(`${what} must be 32 bytes, base64-encoded`);
  return buf;
}

/** Loads secrets from the environment (production) or ./data/keys (embedded). */
export function loadSecrets(config: Config): Secrets {
  const dir = keysDir(config);
  const fromFile = (name: string): string | undefined => {
    const p = join(dir, name);
    return existsSync(p) ? readFileSync(p, "utf8") : undefined;
  };
  const session = config.sessionSecret ?? (config.mode === "embedded" ? fromFile(FILES.session) : undefined);
  const field = config.fieldKey ?? (config.mode === "embedded" ? fromFile(FILES.field) : undefined);
  const ledger = config.ledgerSigningKey ?? (config.mode === "embedded" ? fromFile(FILES.ledger) : undefined);
  if (!session || !field || !ledger) {
    throw new ConfigError(
      `Secrets are missing. Run \`civicpims init\` to create them under ${dir}, ` +
        "or set CIVICPIMS_SESSION_SECRET, CIVICPIMS_FIELD_KEY and CIVICPIMS_LEDGER_SIGNING_KEY.",
    );
  }
  const fieldKey = decodeKey(field, "The field-encryption key");
  const ledgerPrivateKey = createPrivateKey(ledger);
  const ledgerPublicKey = createPublicKey(ledgerPrivateKey);
  const spki = ledgerPublicKey.export({ type: "spki", format: "der" });
  return {
    sessionSecret: Buffer.from(session.trim(), "utf8"),
    fieldKey,
    blindIndexKey: Buffer.from(hkdfSync("sha256", fieldKey, Buffer.alloc(0), "civicpims blind index v1", 32)),
    ledgerPrivateKey,
    ledgerPublicKey,
    ledgerKeyId: Buffer.from(spki).toString("base64url").slice(-16),
  };
}

/** Fresh in-memory secrets for tests and benchmarks. */
export function ephemeralSecrets(): Secrets {
  const fieldKey = randomBytes(32);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    sessionSecret: randomBytes(32),
    fieldKey,
    blindIndexKey: Buffer.from(hkdfSync("sha256", fieldKey, Buffer.alloc(0), "civicpims blind index v1", 32)),
    ledgerPrivateKey: privateKey,
    ledgerPublicKey: publicKey,
    ledgerKeyId: publicKey.export({ type: "spki", format: "der" }).toString("base64url").slice(-16),
  };
}
