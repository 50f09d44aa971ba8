import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import en from "../web/src/i18n/en.json";
import zh from "../web/src/i18n/zh-TW.json";
import { env, flowSteps, launch, totp, watchErrors } from "./support";

/**
 * The Taiwanese demo office: screens default to zh-TW from its jurisdiction, server field errors
 * (zod `details`) land next to their field with focus on it, and a language switch is saved on the
 * account so it survives a reload.
 */
describe("A1/E1: zh-TW by jurisdiction, server field errors beside fields, saved language", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  let recoveryCode = "";
  const step = flowSteps(() =>
    page?.screenshot({ path: "/tmp/civicpims-e2e-failure-lang.png", fullPage: true }),
  );

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

  step("the TW office's administrator enrols a second factor, all in Traditional Chinese", async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption("qingshan-district");
    await page.waitForFunction(() => document.documentElement.lang === "zh-TW");
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(env.password);
    await page.getByRole("button", { name: zh.auth.login.submit }).click();
    await page.waitForURL(/\/login\/enrol$/);
    await page.getByRole("heading", { level: 1, name: zh.auth.enrol.title }).waitFor();
    const secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s+/g, "");
    await page.locator('input[name="code"]').fill(totp(secret));
    await page.getByRole("button", { name: zh.auth.enrol.confirm }).click();
    await page.locator(".recovery-codes li").first().waitFor();
    recoveryCode = ((await page.locator(".recovery-codes li").first().textContent()) ?? "").trim();
    await page.getByLabel(zh.auth.enrol.saved).check();
    await page.getByRole("button", { name: zh.auth.enrol.continue }).click();
    await page.getByRole("heading", { level: 1, name: zh.dashboard.title }).waitFor();
    assert.ok(await page.getByText(zh.roles.system_admin).first().isVisible());
  });

  step("a value the server rejects is reported beside its field, with focus on it", async () => {
    await page.getByRole("navigation").getByRole("link", { name: zh.nav.staff, exact: true }).click();
    await page.locator(".page-actions").getByRole("button", { name: zh.org.staff.create }).click();
    const form = page.getByRole("form", { name: zh.org.staff.create });
    await form.locator('input[name="username"]').fill("no spaces allowed");
    await form.locator('input[name="displayName"]').fill("測試人員");
    await form.locator('select[name="unitId"]').selectOption({ index: 1 });
    await form.locator('input[name="password"]').fill("Valid-Pass-2026!");
    await form.getByRole("button", { name: zh.org.staff.createSubmit }).click();
    const invalid = form.locator(".field-invalid");
    await invalid.first().waitFor();
    assert.equal(await invalid.count(), 1);
    assert.equal(await invalid.locator("input").getAttribute("name"), "username");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "username");
    const describedBy = (await invalid.locator("input").getAttribute("aria-describedby")) ?? "";
    assert.ok(describedBy.length > 0, "the error is tied to the input for screen readers");
    assert.ok(await form.locator('[role="alert"]').isVisible());
  });

  step("switching to English is saved on the account and survives a reload", async () => {
    await page.locator(".account-menu > summary").click();
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/auth/me") && r.request().method() === "PATCH",
    );
    await page.locator(".account-menu select").selectOption("en");
    assert.equal((await saved).status(), 200);
    await page.goto(`${env.baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: en.dashboard.title }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  });

  step("log out", async () => {
    await page.locator(".account-menu > summary").click();
    await page.getByRole("button", { name: en.shell.logout, exact: true }).click();
    await page.waitForURL(/\/login$/);
  });

  step("a recovery code stands in for the authenticator once", async () => {
    await page.locator('select[name="agency"]').selectOption("qingshan-district");
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(env.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/login\/mfa$/);
    assert.ok(recoveryCode.length >= 10);
    await page.locator('input[name="code"]').fill(recoveryCode);
    await page.locator('button[type="submit"]').click();
    await page.getByRole("heading", { level: 1, name: en.dashboard.title }).waitFor();
  });

  test("no script errors or CSP violations", () => {
    assert.deepEqual(errors, []);
  });
});
