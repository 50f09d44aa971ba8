import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CASE_STATES } from "./machine";
import { nextStep, roleFor } from "./next-step";

// Expectations written by hand from the request routes (requests.routes.ts: identity = requests.process,
// decision and notification = requests.decide, close = cases.process) and the permission table.
describe("next step of a case (issue 11 item 1)", () => {
  const rq = "rights_request" as const;

  test("C5: a received request needs identity verification, which a handler may do", () => {
    assert.deepEqual(nextStep(rq, "received", ["handler"]), {
      action: "verify_identity",
      permission: "requests.process",
      canAct: true,
      byRole: null,
    });
    assert.deepEqual(nextStep(rq, "identity_check", ["handler"]), {
      action: "verify_identity",
      permission: "requests.process",
      canAct: true,
      byRole: null,
    });
  });

  test("C6: in review the decision belongs to a privacy manager, not to a handler", () => {
    assert.deepEqual(nextStep(rq, "in_review", ["handler"]), {
      action: "decide",
      permission: "requests.decide",
      canAct: false,
      byRole: "privacy_manager",
    });
    assert.deepEqual(nextStep(rq, "extended", ["handler", "auditor"]), {
      action: "decide",
      permission: "requests.decide",
      canAct: false,
      byRole: "privacy_manager",
    });
    assert.deepEqual(nextStep(rq, "in_review", ["privacy_manager"]), {
      action: "decide",
      permission: "requests.decide",
      canAct: true,
      byRole: null,
    });
    assert.equal(nextStep(rq, "in_review", ["privacy_officer"])?.canAct, true);
  });

  test("C6: waiting for the requester is the handler's to follow up", () => {
    assert.deepEqual(nextStep(rq, "waiting_requester", ["petition_clerk"]), {
      action: "await_requester",
      permission: "requests.process",
      canAct: false,
      byRole: "handler",
    });
  });

  test("C7: a decided request is notified by a privacy manager; a notified one closed by a handler", () => {
    assert.deepEqual(nextStep(rq, "decided", ["handler"]), {
      action: "notify",
      permission: "requests.decide",
      canAct: false,
      byRole: "privacy_manager",
    });
    assert.deepEqual(nextStep(rq, "notified", ["handler"]), {
      action: "close",
      permission: "cases.process",
      canAct: true,
      byRole: null,
    });
  });

  test("finished cases have no next step; a system administrator runs no cases", () => {
    for (const s of ["closed", "withdrawn", "transferred"] as const)
      assert.equal(nextStep(rq, s, ["handler"]), null);
    assert.deepEqual(nextStep(rq, "received", ["system_admin"]), {
      action: "verify_identity",
      permission: "requests.process",
      canAct: false,
      byRole: "handler",
    });
  });

  test("I1: petitions use the petitions permissions; disclosure cases the generic case permissions", () => {
    assert.deepEqual(nextStep("petition", "in_review", ["handler"]), {
      action: "decide",
      permission: "petitions.decide",
      canAct: false,
      byRole: "privacy_manager",
    });
    assert.equal(nextStep("disclosure", "received", ["handler"])?.permission, "cases.process");
  });

  test("every open state of every kind has a step, and no role set is left without someone to ask", () => {
    const open = [
      "received",
      "identity_check",
      "in_review",
      "waiting_requester",
      "extended",
      "decided",
      "notified",
    ];
    for (const kind of ["rights_request", "petition", "disclosure"] as const)
      for (const s of CASE_STATES) {
        const n = nextStep(kind, s, []);
        assert.equal(n !== null, open.includes(s), `${kind}/${s}`);
        if (n) assert.ok(n.byRole, `${kind}/${s} names a role`);
      }
  });

  test("the role named for a permission is the least senior one holding it", () => {
    assert.equal(roleFor("requests.decide"), "privacy_manager");
    assert.equal(roleFor("registry.approve"), "privacy_officer");
    assert.equal(roleFor("requests.create"), "handler");
  });
});
