import { createHmac } from "node:crypto";
import { canonicalValue } from "./normalize";
import type { PiiType } from "./types";

/**
 * Keyed hash of a value an agency confirmed is not personal data. Only the hash is stored; the
 * key keeps it from being reversed by enumerating all RRNs. Separators and full-width forms do
 * not change the hash.
 */
export function falsePositiveHash(type: PiiType, value: string, key: Uint8Array | string): string {
  return createHmac("sha256", key)
    .update(`fp\0${type}\0${canonicalValue(value)}`)
    .digest("hex");
}

/** Pseudonym token body: same key, type and value -> same token. */
export function pseudonymDigest(type: PiiType, value: string, key: Uint8Array | string): string {
  return createHmac("sha256", key)
    .update(`ps\0${type}\0${canonicalValue(value)}`)
    .digest("hex")
    .slice(0, 10);
}
