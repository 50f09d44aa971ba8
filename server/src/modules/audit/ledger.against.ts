import { createPublicKey, verify } from "node:crypto";
import { checkpointPayload } from "@civicpims/core/audit/index";
import { longText, text } from "@civicpims/core/validation/index";
import { z } from "zod";
import type { Database } from "../../db/client";

/**
 * Checks the database against a checkpoint file exported earlier (`civicpims verify-ledger --export`).
 * The chain in the database only proves itself up to its newest signed checkpoint: whoever can switch
 * the append-only triggers off can cut the newest entries (and checkpoints) and leave a consistent,
 * shorter chain. A copy of the checkpoints kept outside the database closes that gap: every exported
 * checkpoint must still be in the chain, with the same hash at the same seq.
 */
export const checkpointExportSchema = z.object({
  exportedAt: text({ max: 64 }),
  publicKey: longText({ max: 4000 }).refine((v) => v.includes("PUBLIC KEY"), "a PEM public key"),
  checkpoints: z.array(
    z.object({
      seq: z.number().int().positive(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      createdAt: text({ max: 64 }),
      keyId: text({ max: 200 }),
      signature: text({ max: 1000 }),
    }),
  ),
});
export type CheckpointExport = z.infer<typeof checkpointExportSchema>;

export interface AgainstResult {
  ok: boolean;
  /** Exported checkpoints compared with the chain. */
  checked: number;
  /** The newest seq in the database. */
  head: number;
  /** Sentences for an auditor, most serious first. */
  problems: string[];
}

/** Parses an export file's text; throws with a readable message when it is not one. */
export function parseCheckpointExport(text: string): CheckpointExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("not a checkpoint file written by `civicpims verify-ledger --export` (not JSON)");
  }
  const r = checkpointExportSchema.safeParse(json);
  if (!r.success) {
    throw new Error(
      `not a checkpoint file written by \`civicpims verify-ledger --export\` (${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message})`,
    );
  }
  return r.data;
}

const pemBody = (pem: string) => pem.replace(/\s+/g, "");
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export async function verifyAgainstExport(
  database: Database,
  exported: CheckpointExport,
  trustedPublicKey: string,
): Promise<AgainstResult> {
  const problems: string[] = [];
  const [{ head: headRaw }] = await database.query<{ head: string | number | null }>(
    "SELECT max(seq) AS head FROM ledger_entries",
  );
  const head = Number(headRaw ?? 0);
  if (pemBody(exported.publicKey) !== pemBody(trustedPublicKey)) {
    problems.push(
      "the file's public key is not this installation's ledger key: it was exported elsewhere or altered",
    );
    return { ok: false, checked: 0, head, problems };
  }
  // Signatures are checked with the installation's key, not the one the file carries.
  const key = createPublicKey(trustedPublicKey);
  const signed = exported.checkpoints.filter((c) => {
    const good = verify(
      null,
      Buffer.from(checkpointPayload({ seq: c.seq, hash: c.hash, createdAt: c.createdAt, keyId: c.keyId })),
      key,
      Buffer.from(c.signature, "base64"),
    );
    if (!good)
      problems.push(`checkpoint at seq ${c.seq} in the file has an invalid signature (the file was altered)`);
    return good;
  });
  const inChain = signed.filter((c) => c.seq <= head);
  const hashes = new Map<number, string>();
  // Chunks keep the parameter list small however many checkpoints a long-running install exported.
  for (let i = 0; i < inChain.length; i += 1000) {
    const seqs = inChain.slice(i, i + 1000).map((c) => c.seq);
    const rows = await database.query<{ seq: string | number; hash: string }>(
      `SELECT seq, hash FROM ledger_entries WHERE seq IN (${seqs.map((_, k) => `$${k + 1}`).join(", ")})`,
      seqs,
    );
    for (const r of rows) hashes.set(Number(r.seq), r.hash);
  }
  // The oldest mismatch is where the rewriting starts at the latest.
  const mismatch = [...inChain].sort((a, b) => a.seq - b.seq).find((c) => hashes.get(c.seq) !== c.hash);
  if (mismatch) {
    problems.push(
      `checkpoint at seq ${mismatch.seq} (signed ${when(mismatch.createdAt)}) does not match the database: entries up to ${mismatch.seq} were rewritten`,
    );
  }
  // The newest checkpoint past the head says how much of the tail is gone.
  const beyond = signed
    .filter((c) => c.seq > head)
    .reduce<(typeof signed)[number] | undefined>((a, c) => (a && a.seq > c.seq ? a : c), undefined);
  if (beyond) {
    problems.push(
      `checkpoint at seq ${beyond.seq} (signed ${when(beyond.createdAt)}) is not in the database: entries ${head + 1}–${beyond.seq} missing or rewritten`,
    );
  }
  return { ok: problems.length === 0, checked: signed.length, head, problems };
}
