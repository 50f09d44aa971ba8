import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The tamper-evident access ledger (E3, E9). One hash chain per install; seq is assigned by the
 * appender under an advisory lock, so several instances still produce one gap-free chain.
 * UPDATE, DELETE and TRUNCATE are refused by triggers (see migrations).
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    agencyId: uuid("agency_id"),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    clientIp: text("client_ip"),
    userAgent: text("user_agent"),
    action: text("action").notNull(),
    resourceType: text("resource_type"),
    resourceId: text("resource_id"),
    /** Blind index of the data subject (never the identifier itself). */
    subjectRef: text("subject_ref"),
    purpose: text("purpose"),
    result: text("result", { enum: ["ok", "denied", "failed"] }).notNull(),
    details: jsonb("details"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("ledger_agency_time").on(t.agencyId, t.occurredAt),
    index("ledger_actor").on(t.actorId),
    index("ledger_subject").on(t.subjectRef),
    index("ledger_action").on(t.action),
    // Incident scope (issue 13): who touched these files in a window — resource first, then time.
    index("ledger_resource_time").on(t.resourceId, t.occurredAt),
  ],
);

/** Ed25519-signed checkpoints over the chain head; exportable so a copy outside the DB proves history. */
export const ledgerCheckpoints = pgTable("ledger_checkpoints", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  hash: text("hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
  keyId: text("key_id").notNull(),
  publicKey: text("public_key").notNull(),
  signature: text("signature").notNull(),
});
