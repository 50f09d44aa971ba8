import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { after, before, describe } from "node:test";
import * as mupdf from "mupdf";
import type { Page } from "playwright-core";
import ko from "../web/src/i18n/ko.json";
import retentionKo from "../web/src/modules/retention/i18n/ko.json";
import { env, flowSteps, labelled, launch, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 13 "Done when" (D2, D3, D4, D5, D8): on the Korean demo city the expiry review of two visitor logs
 * approved their destruction (server/src/demo/retention-seed.ts). The privacy officer puts a litigation hold on
 * one of them, runs the sweep from the screen: the drafted plan lists the other record only (D3: a held record is
 * never swept). The records manager submits the plan with a method; the privacy officer (another account, D4)
 * approves and executes it, and downloads the numbered certificate as a PDF (D5, D8). The held record is still
 * in the register, untouched.
 */

const AGENCY = "hanbit-city";
const OFFICER = "po.kim"; // privacy_officer: places holds, approves, executes
const MANAGER = "records.jung"; // records_manager: submits the plan (retention.manage), may not approve
const SWEPT = "HB-VIS-003"; // server/src/demo/retention-seed.ts
const HELD = "HB-VIS-004";
const UNIT = "행정지원과"; // admin-support, custodian of the visitor logs
const R = retentionKo;
const MARK = ko.form.requiredMark;

function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let out = "";
  for (let i = 0; i < doc.countPages(); i++)
    out += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return out;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${env.baseUrl}/login`);
  await page.locator('select[name="agency"]').selectOption(AGENCY);
  await page.waitForFunction(() => document.documentElement.lang === "ko");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(env.password);
  await page.locator('button[type="submit"]').click();
  await passSecondFactor(page, `${AGENCY}/${username}`, ko.auth);
}

/** A record of the register by its number, read through the signed-in page's own session. */
async function recordByRef(page: Page, refNo: string): Promise<{ id: string; status: string }> {
  return page.evaluate(async (ref) => {
    const res = await fetch(`/api/records/items?q=${encodeURIComponent(ref)}`);
    const body = (await res.json()) as
      | Array<{ id: string; refNo: string; status: string }>
      | { items: Array<{ id: string; refNo: string; status: string }> };
    const list = Array.isArray(body) ? body : body.items;
    const r = list.find((x) => x.refNo === ref);
    if (!r) throw new Error(`record ${ref} not found`);
    return { id: r.id, status: r.status };
  }, refNo);
}

describe("D2-D5 (issue 13): an expired record swept, approved, destroyed with a certificate; a held one survives", () => {
  let officer: Page;
  let manager: Page;
  const closers: Array<() => Promise<void>> = [];
  let officerErrors: string[] = [];
  let managerErrors: string[] = [];
  let planUrl = "";

  const step = flowSteps(() =>
    Promise.all([
      officer
        ?.screenshot({ path: "/tmp/civicpims-e2e-failure-retention-officer.png", fullPage: true })
        .catch(() => {}),
      manager
        ?.screenshot({ path: "/tmp/civicpims-e2e-failure-retention-manager.png", fullPage: true })
        .catch(() => {}),
    ]),
  );

  before(async () => {
    assert.ok(env.password, "E2E_PASSWORD is not set: run through `npm run e2e`");
    const a = await launch();
    const b = await launch();
    officer = a.page;
    manager = b.page;
    closers.push(a.close, b.close);
    officerErrors = watchErrors(officer);
    managerErrors = watchErrors(manager);
  });
  after(async () => {
    for (const c of closers) await c();
  });

  /** The StatusMessage of the retention screens saying `text`. */
  const said = (page: Page, text: string) =>
    page.getByRole("status").filter({ hasText: text }).first().waitFor();

  step(
    "the privacy officer and the records manager sign in (second factor where the role needs it)",
    async () => {
      await signIn(officer, OFFICER);
      await signIn(manager, MANAGER);
    },
  );

  step("D3: the privacy officer places a litigation hold on one of the two records due", async () => {
    const held = await recordByRef(officer, HELD);
    assert.equal(held.status, "destruction_pending");
    assert.equal((await recordByRef(officer, SWEPT)).status, "destruction_pending");
    await officer.goto(`${env.baseUrl}/retention`);
    await officer.getByRole("tab", { name: R.tabs.holds }).click();
    const form = officer.locator("form").filter({ has: officer.getByRole("heading", { name: R.addHold }) });
    // A select's accessible name includes its chosen option, so the selects are found by role and label start.
    await form.getByRole("combobox", { name: new RegExp(`^${R.kind}`) }).selectOption("litigation");
    await form.getByRole("combobox", { name: new RegExp(`^${R.target}`) }).selectOption("record");
    await labelled(form, R.targetId, MARK).fill(held.id);
    await labelled(form, R.reason, MARK).fill("행정소송 계속 중 (증거 보전)");
    await labelled(form, R.reviewOn, MARK).fill("2099-12-31");
    await form.getByRole("button", { name: R.addHold }).click();
    await said(officer, R.saved);
    // The hold is listed with its target's register number.
    await officer.getByRole("cell", { name: new RegExp(HELD) }).waitFor();
  });

  step(
    "D2/D3: the sweep run from the screen drafts a plan for the unit with the expired record, not the held one",
    async () => {
      await officer.getByRole("tab", { name: R.tabs.plans }).click();
      await officer.getByRole("button", { name: R.sweepNow }).click();
      await said(officer, R.swept.replace("{{count}}", "1"));
      const row = officer.getByRole("row").filter({ hasText: UNIT }).filter({ hasText: R.statuses.draft });
      await row.waitFor();
      await row.getByRole("link").click();
      await officer.waitForURL(/\/retention\/plans\/[0-9a-f-]{36}$/);
      planUrl = officer.url();
      const list = officer.getByRole("list", { name: R.targets });
      await list.getByText(SWEPT).waitFor();
      const text = await list.innerText();
      assert.ok(!text.includes(HELD), `the held record must not be in the plan: ${text}`);
      assert.equal(await list.getByRole("listitem").count(), 1);
    },
  );

  step(
    "D4: the privacy officer may not approve a plan nobody submitted; the records manager submits it",
    async () => {
      // A draft has no approval control: approval only follows a submission by someone else.
      assert.equal(await officer.getByRole("button", { name: R.approve, exact: true }).count(), 0);
      await manager.goto(planUrl);
      await labelled(manager, R.method).selectOption({ index: 1 });
      await manager.getByRole("button", { name: R.submit }).click();
      await said(manager, R.statuses.submitted);
      // The records manager has no approval right (D4: the privacy officer approves).
      assert.equal(await manager.getByRole("button", { name: R.approve, exact: true }).count(), 0);
    },
  );

  step("D4/D5: the privacy officer approves and executes; the certificate is listed", async () => {
    await officer.reload();
    await labelled(officer, R.witness, MARK).fill("행정지원과장");
    await officer.getByRole("button", { name: R.approve, exact: true }).click();
    await said(officer, R.statuses.approved);
    await officer.getByRole("button", { name: R.execute }).click();
    await said(officer, R.executed.replace("{{count}}", "1"));
    await officer.locator("dd").filter({ hasText: R.statuses.done }).first().waitFor();
    await officer.getByRole("link", { name: R.download }).first().waitFor();
  });

  step("D5/D8: the certificate downloads as a PDF naming its number", async () => {
    const link = officer.getByRole("link", { name: R.download }).first();
    const href = (await link.getAttribute("href")) ?? "";
    const certNo = (
      (await officer.getByRole("row").filter({ has: link }).getByRole("cell").first().textContent()) ?? ""
    ).trim();
    assert.match(certNo, /^DC-\d{4}-\d{6}$/);
    const got = await officer.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      let bin = "";
      for (const b of bytes) bin += String.fromCharCode(b);
      return {
        type: res.headers.get("content-type") ?? "",
        disposition: res.headers.get("content-disposition") ?? "",
        b64: btoa(bin),
      };
    }, href);
    assert.match(got.type, /^application\/pdf/);
    assert.match(got.disposition, new RegExp(`${certNo}\\.pdf`));
    const pdf = Buffer.from(got.b64, "base64");
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    const text = pdfText(pdf);
    assert.ok(text.includes(certNo), "the certificate shows its number");
    assert.ok(text.replace(/\s+/g, "").includes("1"), "the certificate shows the item count");
    writeFileSync("/tmp/civicpims-retention-certificate.pdf", pdf);
  });

  step(
    "D3: the held record survives: still in the register, pending destruction, its hold active",
    async () => {
      assert.equal((await recordByRef(officer, SWEPT)).status, "destroyed");
      assert.equal((await recordByRef(officer, HELD)).status, "destruction_pending");
      // A second sweep drafts nothing: the held record stays out while the hold is active.
      await officer.goto(`${env.baseUrl}/retention`);
      await officer.getByRole("button", { name: R.sweepNow }).click();
      await said(officer, R.swept.replace("{{count}}", "0"));
      await officer.getByRole("tab", { name: R.tabs.holds }).click();
      await officer.getByRole("row").filter({ hasText: HELD }).filter({ hasText: R.active }).waitFor();
      assert.deepEqual(officerErrors, []);
      assert.deepEqual(managerErrors, []);
    },
  );
});
