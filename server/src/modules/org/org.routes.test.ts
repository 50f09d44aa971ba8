import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(
  method: string,
  url: string,
  payload?: unknown,
  who: "a" | "b" = "a",
  role = "system_admin" as const,
) {
  const headers = await t.as(role, who);
  return t.inject({ method: method as "GET", url, payload: payload as object, headers });
}

describe("organisation", () => {
  test("A2: units form a tree; a cycle and a duplicate code are refused", async () => {
    const parent = (await call("POST", "/api/org/units", { code: "p", nameLocal: "상위부서" })).json();
    const child = await call("POST", "/api/org/units", {
      code: "c",
      nameLocal: "하위팀",
      parentId: parent.id,
    });
    assert.equal(child.statusCode, 201);
    const cycle = await call("PATCH", `/api/org/units/${parent.id}`, { parentId: child.json().id });
    assert.equal(cycle.statusCode, 409);
    assert.equal(cycle.json().code, "org.unit_cycle");
    const dup = await call("POST", "/api/org/units", { code: "p", nameLocal: "again" });
    assert.equal(dup.json().code, "org.duplicate_code");
    const del = await call("DELETE", `/api/org/units/${parent.id}`);
    assert.equal(del.json().code, "org.unit_in_use");
  });

  test("A12/E2: staff are created with a policy-checked password; role grants and revocations keep who/whom/when", async () => {
    const weak = await call("POST", "/api/org/staff", {
      username: "new.h",
      displayName: "신규",
      password: "short",
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, "auth.weak_password");
    const created = await call("POST", "/api/org/staff", {
      username: "new.h",
      displayName: "신규 담당자",
      unitId: t.a.unitId,
      password: "Handler#2026!",
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    assert.equal(created.json().passwordHash, undefined, "password hash must never be returned");
    const grant = await call("POST", `/api/org/staff/${id}/roles`, {
      role: "handler",
      unitId: t.a.unitId,
      reason: "신규 배치",
    });
    assert.equal(grant.statusCode, 201);
    const again = await call("POST", `/api/org/staff/${id}/roles`, { role: "handler", unitId: t.a.unitId });
    assert.equal(again.json().code, "org.role_exists");
    const revoke = await call("DELETE", `/api/org/staff/${id}/roles/${grant.json().id}`, { reason: "전보" });
    assert.equal(revoke.statusCode, 200);
    const history = (await call("GET", "/api/org/role-history")).json() as Array<Record<string, unknown>>;
    const row = history.find((h) => h.id === grant.json().id);
    assert.equal(row?.grantedBy, t.a.staffByRole.system_admin);
    assert.equal(row?.revokedBy, t.a.staffByRole.system_admin);
    assert.equal(row?.revokeReason, "전보");
    const actions = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE resource_id = $1 ORDER BY seq",
      [id],
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      ["org.staff.create", "org.role.grant", "org.role.revoke"],
    );
  });

  test("A10: committees hold staff and external members with positions", async () => {
    const c = await call("POST", "/api/org/committees", {
      kind: "execution_group",
      nameLocal: "個人資料保護執行小組",
    });
    assert.equal(c.statusCode, 201);
    const m1 = await call("POST", `/api/org/committees/${c.json().id}/members`, {
      staffId: t.a.staffByRole.privacy_officer,
      position: "convener",
    });
    assert.equal(m1.statusCode, 201);
    const m2 = await call("POST", `/api/org/committees/${c.json().id}/members`, {
      externalName: "外部委員",
      position: "member",
    });
    assert.equal(m2.statusCode, 201);
    const bad = await call("POST", `/api/org/committees/${c.json().id}/members`, { position: "member" });
    assert.equal(bad.statusCode, 400);
    const list = (await call("GET", "/api/org/committees")).json();
    assert.equal(list.find((x: { id: string }) => x.id === c.json().id).members.length, 2);
  });

  test("A1: the last system administrator cannot lose the role", async () => {
    const staffList = (await call("GET", "/api/org/staff", undefined, "b")).json() as Array<{
      id: string;
      roles: Array<{ id: string; role: string }>;
    }>;
    const admin = staffList.find((s) => s.roles.some((r) => r.role === "system_admin"))!;
    const assignment = admin.roles.find((r) => r.role === "system_admin")!;
    const res = await call("DELETE", `/api/org/staff/${admin.id}/roles/${assignment.id}`, {}, "b");
    assert.equal(res.json().code, "org.last_admin");
  });
});

describe("cross-agency isolation", () => {
  test("A1/E2: staff of agency A can neither read nor change agency B's data through any route", async () => {
    const bUnit = t.b.unitId;
    const bStaff = t.b.staffByRole.handler;
    const bCommittee = (
      await call("POST", "/api/org/committees", { kind: "other", nameLocal: "B위원회" }, "b")
    ).json().id;
    const snapshot = async () =>
      JSON.stringify(
        await t.tdb.query(
          `SELECT (SELECT json_agg(u ORDER BY id) FROM units u WHERE agency_id = $1) AS u,
                  (SELECT json_agg(s ORDER BY id) FROM staff s WHERE agency_id = $1) AS s,
                  (SELECT json_agg(r ORDER BY id) FROM role_assignments r WHERE agency_id = $1) AS r,
                  (SELECT json_agg(c ORDER BY id) FROM committees c WHERE agency_id = $1) AS c,
                  (SELECT json_agg(m ORDER BY id) FROM committee_members m WHERE agency_id = $1) AS m`,
          [t.b.id],
        ),
      );
    const before = await snapshot();
    const attempts: Array<[string, string, unknown?]> = [
      ["PATCH", `/api/org/units/${bUnit}`, { nameLocal: "hijack" }],
      ["DELETE", `/api/org/units/${bUnit}`],
      ["POST", "/api/org/units", { code: "x1", nameLocal: "x", parentId: bUnit }],
      ["PATCH", `/api/org/staff/${bStaff}`, { displayName: "hijack", status: "disabled" }],
      ["POST", `/api/org/staff/${bStaff}/roles`, { role: "system_admin" }],
      [
        "POST",
        "/api/org/staff",
        { username: "sneaky", displayName: "x", unitId: bUnit, password: "Sneaky#2026!" },
      ],
      ["PATCH", `/api/org/committees/${bCommittee}`, { nameLocal: "hijack" }],
      ["POST", `/api/org/committees/${bCommittee}/members`, { externalName: "x" }],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(method, url, payload, "a");
      assert.ok([404, 400].includes(res.statusCode), `${method} ${url} -> ${res.statusCode}`);
    }
    assert.equal(await snapshot(), before, "agency B's rows changed");
    // Lists never include the other agency's rows.
    const units = (await call("GET", "/api/org/units")).json() as Array<{ id: string }>;
    assert.ok(!units.some((u) => u.id === bUnit));
    const staffList = (await call("GET", "/api/org/staff")).json() as Array<{ id: string }>;
    assert.ok(!staffList.some((s) => s.id === bStaff));
    const committees = (await call("GET", "/api/org/committees")).json() as Array<{ id: string }>;
    assert.ok(!committees.some((c) => c.id === bCommittee));
    const ledger = (
      await call("GET", "/api/audit/ledger?pageSize=200", undefined, "a", "auditor" as never)
    ).json();
    assert.ok(ledger.items.length > 0);
    assert.ok(ledger.items.every((e: { agencyId: string }) => e.agencyId === t.a.id));
  });
});
