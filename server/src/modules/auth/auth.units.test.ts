import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkPassword } from "@civicpims/core/auth/index";
import argon2 from "argon2";
import { generate } from "otplib";
import { matchOidcStaff, readState, signState } from "./oidc.service";
import {
  assertPasswordPolicy,
  generatePassword,
  hashPassword,
  passwordNeedsRehash,
  verifyPassword,
} from "./password.service";
import { checkTotp, generateRecoveryCodes, hashRecoveryCode, newTotpSecret, totpUri } from "./totp.service";

describe("auth building blocks", () => {
  test("E2: passwords are argon2id hashes that verify only the right password", async () => {
    const h = await hashPassword("Correct#Horse9");
    assert.match(h, /^\$argon2id\$/);
    assert.equal(await verifyPassword(h, "Correct#Horse9"), true);
    assert.equal(await verifyPassword(h, "correct#horse9"), false);
    assert.equal(await verifyPassword(null, "anything"), false, "no hash never verifies");
    assert.equal(await verifyPassword("garbage", "anything"), false, "a malformed hash never verifies");
    assert.equal(passwordNeedsRehash(h), false);
    const weak = await argon2.hash("Correct#Horse9", {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
    });
    assert.equal(passwordNeedsRehash(weak), true, "hashes made with weaker parameters are upgraded");
  });

  test("E2: the policy refuses weak passwords with the problems as details", () => {
    assert.throws(
      () => assertPasswordPolicy("short1", "kim"),
      (e: { status: number; code: string; details: { problems: string[] } }) =>
        e.status === 400 && e.code === "auth.weak_password" && e.details.problems.includes("too_short"),
    );
    assert.throws(() => assertPasswordPolicy("kimsoo#2026A", "kimsoo"), /auth.weak_password/);
    assert.doesNotThrow(() => assertPasswordPolicy("Tr0ub4dor&3", "kim"));
    for (let i = 0; i < 50; i++) assert.equal(checkPassword(generatePassword()).ok, true);
  });

  test("E2: TOTP accepts the current step and one either side, refuses older steps and replays", async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015;
    const step = Math.floor(now / 30);
    const code = await generate({ secret, epoch: now });
    assert.deepEqual(await checkTotp(secret, code, null, now), { ok: true, step });
    const prev = await generate({ secret, epoch: now - 30 });
    assert.deepEqual(await checkTotp(secret, prev, null, now), { ok: true, step: step - 1 });
    const old = await generate({ secret, epoch: now - 90 });
    if (old !== code && old !== prev)
      assert.deepEqual(await checkTotp(secret, old, null, now), { ok: false, reason: "invalid" });
    assert.deepEqual(await checkTotp(secret, code, step, now), { ok: false, reason: "replay" });
    assert.deepEqual(await checkTotp(secret, "12345", null, now), { ok: false, reason: "invalid" });
    const uri = totpUri(secret, "SEOUL-X", "kim");
    assert.match(uri, /^otpauth:\/\/totp\//);
    assert.match(decodeURIComponent(uri), /issuer=CivicPIMS \(SEOUL-X\)/);
  });

  test("E2: recovery codes are distinct, and their hashes ignore case and separators", () => {
    const codes = generateRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.match(codes[0], /^[a-z0-9]{5}-[a-z0-9]{5}$/);
    assert.equal(hashRecoveryCode(codes[0]), hashRecoveryCode(codes[0].toUpperCase().replace("-", " ")));
    assert.notEqual(hashRecoveryCode(codes[0]), hashRecoveryCode(codes[1]));
  });

  test("E2: OIDC mapping: a linked issuer + subject wins; a user name links only with the agency claim, only when unlinked", () => {
    const iss = "https://idp.example";
    const staff = [
      { id: "1", username: "kim", oidcSubject: "sub-kim", oidcIssuer: iss },
      { id: "2", username: "lee", oidcSubject: null, oidcIssuer: null },
      { id: "3", username: "park", oidcSubject: "sub-park", oidcIssuer: iss },
      { id: "4", username: "choi", oidcSubject: "sub-choi", oidcIssuer: "https://other.example" },
    ];
    const policy = { agencyCode: "CITY-A", agencyClaim: "civicpims_agency" };
    const claims = (c: { sub: string; [k: string]: unknown }) => ({ iss, ...c });
    assert.deepEqual(matchOidcStaff(claims({ sub: "sub-kim", preferred_username: "lee" }), staff, policy), {
      staffId: "1",
      link: false,
    });
    assert.deepEqual(
      matchOidcStaff(
        claims({ sub: "new", preferred_username: "lee", civicpims_agency: "city-a" }),
        staff,
        policy,
      ),
      { staffId: "2", link: true },
    );
    assert.deepEqual(
      matchOidcStaff(
        claims({ sub: "new", preferred_username: "lee", civicpims_agency: ["x", "CITY-A"] }),
        staff,
        policy,
      ),
      { staffId: "2", link: true },
      "a list-valued claim may name several agencies",
    );
    assert.equal(
      matchOidcStaff(claims({ sub: "new", preferred_username: "lee" }), staff, policy),
      null,
      "no agency claim: no linking by name",
    );
    assert.equal(
      matchOidcStaff(
        claims({ sub: "new", preferred_username: "lee", civicpims_agency: "CITY-B" }),
        staff,
        policy,
      ),
      null,
      "another agency's claim: no linking by name",
    );
    assert.equal(
      matchOidcStaff(claims({ sub: "new", preferred_username: "lee", civicpims_agency: "CITY-A" }), staff, {
        agencyCode: "CITY-A",
      }),
      null,
      "no agency claim configured: only explicit links",
    );
    assert.equal(
      matchOidcStaff(claims({ sub: "sub-choi" }), staff, policy),
      null,
      "the same subject from another issuer is someone else",
    );
    assert.equal(
      matchOidcStaff(
        claims({ sub: "new", preferred_username: "park", civicpims_agency: "CITY-A" }),
        staff,
        policy,
      ),
      null,
      "no take-over of a linked account",
    );
    assert.equal(matchOidcStaff(claims({ sub: "", preferred_username: "lee" }), staff, policy), null);
    assert.equal(
      matchOidcStaff(
        claims({ sub: "new", preferred_username: 42, civicpims_agency: "CITY-A" }),
        staff,
        policy,
      ),
      null,
    );
  });

  test("E2: the OIDC state cookie is refused when altered, signed with another key, or expired", () => {
    const key = Buffer.alloc(32, 7);
    const s = { agency: "a", state: "st", nonce: "n", verifier: "v", exp: Date.now() + 60_000 };
    const v = signState(key, s);
    assert.deepEqual(readState(key, v), s);
    assert.equal(readState(Buffer.alloc(32, 8), v), null);
    const [data, sig] = v.split(".");
    const forged = Buffer.from(JSON.stringify({ ...s, agency: "b" })).toString("base64url");
    assert.equal(readState(key, `${forged}.${sig}`), null);
    assert.equal(readState(key, `${data}.`), null);
    assert.equal(readState(key, v, s.exp + 1), null);
    assert.equal(readState(key, undefined), null);
  });
});
