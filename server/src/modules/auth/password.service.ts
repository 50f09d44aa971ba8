import { randomBytes, randomInt } from "node:crypto";
import { checkPassword } from "@civicpims/core/auth/index";
import argon2 from "argon2";
import { AppError } from "../../http/errors";

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): about 20-40 ms per hash on one core,
 * slow enough for offline guessing, fast enough that a login burst does not starve the server.
 * Raising these later is safe: `needsRehash` upgrades each hash at its owner's next sign-in.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Longest password accepted at all (argon2 handles more, but nobody types 256 characters). */
export const MAX_PASSWORD_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** Checks the policy (400 auth.weak_password with the problems as details) and hashes. */
export async function hashNewPassword(password: string, username?: string): Promise<string> {
  assertPasswordPolicy(password, username);
  return hashPassword(password);
}

export function assertPasswordPolicy(password: string, username?: string): void {
  const check = checkPassword(password, username);
  if (!check.ok) throw new AppError(400, "auth.weak_password", { problems: check.problems });
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password against a stored hash. With no hash (unknown user, SSO-only account) it
 * still runs one argon2 verification against a dummy hash, so the response time does not tell
 * an attacker whether the account exists.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash must never let anyone in, nor crash the login.
    return false;
  }
}

/** True when the stored hash was made with weaker (or different) parameters than today's. */
export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, {
      memoryCost: ARGON2_OPTIONS.memoryCost,
      timeCost: ARGON2_OPTIONS.timeCost,
      parallelism: ARGON2_OPTIONS.parallelism,
    });
  } catch {
    return true;
  }
}

/**
 * A random password that always passes the policy: 16 characters from an alphabet without
 * look-alikes, with at least one lower, upper, digit and symbol (shown once to an administrator).
 */
export function generatePassword(length = 16): string {
  const sets = ["abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "!#%+-=?@_"];
  const all = sets.join("");
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
