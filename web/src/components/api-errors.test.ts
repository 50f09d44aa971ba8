import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ApiError } from "../api";
import { apiFieldErrors, formFieldErrors } from "./api-errors";

describe("server field errors land on their fields", () => {
  test("schema errors by JSON pointer and business errors by dotted field", () => {
    const e = new ApiError(
      400,
      "validation",
      "bad",
      [
        { path: "/items/0/name", message: "required" },
        { field: "exemptionReason", code: "exemption_required", message: "give a reason" },
        { field: "items[1].kind", code: "invalid_value", message: "unknown kind" },
      ],
      null,
    );
    const f = apiFieldErrors(e);
    assert.equal(f["items.0.name"], "required");
    assert.equal(f.items, "required");
    assert.equal(f.exemptionReason, "give a reason");
    assert.equal(f["items.1.kind"], "unknown kind");
  });

  test("a one-field conflict and a missing reason", () => {
    assert.deepEqual(
      apiFieldErrors(
        new ApiError(409, "registry.duplicate_name", "taken", { field: "name", value: "x" }, null),
      ),
      {
        name: "taken",
      },
    );
    assert.deepEqual(apiFieldErrors(new ApiError(400, "registry.reason_required", "why?", undefined, null)), {
      reason: "why?",
    });
  });

  test("anything else maps to no field", () => {
    assert.deepEqual(apiFieldErrors(new Error("x")), {});
    assert.deepEqual(
      apiFieldErrors(new ApiError(409, "registry.stale_version", "stale", { currentVersion: 4 }, null)),
      {},
    );
  });
});

describe("C2 (issue 11 item 7): server details land on the form's own fields, once", () => {
  // The portal request form's inputs are flat (requesterName); the API's body is nested (/requester/name).
  const names = new Set(["kind", "content", "requesterName", "requesterEmail", "subjectName", "consent"]);
  const aliases = {
    "requester.name": "requesterName",
    "requester.email": "requesterEmail",
    "subject.name": "subjectName",
  };

  test("C2: localised details {path, code, message, where} map through aliases to the inputs", () => {
    const e = new ApiError(
      400,
      "validation",
      "입력값을 확인하세요.",
      [
        {
          path: "/requester/name",
          code: "text.control_char",
          message: "제어 문자는 쓸 수 없습니다.",
          where: "body",
        },
        {
          path: "/requester/email",
          code: "email.invalid",
          message: "전자우편 주소 형식이 아닙니다.",
          where: "body",
        },
        { path: "/content", code: "field.required", message: "입력하세요.", where: "body" },
      ],
      null,
    );
    assert.deepEqual(formFieldErrors(e, names, aliases), {
      requesterName: "제어 문자는 쓸 수 없습니다.",
      requesterEmail: "전자우편 주소 형식이 아닙니다.",
      content: "입력하세요.",
    });
  });

  test("C2: a detail for a field the form does not show is left out (shown by the summary text instead)", () => {
    const e = new ApiError(
      400,
      "validation",
      "bad",
      [{ path: "/delivery/method", code: "field.invalid", message: "bad method", where: "body" }],
      null,
    );
    assert.deepEqual(formFieldErrors(e, names, aliases), {});
  });

  test("C2: two details for one field give that field one message (the first)", () => {
    const e = new ApiError(
      400,
      "validation",
      "bad",
      [
        { path: "/requester/name", code: "field.required", message: "Enter the name.", where: "body" },
        { path: "/requester/name", code: "text.too_long", message: "Too long.", where: "body" },
        { path: "/requester", code: "field.invalid", message: "Check the requester.", where: "body" },
      ],
      null,
    );
    assert.deepEqual(formFieldErrors(e, names, aliases), { requesterName: "Enter the name." });
  });

  test("C2: a header or query detail never lands on a body field of the same name", () => {
    const e = new ApiError(
      400,
      "validation",
      "bad",
      [{ path: "/content", code: "field.invalid", message: "bad header", where: "headers" }],
      null,
    );
    assert.deepEqual(formFieldErrors(e, names, aliases), {});
  });
});
