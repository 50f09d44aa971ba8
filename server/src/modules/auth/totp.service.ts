import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/**
 * TOTP per RFC 6238 with the authenticator-app defaults (SHA-1, 6 digits, 30 s). A code is accepted
 * one step either side of now (clock drift), and never twice: the step of every accepted code is
 * stored and later codes must come from a later step.
 */
export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function issuerFor(agencyCode: string): string {
  return `CivicPIMS (${agencyCode})`;
}

export function totpUri(secret: string, agencyCode: string, username: string): string {
  return generateURI({ issuer: issuerFor(agencyCode), label: username, secret });
}

export async function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, scale: 6 });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replay" };

export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  const r = await verify({ secret, token: code, epoch: nowSeconds, epochTolerance: TOTP_PERIOD });
  if (!r.valid || !("timeStep" in r)) return { ok: false, reason: "invalid" };
  // Checked here rather than with otplib's afterTimeStep so the ledger can tell a replay apart.
  if (lastStep !== null && r.timeStep <= lastStep) return { ok: false, reason: "replay" };
  return { ok: true, step: r.timeStep };
}

/** Recovery codes: 10 characters (about 49 bits) from an unambiguous alphabet, shown as xxxxx-xxxxx. */
const RC_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function generateRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    let s = "";
    for (let i = 0; i < 10; i++) s += RC_ALPHABET[randomInt(RC_ALPHABET.length)];
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(code));
}

/** SHA-256 is enough here: the codes carry about 49 random bits and guessing is stopped by lockout. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`civicpims-rc:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}
