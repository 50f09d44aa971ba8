import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import type { Locator, Page } from "playwright-core";
import { DEMO_AGENCIES } from "../server/src/demo/demo-data";
import zh from "../web/src/i18n/zh-TW.json";
import cases from "../web/src/modules/cases/i18n/zh-TW.json";
import { env, flowSteps, launch, totp, watchErrors } from "./support";

/**
 * Issue 11 item 1: the staff work queue. The TW demo office's handler signs in and finds, on "My work",
 * a demo request with its overdue badge and its next step ("本請求由個資管理人員決定。"), hands it to the
 * privacy manager, who then finds it in their own queue. Texts come from the app's resource files; the
 * queue is also checked at phone width (cards, no sideways scrolling). Screenshots go to docs/screenshots.
 */
const AGENCY = "qingshan-district";
const tw = DEMO_AGENCIES.find((a) => a.code === AGENCY);
const nameOf = (username: string) => tw?.staff.find((s) => s.username === username)?.displayName ?? "";
const HANDLER = "handler.wang";
const MANAGER = "pm.lin";

/** "已逾期 {{count}} 個工作日" -> a pattern for any count. */
const pattern = (s: string) =>
  new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\\\{count\\\}\\\}/g, "\\d+"));
const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k] ?? "");

describe("issue 11: My work — a handler hands a case to the privacy manager who decides it", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  let number = "";
  const step = flowSteps(() =>
    page?.screenshot({ path: "/tmp/civicpims-work-queue-failure.png", fullPage: true }),
  );

  before(async () => {
    assert.ok(env.password, "E2E_PASSWORD is not set: run through `npm run e2e`");
    assert.ok(nameOf(HANDLER) && nameOf(MANAGER), "demo staff present");
  });
  after(async () => {
    await close?.();
  });

  async function signIn(username: string) {
    await close?.();
    const b = await launch();
    page = b.page;
    close = b.close;
    errors = watchErrors(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(AGENCY);
    await page.waitForFunction(() => document.documentElement.lang === "zh-TW");
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(env.password);
    await page.getByRole("button", { name: zh.auth.login.submit }).click();
    await page.waitForURL(/\/login\/(enrol|mfa)$|\/$/);
    if (page.url().endsWith("/login/enrol")) {
      const secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s+/g, "");
      await page.locator('input[name="code"]').fill(totp(secret));
      await page.getByRole("button", { name: zh.auth.enrol.confirm }).click();
      await page.getByRole("heading", { name: zh.auth.enrol.codesTitle }).waitFor();
      await page.getByLabel(new RegExp(`^${zh.auth.enrol.saved}`)).check();
      await page.getByRole("button", { name: zh.auth.enrol.continue }).click();
    }
    await page.getByRole("heading", { level: 1, name: zh.dashboard.title }).waitFor();
  }

  const queueRows = () => page.getByTestId("work-queue-table").locator("tbody tr");
  const rowOf = (n: string): Locator =>
    queueRows().filter({ has: page.getByRole("link", { name: n, exact: true }) });

  step(
    "the handler's home is My work: an overdue demo request with its badge and who decides it",
    async () => {
      await signIn(HANDLER);
      const overdue = pattern(cases.queue.left.overdue_working_days_other);
      const row = queueRows().filter({ hasText: overdue }).first();
      await row.waitFor();
      number = ((await row.getByRole("link").first().textContent()) ?? "").trim();
      assert.match(number, /^RQ-\d{4}-\d{6}$/);
      const badge = (await row.getByTestId("time-left").textContent()) ?? "";
      assert.match(badge, overdue);
      assert.equal(
        (await row.getByTestId("who-can").textContent())?.trim(),
        fill(cases.who.decide, { who: cases.whoRole.privacy_manager }),
      );
      await row.getByText(cases.next.decide, { exact: true }).waitFor();
      await row.getByText(cases.queue.reason.mine).waitFor();
      await row.getByText(nameOf(HANDLER)).first().waitFor();
      // The role and agency facts stay, in a smaller side card.
      await page.getByRole("heading", { name: zh.dashboard.yourRoles }).waitFor();
      await page.screenshot({ path: "docs/screenshots/work-queue-1440.png", fullPage: true });
    },
  );

  step("at phone width the queue turns into cards without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const row = rowOf(number);
    await row.waitFor();
    assert.equal(
      await page.locator(".queue-table thead").evaluate((el) => getComputedStyle(el).position),
      "absolute",
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide at 390px`);
    await page.screenshot({ path: "docs/screenshots/work-queue-390.png", fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  step("the handler hands the case to the privacy manager", async () => {
    const row = rowOf(number);
    const select = row.getByTestId("hand-to-select");
    const option = select.locator("option", { hasText: nameOf(MANAGER) });
    await select.selectOption((await option.getAttribute("value")) as string);
    await row.getByRole("button", { name: cases.queue.handOver }).click();
    await page.getByText(fill(cases.queue.handedOver, { number, name: nameOf(MANAGER) })).waitFor();
    // No longer the handler's: it leaves their queue.
    await rowOf(number).waitFor({ state: "detached" });
  });

  step("the privacy manager finds it in their queue, theirs to decide", async () => {
    await signIn(MANAGER);
    const row = rowOf(number);
    await row.waitFor();
    await row.getByText(cases.queue.reason.mine).waitFor();
    await row.getByText(cases.next.decide, { exact: true }).waitFor();
    assert.equal(await row.getByTestId("who-can").count(), 0, "the manager can decide: no hand-over line");
    await row.getByText(nameOf(MANAGER)).first().waitFor();
    // The case page shows the assignee line with the same next step.
    await row.getByRole("link", { name: number, exact: true }).click();
    await page
      .getByTestId("case-assignee")
      .filter({ hasText: nameOf(MANAGER) })
      .waitFor();
    await page.getByText(cases.assignee.youCan).waitFor();
    assert.deepEqual(errors, []);
  });
});
