import assert from "node:assert/strict";
import { test } from "node:test";
import { VERSION } from "./index";

test("core loads", () => assert.equal(VERSION, "0.1.0"));
