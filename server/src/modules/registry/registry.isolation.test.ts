import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, twFile } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

test("A1/E2: every register route of agency A treats agency B's ids as unknown and changes nothing of B", async () => {
  const file = (await call("POST", "/api/registry/files", twFile(t.b.unitId), "b")).json();
  const sys = (await call("POST", "/api/registry/systems", { name: "B系統" }, "b")).json();
  const flow = (
    await call(
      "POST",
      `/api/registry/files/${file.id}/flows`,
      { direction: "in", counterpart: "當事人", systemId: sys.id },
      "b",
    )
  ).json();
  const prov = (
    await call(
      "POST",
      "/api/registry/provisions",
      {
        fileId: file.id,
        recipient: "某機關",
        legalGroundCode: "art16-1",
        purpose: "x",
        kind: "one_off",
        outOfPurpose: true,
      },
      "b",
    )
  ).json();
  const ent = (
    await call(
      "POST",
      "/api/registry/entrustments",
      { vendor: "B廠商", tasks: "維護", fileIds: [file.id] },
      "b",
    )
  ).json();
  const sup = (
    await call(
      "POST",
      `/api/registry/entrustments/${ent.id}/supervisions`,
      {
        inspectedOn: "2026-01-05",
        inspector: "x",
        findings: "y",
        actions: [{ action: "z", dueOn: "2026-02-01" }],
      },
      "b",
    )
  ).json();
  const vs = (
    await call("POST", `/api/registry/entrustments/${ent.id}/vendor-staff`, { name: "王小明" }, "b")
  ).json();
  const dev = (
    await call(
      "POST",
      "/api/registry/devices",
      {
        name: "B監視器",
        location: "大廳",
        purpose: "安全",
        count: 1,
        recordingHours: "24",
        retentionDays: 30,
      },
      "b",
    )
  ).json();
  const camp = (
    await call("POST", "/api/registry/campaigns", { title: "B盤點", dueOn: "2026-12-31" }, "b")
  ).json();
  const campDetail = (await call("GET", `/api/registry/campaigns/${camp.id}`, undefined, "b")).json();
  for (const r of [file, sys, flow, prov, ent, sup, vs, dev, camp]) assert.ok(r.id, JSON.stringify(r));

  const snapshot = async () =>
    JSON.stringify(
      await t.tdb.query(
        `SELECT (SELECT json_agg(x ORDER BY id) FROM registry_files x WHERE agency_id = $1) AS f,
                (SELECT json_agg(x ORDER BY id) FROM registry_systems x WHERE agency_id = $1) AS s,
                (SELECT json_agg(x ORDER BY id) FROM registry_flows x WHERE agency_id = $1) AS fl,
                (SELECT json_agg(x ORDER BY id) FROM registry_provisions x WHERE agency_id = $1) AS p,
                (SELECT json_agg(x ORDER BY id) FROM registry_entrustments x WHERE agency_id = $1) AS e,
                (SELECT json_agg(x ORDER BY id) FROM registry_corrective_actions x WHERE agency_id = $1) AS ca,
                (SELECT json_agg(x ORDER BY id) FROM registry_vendor_staff x WHERE agency_id = $1) AS vs,
                (SELECT json_agg(x ORDER BY id) FROM registry_devices x WHERE agency_id = $1) AS d,
                (SELECT json_agg(x ORDER BY id) FROM registry_campaign_items x WHERE agency_id = $1) AS ci,
                (SELECT count(*) FROM registry_out_of_purpose_log x WHERE agency_id = $1) AS l`,
        [t.b.id],
      ),
    );
  const before = await snapshot();
  const v = { version: 1, reason: "x" };
  const attempts: Array<[string, string, unknown?]> = [
    ["PATCH", `/api/registry/systems/${sys.id}`, { ...v, name: "hijack" }],
    ["DELETE", `/api/registry/systems/${sys.id}`, v],
    ["DELETE", `/api/registry/flows/${flow.id}`, v],
    ["PATCH", `/api/registry/provisions/${prov.id}`, { ...v, purpose: "hijack" }],
    ["POST", `/api/registry/provisions/${prov.id}/decision`, { decision: "approve", version: 1 }],
    ["GET", `/api/registry/entrustments/${ent.id}`],
    ["PATCH", `/api/registry/entrustments/${ent.id}`, { ...v, vendor: "hijack" }],
    ["DELETE", `/api/registry/entrustments/${ent.id}`, v],
    [
      "POST",
      `/api/registry/entrustments/${ent.id}/supervisions`,
      { inspectedOn: "2026-01-05", inspector: "x", findings: "y" },
    ],
    ["PATCH", `/api/registry/corrective-actions/${sup.actions[0].id}`, { doneOn: "2026-01-10" }],
    ["GET", `/api/registry/entrustments/${ent.id}/vendor-staff`],
    ["POST", `/api/registry/entrustments/${ent.id}/vendor-staff`, { name: "x" }],
    ["PATCH", `/api/registry/vendor-staff/${vs.id}`, { ...v, name: "hijack" }],
    [
      "POST",
      `/api/registry/entrustments/${ent.id}/terminate`,
      {
        ...v,
        terminatedOn: "2026-01-01",
        returnConfirmed: true,
        deletionConfirmed: true,
        accessRevoked: true,
      },
    ],
    ["GET", `/api/registry/devices/${dev.id}`],
    ["PATCH", `/api/registry/devices/${dev.id}`, { ...v, name: "hijack" }],
    ["DELETE", `/api/registry/devices/${dev.id}`, v],
    ["GET", `/api/registry/devices/${dev.id}/notice`],
    ["GET", `/api/registry/files/${file.id}/risk-assessments`],
    ["GET", `/api/registry/campaigns/${camp.id}`],
    ["POST", `/api/registry/campaigns/${camp.id}/items/${campDetail.items[0].id}/confirm`, {}],
    ["POST", `/api/registry/campaigns/${camp.id}/close`, {}],
    ["GET", `/api/registry/history/entrustment/${ent.id}`],
    ["POST", "/api/registry/files/" + file.id + "/flows", { direction: "out", counterpart: "x" }],
  ];
  for (const [method, url, payload] of attempts) {
    const res = await call(method, url, payload, "a");
    assert.ok([404, 400].includes(res.statusCode), `${method} ${url} -> ${res.statusCode} ${res.body}`);
  }
  assert.equal(await snapshot(), before, "agency B's register changed");
  for (const url of [
    "/api/registry/systems",
    "/api/registry/provisions",
    "/api/registry/entrustments",
    "/api/registry/devices",
    "/api/registry/campaigns",
    "/api/registry/out-of-purpose-log",
  ]) {
    const body = JSON.stringify((await call("GET", url)).json());
    for (const id of [sys.id, prov.id, ent.id, dev.id, camp.id])
      assert.ok(!body.includes(id), `${url} shows B's ${id}`);
  }
  const dash = JSON.stringify((await call("GET", "/api/registry/dashboard")).json());
  assert.ok(!dash.includes(file.id) && !dash.includes(ent.id));
  const search = (await call("POST", "/api/registry/subject-search", { identifier: "A123456789" })).json();
  assert.ok(!search.files.some((f: { id: string }) => f.id === file.id));
});
