import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ageOn,
  checkRequester,
  computeFees,
  groundsFor,
  maskIdentifier,
  overallOutcome,
  RightsRuleViolation,
  requestKinds,
  resolveDecision,
} from "./rights";

const code = (fn: () => unknown, c: string) =>
  assert.throws(fn, (e: unknown) => e instanceof RightsRuleViolation && e.code === c);

describe("rights request rules", () => {
  test("C1, C7: pack kinds map to deadline kinds (KR 3, TW 7)", () => {
    const kr = requestKinds("KR");
    assert.deepEqual(
      kr.map((k) => k.deadlineKind),
      ["pipa_access", "pipa_correction", "pipa_suspension"],
    );
    assert.deepEqual(kr.find((k) => k.code === "correction_deletion")?.actions, ["correction", "deletion"]);
    const tw = requestKinds("TW");
    assert.equal(tw.length, 7);
    assert.equal(tw.find((k) => k.code === "deletion")?.deadlineKind, "tw_pdpa_correction");
    assert.equal(tw.find((k) => k.code === "copy")?.deadlineKind, "tw_pdpa_access");
  });

  test("C8, C9, C10, C6: grounds come from the pack list for the kind", () => {
    assert.ok(
      groundsFor("KR", "access").some((g) => g.code === "art35-4-3-ga" && g.article?.includes("제35조")),
    );
    assert.deepEqual(
      groundsFor("KR", "correction_deletion", "deletion").map((g) => g.code),
      ["art36-1-proviso"],
    );
    assert.equal(groundsFor("KR", "suspension").length, 4);
    const twDel = groundsFor("TW", "deletion").map((g) => g.code);
    assert.ok(twDel.includes("art11-3-duty") && twDel.includes("incomplete"));
    assert.ok(!twDel.includes("art10-1"));
  });

  test("C4: KR legal representative only for a child under 14; TW for minors under 18; under-7 cannot ask alone", () => {
    const base = { hasSubject: true, onDate: "2026-03-23" };
    checkRequester("KR", {
      ...base,
      requesterType: "legal_representative",
      basis: "child_under_14",
      subjectBirthDate: "2013-03-24",
    });
    code(
      () =>
        checkRequester("KR", {
          ...base,
          requesterType: "legal_representative",
          basis: "child_under_14",
          subjectBirthDate: "2012-03-23",
        }),
      "representative_not_allowed",
    );
    checkRequester("TW", {
      ...base,
      requesterType: "legal_representative",
      basis: "minor",
      subjectBirthDate: "2009-01-01",
    });
    code(
      () =>
        checkRequester("TW", {
          ...base,
          requesterType: "legal_representative",
          basis: "minor",
          subjectBirthDate: "2007-01-01",
        }),
      "representative_not_allowed",
    );
    code(
      () => checkRequester("TW", { ...base, requesterType: "self", subjectBirthDate: "2020-01-01" }),
      "minor_needs_representative",
    );
    code(
      () => checkRequester("KR", { ...base, requesterType: "proxy", basis: null }),
      "representation_required",
    );
    code(
      () => checkRequester("KR", { ...base, hasSubject: false, requesterType: "proxy", basis: "poa" }),
      "subject_required",
    );
    checkRequester("KR", { ...base, requesterType: "proxy", basis: "poa" });
    assert.equal(ageOn("2012-03-24", "2026-03-23"), 13);
  });

  test("C8: a refusal or partial grant without a ground, or with a ground of another kind, is refused", () => {
    code(
      () =>
        resolveDecision("KR", "access", ["i1"], [{ itemId: "i1", action: "access", decision: "refused" }]),
      "ground_required",
    );
    code(
      () =>
        resolveDecision(
          "KR",
          "access",
          ["i1"],
          [{ itemId: "i1", action: "access", decision: "partly", groundCode: "art37-2-1" }],
        ),
      "unknown_ground",
    );
    code(
      () =>
        resolveDecision(
          "KR",
          "access",
          ["i1", "i2"],
          [{ itemId: "i1", action: "access", decision: "granted" }],
        ),
      "items_undecided",
    );
    code(
      () =>
        resolveDecision("KR", "access", ["i1"], [{ itemId: "i1", action: "access", decision: "deferred" }]),
      "reason_required",
    );
    const r = resolveDecision(
      "KR",
      "access",
      ["i1"],
      [{ itemId: "i1", action: "access", decision: "refused", groundCode: "art35-4-2" }],
    );
    assert.equal(r[0].ground?.article, "개인정보 보호법 제35조제4항제2호");
    assert.equal(overallOutcome(["granted", "refused"]), "partly");
    assert.equal(overallOutcome(["refused", "refused"]), "refused");
  });

  test("C13: TW fees from the schedule, agency amounts where the schedule has none, waiver", () => {
    const f = computeFees(
      "TW",
      [
        { code: "inspection", quantity: 2 },
        { code: "mail_handling", quantity: 1 },
      ],
      false,
    );
    assert.equal(f.total, 90);
    assert.equal(f.currency, "TWD");
    code(() => computeFees("TW", [{ code: "copy_paper_bw", quantity: 3 }], false), "fee_amount_required");
    assert.equal(computeFees("TW", [{ code: "copy_paper_bw", quantity: 3, unitAmount: 2 }], true).due, 0);
    assert.equal(computeFees("KR", [{ code: "postage", quantity: 1, unitAmount: 4200 }], false).total, 4200);
    code(() => computeFees("KR", [{ code: "inspection", quantity: 1 }], false), "unknown_fee");
  });

  test("C5: identifiers are masked, never kept whole", () => {
    assert.equal(maskIdentifier("900101-1234567"), "900101-1******");
    assert.equal(maskIdentifier("A123456789"), "A12*****89");
    assert.ok(!maskIdentifier("M12345678").includes("45678"));
  });
});
