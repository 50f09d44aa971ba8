import { blindIndex } from "./field-crypto";
import type { Secrets } from "./keys";

/**
 * The one reference to a data subject that the ledger and search indexes keep: an HMAC of the
 * normalised identifier. The same person always gets the same reference; nobody can reverse it.
 */
export function subjectRef(secrets: Pick<Secrets, "blindIndexKey">, identifier: string): string {
  return blindIndex(secrets.blindIndexKey, "subject", identifier);
}

/** Accepts either a blind index already (32 hex) or an identifier to index. */
export function toSubjectRef(secrets: Pick<Secrets, "blindIndexKey">, input: string): string {
  return /^[0-9a-f]{32}$/.test(input) ? input : subjectRef(secrets, input);
}
