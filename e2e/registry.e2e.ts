import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import ko from "../web/src/i18n/ko.json";
import portalEn from "../web/src/modules/portal/i18n/en.json";
import portalKo from "../web/src/modules/portal/i18n/ko.json";
import reg from "../web/src/modules/registry/i18n/ko.json";
import regNav from "../web/src/modules/registry/i18n/nav/ko.json";
import { env, flowSteps, labelled, launch, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 5 "Done when" (B1/B2/B9, E3): the demo privacy officer registers a file through the UI, edits
 * it with a reason, reads the field-level diff in its history, publishes it, and a citizen without
 * an account then finds it on the agency's public file list, while a non-public file stays hidden.
 * Labels come from the resource files the app uses (the demo agency is Korean).
 */

const OFFICER = "po.kim";

/** A form control by its exact label; required fields carry " (필수)" after the label. */
const field = (scope: Page | Locator, label: string) => labelled(scope, label, ko.form.requiredMark);

describe("B1/B2/B9/E3: register a file, edit with a reason, history diff, public list", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  const suffix = randomBytes(3).toString("hex");
  const publicName = `시험 민원 처리 파일 ${suffix}`;
  const hiddenName = `시험 내부 감사 파일 ${suffix}`;
  let publicId = "";

  const step = flowSteps(() =>
    page.screenshot({ path: "/tmp/civicpims-registry-failure.png", fullPage: true }),
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

  step("the privacy officer signs in (enrolling the authenticator on first use)", async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(env.agency);
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    await field(page, ko.auth.login.username).fill(OFFICER);
    await field(page, ko.auth.login.password).fill(env.password);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
    // Enrols on first use, or answers the prompt when an earlier file of the run (civil-affairs) enrolled
    // the same demo account.
    await passSecondFactor(page, `${env.agency}/${OFFICER}`, ko.auth);
    await page.getByRole("heading", { level: 1, name: ko.dashboard.title }).waitFor();
  });

  step("an empty file form is refused in Korean with focus on the first invalid field", async () => {
    await page.getByRole("navigation").getByRole("link", { name: regNav.nav.files }).click();
    await page.getByRole("heading", { level: 1, name: reg.list.title }).waitFor();
    await page.locator(".page-actions").getByRole("link", { name: reg.list.create }).click();
    await page.getByRole("heading", { level: 1, name: reg.form.createTitle }).waitFor();
    await page.getByRole("button", { name: reg.common.create, exact: true }).click();
    const alert = page.locator(".form-alert");
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /확인해 주세요/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "name");
  });

  async function createFile(name: string, retention: string) {
    await page.goto(`${env.baseUrl}/registry/files/new`);
    const form = page.getByRole("form", { name: reg.form.createTitle });
    await field(form, reg.field.name.label).fill(name);
    await field(form, reg.field.unitId.label).selectOption({ index: 1 });
    await field(form, reg.field.legalBasisText.label).fill("민원 처리에 관한 법률 제12조");
    await field(form, reg.field.purposeText.label).fill("민원 접수·처리 및 결과 통지");
    await form.getByRole("button", { name: reg.form.addItem }).click();
    await form
      .getByLabel(`${reg.form.itemRow.replace("{{n}}", "1")}: ${reg.field.itemName.label}`)
      .fill("성명");
    await form.getByRole("button", { name: reg.form.addItem }).click();
    await form
      .getByLabel(`${reg.form.itemRow.replace("{{n}}", "2")}: ${reg.field.itemName.label}`)
      .fill("전화번호");
    await field(form, reg.field.retentionPeriod.label).fill(retention);
    // Files start out unpublished (issue 11 item 3): the form offers no publish box, only the note.
    await form.getByTestId("not-published").waitFor();
    assert.equal(await form.locator('input[name="isPublic"]').count(), 0);
    await form.getByRole("button", { name: reg.common.create, exact: true }).click();
    await page.waitForURL(/\/registry\/files\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    return page.url().split("/").pop() ?? "";
  }

  step("create two non-public files", async () => {
    publicId = await createFile(publicName, "3년");
    assert.match(publicId, /^[0-9a-f-]{36}$/);
    await createFile(hiddenName, "1년");
  });

  step("a duplicate name in the same unit is refused by the server, shown at the name field", async () => {
    await page.goto(`${env.baseUrl}/registry/files/new`);
    const form = page.getByRole("form", { name: reg.form.createTitle });
    await field(form, reg.field.name.label).fill(hiddenName);
    await field(form, reg.field.unitId.label).selectOption({ index: 1 });
    await form.getByRole("button", { name: reg.common.create, exact: true }).click();
    const nameError = form.locator(".field-invalid .field-error").first();
    await nameError.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "name");
    assert.equal(await field(form, reg.field.name.label).getAttribute("aria-invalid"), "true");
    assert.match(page.url(), /\/registry\/files\/new$/);
  });

  async function editFile(id: string, change: (form: Locator) => Promise<void>, reason: string) {
    await page.goto(`${env.baseUrl}/registry/files/${id}`);
    await page.locator(".page-actions").getByRole("link", { name: reg.common.edit }).click();
    const form = page.getByRole("form", { name: reg.form.editTitle.replace("{{name}}", publicName) });
    await form.waitFor();
    await change(form);
    await field(form, reg.common.reason).fill(reason);
    await form.getByRole("button", { name: reg.common.save, exact: true }).click();
    await page.waitForURL(new RegExp(`/registry/files/${id}$`));
    await page.getByRole("status").filter({ hasText: reg.common.saved }).waitFor();
  }

  step("an edit without a reason is refused; with a reason it is saved", async () => {
    await page.goto(`${env.baseUrl}/registry/files/${publicId}/edit`);
    const form = page.getByRole("form", { name: reg.form.editTitle.replace("{{name}}", publicName) });
    await field(form, reg.field.retentionPeriod.label).fill("5년");
    await form.getByRole("button", { name: reg.common.save, exact: true }).click();
    await page.locator(".form-alert").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "reason");
    await editFile(
      publicId,
      async (f) => {
        await field(f, reg.field.retentionPeriod.label).fill("5년");
      },
      "기록관리 기준표에 맞춰 보유기간 조정",
    );
  });

  step("the history tab shows the field-level diff with who and why", async () => {
    await page.getByRole("tab", { name: reg.detail.history }).click();
    const row = page.locator('[data-testid="history"] tr[data-path="retentionPeriod"]').first();
    await row.waitFor();
    assert.match((await row.locator(".diff-before").textContent()) ?? "", /3년/);
    assert.match((await row.locator(".diff-after").textContent()) ?? "", /5년/);
    const entry = page.locator(".history-entry").first();
    const text = (await entry.textContent()) ?? "";
    assert.match(text, /기록관리 기준표에 맞춰 보유기간 조정/);
    assert.match(text, new RegExp(OFFICER));
    await page.screenshot({ path: "/tmp/civicpims-registry-history.png", fullPage: true });
  });

  step("B9: publishing shows the public preview first, then publishes on confirmation", async () => {
    await page.goto(`${env.baseUrl}/registry/files/${publicId}`);
    await page.getByRole("heading", { level: 1, name: publicName }).waitFor();
    await page.getByRole("button", { name: reg.publish.open }).click();
    const panel = page.getByTestId("publish-panel");
    // The preview is the portal's own table: the name, and the retention period as it will be published.
    const preview = panel.getByTestId("publish-preview");
    await preview.waitFor();
    assert.match((await preview.innerText()) ?? "", new RegExp(publicName));
    assert.match((await preview.innerText()) ?? "", /5년/);
    // Nothing is public until the confirmation.
    const before = await page.request.get(`${env.baseUrl}/api/public/registry/${env.agency}/files`);
    assert.ok(!JSON.stringify(await before.json()).includes(publicName));
    await field(panel, reg.field.publishedOn.label).fill("2026-11-23");
    await panel.getByRole("button", { name: reg.publish.confirm, exact: true }).click();
    await page.getByRole("status").filter({ hasText: reg.publish.done }).waitFor();
    await page.getByRole("tab", { name: reg.detail.history }).click();
    await page.locator('[data-testid="history"] tr[data-path="isPublic"]').first().waitFor();
  });

  step("the register list filters by public status", async () => {
    await page.goto(`${env.baseUrl}/registry/files?q=${encodeURIComponent(suffix)}`);
    const table = page.locator('[data-testid="registry-files"]');
    await table.locator("tbody tr", { hasText: hiddenName }).waitFor();
    assert.equal(await table.locator("tbody tr", { hasText: publicName }).count(), 1);
    await page.screenshot({ path: "/tmp/civicpims-registry-list.png", fullPage: true });
    await field(page, reg.list.public).selectOption("true");
    await page.waitForURL(/public=true/);
    await table.locator("tbody tr", { hasText: publicName }).waitFor();
    await page.waitForFunction(
      (n) => !document.querySelector('[data-testid="registry-files"]')?.textContent?.includes(n),
      hiddenName,
    );
  });

  step("a citizen without an account sees the public file, never the non-public one", async () => {
    const citizen = await launch();
    try {
      const p = citizen.page;
      const citizenErrors = watchErrors(p);
      await p.goto(`${env.baseUrl}/portal`);
      await p.getByRole("link", { name: /한빛시/ }).click();
      await p.waitForURL(new RegExp(`/portal/${env.agency}$`));
      await p.waitForFunction(() => document.documentElement.lang === "ko");
      await p.getByRole("link", { name: new RegExp(portalKo.service.registerFiles.KR) }).click();
      await p.getByRole("heading", { level: 1, name: portalKo.service.registerFiles.KR }).waitFor();
      const table = p.locator('[data-testid="public-files"]');
      await table.locator("tbody tr", { hasText: publicName }).waitFor();
      assert.match((await table.locator("tbody tr", { hasText: publicName }).textContent()) ?? "", /5년/);
      assert.equal(await table.locator("tbody tr", { hasText: hiddenName }).count(), 0);
      await p.screenshot({ path: "/tmp/civicpims-portal-files.png", fullPage: true });
      // The search box narrows the list; the JSON is the same data.
      await p.getByLabel(portalKo.search).fill(suffix);
      assert.equal(await table.locator("tbody tr").count(), 1);
      const json = await p.request.get(`${env.baseUrl}/api/public/registry/${env.agency}/files`);
      assert.equal(json.status(), 200);
      const body = JSON.stringify(await json.json());
      assert.ok(body.includes(publicName));
      assert.ok(!body.includes(hiddenName));
      // On paper the search box and buttons disappear, the list stays.
      await p.emulateMedia({ media: "print" });
      assert.equal(await p.locator(".public-tools").isVisible(), false);
      assert.equal(await table.isVisible(), true);
      await p.emulateMedia({ media: "screen" });
      // The visitor may switch language; the list is the same.
      await p.getByLabel(portalKo.language).selectOption("en");
      await p.getByRole("heading", { level: 1, name: portalEn.service.registerFiles.KR }).waitFor();
      assert.equal(await p.evaluate(() => document.documentElement.lang), "en");
      // No staff session exists in this browser.
      assert.equal((await p.request.get(`${env.baseUrl}/api/auth/session`)).status(), 401);
      assert.deepEqual(citizenErrors, []);
    } finally {
      await citizen.close();
    }
  });

  test("no script errors or CSP violations on the staff screens", () => {
    assert.deepEqual(errors, []);
  });
});
