import assert from "node:assert/strict";
import { test } from "node:test";
import { checkPassword } from "./password-policy";
import { can, PERMISSIONS, permissionsOf, ROLES } from "./permissions";

test("E2: password rule — 8+ with 3 classes or 10+ with 2", () => {
  assert.equal(checkPassword("Abcdef1!").ok, true);
  assert.equal(checkPassword("abcdef12").ok, false);
  assert.equal(checkPassword("abcdefgh12").ok, true);
  assert.equal(checkPassword("abcdefghij").ok, false);
  assert.deepEqual(checkPassword("Ab1!").problems, ["too_short"]);
  assert.deepEqual(checkPassword("kimadmin#2026X", "kimadmin").problems, ["contains_username"]);
});

test("E2: every permission names only known roles and auditors cannot change organisation data", () => {
  for (const [perm, roles] of Object.entries(PERMISSIONS)) {
    for (const r of roles) assert.ok(ROLES.includes(r), `${perm}: ${r}`);
  }
  assert.equal(can(["auditor"], "org.staff.write"), false);
  assert.equal(can(["auditor"], "audit.ledger.read"), true);
  assert.ok(permissionsOf(["handler"]).includes("org.units.read"));
});
