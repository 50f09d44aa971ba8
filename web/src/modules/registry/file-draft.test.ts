import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bodyFromDraft, changedFields, createBody, draftFromFile, emptyDraft } from "./file-draft";
import type { RegistryFile } from "./types";

const file: RegistryFile = {
  ...(Object.fromEntries(Object.keys(emptyDraft()).map((k) => [k, null])) as unknown as RegistryFile),
  id: "f1",
  agencyId: "a1",
  version: 3,
  status: "active",
  name: "민원 처리 파일",
  unitId: "u1",
  legalBasisCodes: ["art15-1-2"],
  purposeCodes: [],
  categoryCodes: [],
  subjectCategories: ["민원인"],
  items: [{ name: "성명", kind: "name", sensitive: false, uniqueIdentifier: false, classCode: null }],
  hasSensitive: false,
  hasUniqueIdentifier: false,
  sources: [],
  collectionMethods: [],
  processingMethod: "electronic",
  fileTypes: ["electronic"],
  systemIds: [],
  retentionPeriod: "3년",
  retentionYears: 3,
  subjectCount: null,
  routineRecipients: [],
  internalUsers: [],
  entrusted: false,
  securityMeasures: [],
  noticeRequired: null,
  isPublic: false,
  exemptionReason: "제32조제2항",
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

describe("B2/B8: file form draft <-> API body", () => {
  test("a record read into the form and sent back unchanged produces an empty PATCH", () => {
    const d = draftFromFile(file);
    assert.deepEqual(changedFields(d, draftFromFile(file)), {});
  });

  test("only edited fields are sent, with numbers parsed and blank text cleared to null", () => {
    const before = draftFromFile(file);
    const after = { ...before, retentionPeriod: "5년", retentionYears: "5", businessProcess: "  " };
    assert.deepEqual(changedFields(before, after), { retentionPeriod: "5년", retentionYears: 5 });
    const cleared = { ...before, retentionPeriod: "" };
    assert.deepEqual(changedFields(before, cleared), { retentionPeriod: null });
  });

  test("J2: the records series is read into the form, sent when changed and cleared to null", () => {
    const before = draftFromFile({ ...file, recordsSeriesId: "s1" });
    assert.equal(before.recordsSeriesId, "s1");
    assert.deepEqual(changedFields(before, { ...before, recordsSeriesId: "s2" }), { recordsSeriesId: "s2" });
    assert.deepEqual(changedFields(before, { ...before, recordsSeriesId: "" }), { recordsSeriesId: null });
    assert.equal(createBody({ ...emptyDraft("u1"), name: "x", recordsSeriesId: "s1" }).recordsSeriesId, "s1");
  });

  test("publishing clears the exemption reason; unpublished keeps it", () => {
    const before = draftFromFile(file);
    assert.deepEqual(changedFields(before, { ...before, isPublic: true }), {
      isPublic: true,
      exemptionReason: null,
    });
    assert.equal(bodyFromDraft(before).exemptionReason, "제32조제2항");
  });

  test("tri-state notice duty and item rows: blank item names are dropped, empty kinds become null", () => {
    const d = {
      ...emptyDraft("u1"),
      name: "x",
      noticeRequired: "false" as const,
      items: [
        { name: " 전화번호 ", kind: "", sensitive: false, uniqueIdentifier: false, classCode: "" },
        { name: "  ", kind: "phone", sensitive: false, uniqueIdentifier: false, classCode: null },
      ],
    };
    const body = bodyFromDraft(d);
    assert.equal(body.noticeRequired, false);
    assert.deepEqual(body.items, [
      { name: "전화번호", kind: null, sensitive: false, uniqueIdentifier: false, classCode: null },
    ]);
  });

  test("create leaves out nulls and empty lists so the server's defaults apply", () => {
    const body = createBody({ ...emptyDraft("u1"), name: "새 파일" });
    assert.equal(body.name, "새 파일");
    assert.equal(body.unitId, "u1");
    assert.ok(!("legalBasisCodes" in body));
    assert.ok(!("retentionPeriod" in body));
    assert.equal(body.isPublic, false, "published later, with the preview (issue 11 item 3)");
  });
});

describe("B9 (issue 11 item 3): a new file is not public until published with the preview", () => {
  test("B9: the new-file draft and its create body say not public, with no exemption reason", () => {
    const body = createBody({ ...emptyDraft("u1"), name: "새 파일", processingMethod: "paper" });
    assert.equal(body.isPublic, false);
    assert.ok(!body.exemptionReason, "not yet published is not an exemption");
  });
});
