import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ApiError } from "../api";
import { apiFieldErrors } from "./api-errors";

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
