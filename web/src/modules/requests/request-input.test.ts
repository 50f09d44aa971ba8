import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { requestInput } from "./request-input";

const base = {
  kind: "access",
  requesterType: "self",
  requesterName: "홍길동",
  requesterEmail: "hong@example.kr",
  requesterPhone: "",
  requesterAddress: "",
  requesterBirthDate: "1980-01-02",
  content: "열람",
  targetDescription: "",
  deliveryMethod: "download",
  deliveryAddress: "",
};

describe("request form -> API request input (KR 별지 제1호/제2호, TW application)", () => {
  test("C3: a data subject asking for themself sends no subject or representation, empty fields dropped", () => {
    const r = requestInput({ ...base, action_access: "true", action_copy: "" });
    assert.equal(r.subject, undefined);
    assert.equal(r.representation, undefined);
    assert.deepEqual(r.requester, {
      name: "홍길동",
      email: "hong@example.kr",
      phone: undefined,
      address: undefined,
      birthDate: "1980-01-02",
    });
    assert.deepEqual(r.actions, ["access"]);
    assert.deepEqual(r.delivery, { method: "download", address: undefined });
  });

  test("C4: a proxy sends the data subject and the basis of representation", () => {
    const r = requestInput({
      ...base,
      requesterType: "proxy",
      basis: "poa",
      relationship: "자녀",
      subjectName: "홍어머니",
      subjectBirthDate: "1950-05-06",
      action_access: "true",
      action_copy: "true",
    });
    assert.deepEqual(r.subject, {
      name: "홍어머니",
      birthDate: "1950-05-06",
      phone: undefined,
      address: undefined,
    });
    assert.deepEqual(r.representation, { basis: "poa", relationship: "자녀" });
    assert.deepEqual(r.actions?.sort(), ["access", "copy"]);
  });

  test("no ticked action leaves the kind's default to the server", () => {
    assert.equal(requestInput({ ...base }).actions, undefined);
  });
});
