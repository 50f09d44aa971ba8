import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import ko from "../web/src/i18n/ko.json";
import auditKo from "../web/src/modules/audit/i18n/ko.json";
import { env, flowSteps, labelled, launch, nextStepAfter, totp, totpStep, watchErrors } from "./support";

/**
 * Issue 4 "Done when": the demo system administrator signs in with a TOTP second factor, creates a
 * unit and a handler, finds both actions in the ledger viewer, and logs out. The demo agency is
 * Korean, so the screens must come up in Korean (its jurisdiction's language); labels are read from
 * the same resource file the app uses.
 */
/** A form field by the start of its label (labels of required fields end with "(필수)"). */
const field = (scope: Page | Locator, label: string) => labelled(scope, label);

describe("A1/A2/A3/E3: staff sign-in with TOTP, org changes, ledger viewer", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  let secret = "";
  let usedStep = 0;
  const suffix = randomBytes(3).toString("hex");
  const unitCode = `E2E-${suffix}`;
  const unitName = `시험 개인정보팀 ${suffix}`;
  const handlerUsername = `e2e.handler.${suffix}`;
  const handlerName = `시험 취급자 ${suffix}`;

  const step = flowSteps(() => page?.screenshot({ path: "/tmp/civicpims-e2e-failure.png", fullPage: true }));

  before(async () => {
    assert.ok(env.password, "E2E_PASSWORD is not set: run through `npm run e2e`");
    const b = await launch();
    page = b.page;
    close = b.close;
    errors = watchErrors(page);
  });
  after(async () => {
    await close?.();
  });

  async function signIn() {
    await page.goto(`${env.baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.locator('select[name="agency"]').selectOption(env.agency);
    // The agency's jurisdiction (KR) chooses the language before anyone picks one.
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    await field(page, ko.auth.login.username).fill(env.username);
    await field(page, ko.auth.login.password).fill(env.password);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
  }

  step("sign-in screen is in Korean and rejects an empty form with a field error", async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(env.agency);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
    const alert = page.locator(".form-alert");
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /확인해 주세요/);
    // Focus moves to the first invalid field.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("name"));
    assert.equal(focused, "username");
    // A wrong password: the server's message comes back in the screen's language (Korean).
    await field(page, ko.auth.login.username).fill(env.username);
    await field(page, ko.auth.login.password).fill(`${env.password}-wrong`);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
    await page.waitForFunction(() => {
      const text = document.querySelector(".form-alert")?.textContent ?? "";
      return text !== "" && !text.includes("확인해");
    });
    assert.match((await alert.textContent()) ?? "", /[가-힣]/);
    assert.match(page.url(), /\/login$/);
  });

  step(
    "first sign-in: enrol the authenticator (QR + secret), confirm a TOTP, see recovery codes once",
    async () => {
      await signIn();
      await page.waitForURL(/\/login\/enrol$/);
      await page.getByRole("img", { name: ko.auth.enrol.qrAlt }).waitFor();
      const src = await page.getByRole("img", { name: ko.auth.enrol.qrAlt }).getAttribute("src");
      assert.match(src ?? "", /^data:image\/png;base64,/);
      secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s+/g, "");
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      usedStep = totpStep();
      await field(page, ko.auth.enrol.code).fill(totp(secret));
      await page.getByRole("button", { name: ko.auth.enrol.confirm }).click();
      await page.getByRole("heading", { name: ko.auth.enrol.codesTitle }).waitFor();
      const codes = await page.locator(".recovery-codes li").allTextContents();
      assert.equal(codes.length, 10);
      await field(page, ko.auth.enrol.saved).check();
      await page.getByRole("button", { name: ko.auth.enrol.continue }).click();
      await page.getByRole("heading", { level: 1, name: ko.dashboard.title }).waitFor();
      assert.ok(await page.getByText(ko.roles.system_admin).first().isVisible());
    },
  );

  step("log out, then sign in again with a TOTP code", async () => {
    await page.locator(".account-menu > summary").click();
    await page.getByRole("button", { name: ko.shell.logout, exact: true }).click();
    await page.waitForURL(/\/login$/);
    await nextStepAfter(usedStep);
    await signIn();
    await page.waitForURL(/\/login\/mfa$/);
    usedStep = totpStep();
    await field(page, ko.auth.mfa.code).fill(totp(secret));
    await page.getByRole("button", { name: ko.auth.mfa.submit }).click();
    await page.getByRole("heading", { level: 1, name: ko.dashboard.title }).waitFor();
  });

  step("create a unit in the units screen", async () => {
    await page.getByRole("navigation").getByRole("link", { name: ko.nav.units, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ko.org.units.title }).waitFor();
    await page.locator(".page-actions").getByRole("button", { name: ko.org.units.create }).click();
    const form = page.getByRole("form", { name: ko.org.units.create });
    await field(form, ko.org.units.code).fill(unitCode);
    await field(form, ko.org.units.nameLocal).fill(unitName);
    await field(form, ko.org.units.nameEn).fill(`E2E Privacy Team ${suffix}`);
    await form.getByRole("button", { name: ko.org.units.create }).click();
    await page.locator(".tree .tree-name", { hasText: unitName }).waitFor();
  });

  step("create a handler (staff member with the handler role) in that unit", async () => {
    await page.getByRole("navigation").getByRole("link", { name: ko.nav.staff, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ko.org.staff.title }).waitFor();
    await page.locator(".page-actions").getByRole("button", { name: ko.org.staff.create }).click();
    const form = page.getByRole("form", { name: ko.org.staff.create });
    await field(form, ko.org.staff.username).fill(handlerUsername);
    await field(form, ko.org.staff.displayName).fill(handlerName);
    const unitOption = form.locator('select[name="unitId"] option', { hasText: unitName });
    await form.locator('select[name="unitId"]').selectOption((await unitOption.getAttribute("value")) ?? "");
    await field(form, ko.org.staff.initialPassword).fill(`Handler-${suffix}-Pw1`);
    await form.locator('select[name="role"]').selectOption("handler");
    await field(form, ko.org.staff.reason).fill("e2e");
    await form.getByRole("button", { name: ko.org.staff.createSubmit }).click();
    const row = page.locator("table tbody tr", { hasText: handlerUsername });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", new RegExp(ko.roles.handler));
    assert.match((await row.textContent()) ?? "", new RegExp(unitName));
  });

  step("the ledger viewer shows both actions and verifies the chain", async () => {
    await page.getByRole("navigation").getByRole("link", { name: ko.nav.ledger, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ko.audit.ledger.title }).waitFor();
    const unitRow = page.locator('tr[data-action="org.unit.create"]', { hasText: unitCode });
    await unitRow.waitFor();
    assert.match((await unitRow.textContent()) ?? "", new RegExp(env.username));
    assert.equal(
      await page.locator('tr[data-action="org.staff.create"]', { hasText: handlerUsername }).count(),
      1,
    );
    assert.ok(
      (await page.locator('tr[data-action="org.role.grant"]', { hasText: '"handler"' }).count()) >= 1,
    );

    // Filter by action: only staff creations remain.
    await page.getByLabel(auditKo.action, { exact: true }).selectOption("org.staff.create");
    await page.getByRole("button", { name: ko.common.applyFilters }).click();
    await page.waitForURL(/action=org\.staff\.create/);
    // The old rows stay until the filtered page arrives: wait for the table to show only the filtered action.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("tbody tr")];
      return rows.length > 0 && rows.every((r) => r.getAttribute("data-action") === "org.staff.create");
    });
    assert.ok((await page.locator('tr[data-action="org.staff.create"]').count()) >= 1);
    assert.equal(await page.locator("tbody tr:not([data-action='org.staff.create'])").count(), 0);
    await page.getByRole("button", { name: ko.common.clearFilters }).click();
    await page.waitForURL((u) => !u.search.includes("action="));
    await page.locator(".table-wrap[aria-busy='false']").waitFor();
    await page.locator('tr[data-action="org.unit.create"]').first().waitFor();

    await page.getByRole("button", { name: ko.audit.ledger.verify }).click();
    const ok = page.locator(".verify-result .result-ok");
    await ok.waitFor();
    assert.match((await ok.textContent()) ?? "", /정상/);
    await page.screenshot({ path: "/tmp/civicpims-ledger.png", fullPage: true });
  });

  step("log out everywhere ends the session", async () => {
    await page.locator(".account-menu > summary").click();
    await page.getByRole("button", { name: ko.shell.logoutAll }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${env.baseUrl}/audit/ledger`);
    await page.waitForURL(/\/login$/);
    const r = await page.request.get(`${env.baseUrl}/api/auth/session`);
    assert.equal(r.status(), 401);
  });

  step("an auditor (no second factor required) exports the ledger as CSV; the export is logged", async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(env.agency);
    await field(page, ko.auth.login.username).fill("auditor.choi");
    await field(page, ko.auth.login.password).fill(env.password);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
    // Signed out by the previous step while on the ledger, the auditor is brought back there.
    await page.getByRole("heading", { level: 1, name: ko.audit.ledger.title }).waitFor();
    // Auditors may read staff but not change them: no "new staff member" button.
    await page.getByRole("navigation").getByRole("link", { name: ko.nav.staff, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ko.org.staff.title }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    assert.equal(await page.getByRole("button", { name: ko.org.staff.create }).count(), 0);
    await page.getByRole("navigation").getByRole("link", { name: ko.nav.ledger, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ko.audit.ledger.title }).waitFor();
    assert.ok(await page.getByRole("button", { name: auditKo.exportXlsx }).isVisible());
    // The button fetches the file (so a refusal can show as a message): read what it received.
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/audit/ledger/export")),
      page.getByRole("button", { name: auditKo.exportCsv }).click(),
    ]);
    assert.equal(res.status(), 200);
    assert.match(res.url(), /format=csv/);
    // The browser hands the file to a blob (no body for the test to read): fetch the same URL again.
    const text = await (await page.request.get(res.url(), { headers: { "x-locale": "ko" } })).text();
    assert.match(text.split("\n")[0], /순번.*행위.*해시/);
    assert.match(text, /org\.unit\.create/);
    assert.match(text, /org\.staff\.create/);
    await page.reload();
    await page
      .locator('tr[data-action="audit.ledger.export"]', { hasText: "auditor.choi" })
      .first()
      .waitFor();
    await page.locator(".account-menu > summary").click();
    await page.getByRole("button", { name: ko.shell.logout, exact: true }).click();
    await page.waitForURL(/\/login$/);
  });

  test("no script errors or CSP violations on any screen", () => {
    assert.deepEqual(errors, []);
  });
});
