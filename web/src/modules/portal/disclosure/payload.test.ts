import assert from "node:assert/strict";
import { test } from "node:test";
import { type KindField, payloadOf } from "./payload";

const L = (s: string) => ({ ko: s, "zh-TW": s, en: s });
const fields: KindField[] = [
  { name: "requester.name", required: true, type: "text", label: L("name") },
  { name: "requester.birthDate", required: false, type: "date", label: L("birth") },
  { name: "requester.businessNumber", required: false, type: "text", label: L("biz") },
  { name: "content", required: true, type: "longText", label: L("content") },
  { name: "itemCount", required: true, type: "number", label: L("items") },
  {
    name: "methods",
    required: true,
    type: "choice",
    multiple: true,
    options: [
      { value: "view", label: L("view") },
      { value: "electronic", label: L("electronic") },
    ],
    label: L("methods"),
  },
  { name: "methodOther", required: false, type: "text", label: L("other") },
  {
    name: "receipt",
    required: true,
    type: "choice",
    options: [{ value: "online", label: L("o") }],
    label: L("r"),
  },
];

test("J1, J4: the portal disclosure form becomes the kind's nested payload (empty optional fields left out)", () => {
  assert.deepEqual(
    payloadOf(fields, {
      "requester.name": " 정공개 ",
      "requester.birthDate": "1980-05-17",
      "requester.businessNumber": "",
      content: "회의록",
      itemCount: "2",
      "methods.view": "",
      "methods.electronic": "true",
      methodOther: "",
      receipt: "online",
    }),
    {
      requester: { name: "정공개", birthDate: "1980-05-17" },
      content: "회의록",
      itemCount: 2,
      methods: ["electronic"],
      receipt: "online",
    },
  );
  // Nothing ticked: an empty list, which the schema refuses beside the field.
  assert.deepEqual(payloadOf(fields.slice(5, 6), {}), { methods: [] });
});
