import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import phrasesKo from "../server/src/modules/audit/i18n/ko.json";
import componentsKo from "../web/src/components/i18n/ko.json";
import ko from "../web/src/i18n/ko.json";
import auditKo from "../web/src/modules/audit/i18n/ko.json";
import regKo from "../web/src/modules/registry/i18n/ko.json";
import { env, flowSteps, labelled, launch, watchErrors } from "./support";

/**
 * Issue 11 items 5 and 8: the demo auditor reads the ledger in Korean: filters by an action chosen by
 * its phrase and by a staff member, sees receipt numbers and register file names as targets (ids on
 * hover), exports exactly what is filtered (Korean headers, agency-zone times), gets a message for an
 * export that matches nothing, and the table fits a phone. The register dashboard flags the demo's
 * overdue risk re-assessment. Labels come from the app's own resource files.
 */
const field = (scope: Page | Locator, label: string) => labelled(scope, label);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RECEIPT = /^RQ-\d{4}-\d{6}$/;

describe("E3/B4/E10: the auditor's readable ledger and the overdue dashboard", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  const step = flowSteps(() =>
    page?.screenshot({ path: "/tmp/civicpims-e2e-failure-auditor.png", fullPage: true }),
  );

  const rowsSettled = (action: string) =>
    page.waitForFunction((a) => {
      const rows = [...document.querySelectorAll(".ledger-table tbody tr")];
      return rows.length > 0 && rows.every((r) => r.getAttribute("data-action") === a);
    }, action);

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

  step("the auditor signs in and opens the ledger with its checkpoint line", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(env.agency);
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    await field(page, ko.auth.login.username).fill("auditor.choi");
    await field(page, ko.auth.login.password).fill(env.password);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
    await page.waitForURL((u) => !u.pathname.endsWith("/login"));
    await page.goto(`${env.baseUrl}/audit/ledger`);
    await page.getByRole("heading", { level: 1, name: ko.audit.ledger.title }).waitFor();
    const line = (await page.getByTestId("ledger-checkpoints").textContent()) ?? "";
    const lead = (line.includes("#") ? auditKo.checkpointLine : auditKo.checkpointLineNone).split("{{")[0];
    assert.ok(line.startsWith(lead), line);
    assert.doesNotMatch(line, /\{\{/);
  });

  step(
    "filter by an action phrase and a staff member: receipt numbers as targets, ids on hover",
    async () => {
      const phrase = phrasesKo.auditActions.cases_rights_request_create;
      await page.getByLabel(auditKo.action, { exact: true }).selectOption({ label: phrase });
      await page.getByLabel(auditKo.staff, { exact: true }).selectOption({ label: "김보호 (po.kim)" });
      await page.getByRole("button", { name: ko.common.applyFilters }).click();
      await page.waitForURL(
        /action=cases\.rights_request\.create.*actorId=|actorId=.*action=cases\.rights_request\.create/,
      );
      await rowsSettled("cases.rights_request.create");
      const rows = page.locator(".ledger-table tbody tr");
      assert.ok((await rows.count()) >= 1);
      for (const row of await rows.all()) {
        assert.match((await row.textContent()) ?? "", new RegExp(phrase));
        assert.match((await row.textContent()) ?? "", /김보호/);
        const target = row.getByTestId("ledger-target");
        assert.match(((await target.textContent()) ?? "").trim(), RECEIPT);
        assert.match((await target.getAttribute("title")) ?? "", UUID);
      }
    },
  );

  step(
    "the export carries the filter: Korean headers, phrases, receipt numbers, agency-zone times",
    async () => {
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/audit/ledger/export")),
        page.getByRole("button", { name: auditKo.exportCsv }).click(),
      ]);
      assert.equal(res.status(), 200);
      assert.match(res.url(), /action=cases\.rights_request\.create/);
      assert.match(res.url(), /actorId=[0-9a-f-]{36}/);
      // The browser hands the file to a blob (no body for the test to read): fetch the same URL again.
      const again = await page.request.get(res.url(), { headers: { "x-locale": "ko" } });
      assert.equal(again.status(), 200);
      const lines = (await again.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      assert.match(lines[0], /^"순번","일시 \(Asia\/Seoul\)","직원"/);
      assert.ok(lines.length >= 2);
      for (const l of lines.slice(1)) {
        assert.match(l, /^"\d+","\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}","김보호 \(po\.kim\)"/);
        assert.ok(l.includes(`"${phrasesKo.auditActions.cases_rights_request_create}"`), l);
        assert.match(l, /"RQ-\d{4}-\d{6}"/);
        assert.doesNotMatch(l, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "an ISO timestamp in the export");
      }
    },
  );

  step("register file names as targets; an export matching nothing says so", async () => {
    await page.getByRole("button", { name: ko.common.clearFilters }).click();
    await page.waitForURL((u) => !u.search.includes("action="));
    // The cleared list reloads and the filter form takes its values from the address again when it arrives:
    // a choice made before that is reset (seen once on a loaded CI machine), so wait for the table to settle
    // and choose again if the address did not take the filter.
    await page.locator('.ledger-wrap[aria-busy="false"] tbody tr').first().waitFor();
    for (let attempt = 0; ; attempt++) {
      await page.getByLabel(auditKo.action, { exact: true }).selectOption({
        label: phrasesKo.auditActions.registry_file_create,
      });
      await page.getByRole("button", { name: ko.common.applyFilters }).click();
      const took = await page
        .waitForURL(/action=registry\.file\.create/, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (took) break;
      assert.ok(attempt < 2, "the action filter never reached the address");
    }
    await rowsSettled("registry.file.create");
    const target = page.getByTestId("ledger-target").first();
    assert.match(((await target.textContent()) ?? "").trim(), /[가-힣]/);
    assert.match((await target.getAttribute("title")) ?? "", UUID);

    await page.getByLabel(auditKo.result, { exact: true }).selectOption("failed");
    await page.getByRole("button", { name: ko.common.applyFilters }).click();
    await page.waitForURL(/result=failed/);
    await page.locator(".ledger-table tbody tr:not([data-action])").waitFor();
    await page.getByRole("button", { name: auditKo.exportCsv }).click();
    await page.getByText(phrasesKo.errors.audit.empty_export).waitFor();
  });

  step("the ledger fits a phone: one card per entry, nothing wider than the screen", async () => {
    await page.getByRole("button", { name: ko.common.clearFilters }).click();
    await page.waitForURL((u) => !u.search.includes("result="));
    await page.locator(".ledger-table tbody tr[data-action]").first().waitFor();
    const fits1440 = await page.evaluate(() => {
      const w = document.querySelector(".ledger-wrap");
      return w ? w.scrollWidth <= w.clientWidth + 1 : false;
    });
    assert.ok(fits1440, "the ledger table scrolls sideways at 1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    const display = await page
      .locator(".ledger-table tbody tr")
      .first()
      .evaluate((tr) => getComputedStyle(tr).display);
    assert.equal(display, "block");
    await page.screenshot({ path: "/tmp/civicpims-ledger-390.png", fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  step("the register dashboard counts what is overdue and badges the late risk re-assessment", async () => {
    await page.goto(`${env.baseUrl}/registry/dashboard`);
    await page.getByRole("heading", { level: 1, name: regKo.dashboard.title }).waitFor();
    const counts = page.getByTestId("overdue-counts");
    await counts.waitFor();
    assert.match((await counts.textContent()) ?? "", new RegExp(regKo.dashboard.overdue.riskReviews));
    const risk = page.locator('section[aria-labelledby="dash-risk"]');
    const late = componentsKo.dateStatus.overdue.replace("{{count}}", "10");
    await risk.getByTestId("date-status").filter({ hasText: late }).first().waitFor();
    const cls = await risk.getByTestId("date-status").filter({ hasText: late }).first().getAttribute("class");
    assert.match(cls ?? "", /badge-failed/);
  });

  test("no script errors or CSP violations on any screen", () => {
    assert.deepEqual(errors, []);
  });
});
