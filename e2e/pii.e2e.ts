import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import type { Locator, Page } from "playwright-core";
import { buildPdf, buildXlsx } from "../server/src/modules/pii/documents/test-fixtures";
import ko from "../web/src/i18n/ko.json";
import pii from "../web/src/modules/pii/i18n/ko.json";
import regNav from "../web/src/modules/registry/i18n/nav/ko.json";
import { env, flowSteps, labelled, launch, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 7 item 5 (E3 E4): privacy staff upload a Korean letter with a resident registration number and a
 * phone number, see both highlighted, keep one (a false alarm), redact a name by selecting it, and
 * download the redacted file: it holds the kept phone number and neither the RRN nor the name.
 * The demo privacy manager signs in (the officer's authenticator belongs to the register test).
 */

const USER = "pm.lee";
const RRN = "960121-1021413";
const PHONE = "010-1234-5678";
const SCREENSHOT = "/tmp/civicpims-pii-review.png";

const field = (scope: Page | Locator, label: string) => labelled(scope, label, ko.form.requiredMark);

describe("E3/E4 issue 7: review a document, reject one finding, download the redacted file", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  const filename = `민원회신-${randomBytes(3).toString("hex")}.txt`;
  const letter = [
    "민원 회신 초안",
    "신청인: 홍길동",
    `주민등록번호: ${RRN}`,
    `연락처 ${PHONE} (대표번호)`,
    "처리 결과를 알려 드립니다.",
    "",
  ].join("\n");

  const step = flowSteps(() => page.screenshot({ path: "/tmp/civicpims-pii-failure.png", fullPage: true }));

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

  step("privacy staff sign in (enrolling the authenticator on first use)", async () => {
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(env.agency);
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    await field(page, ko.auth.login.username).fill(USER);
    await field(page, ko.auth.login.password).fill(env.password);
    await page.getByRole("button", { name: ko.auth.login.submit }).click();
    // Shared with citizen-status.e2e.ts: the authenticator is enrolled by whichever file signs in first.
    await passSecondFactor(page, `${env.agency}/${USER}`, ko.auth);
    await page.getByRole("heading", { level: 1, name: ko.dashboard.title }).waitFor();
  });

  step("upload a Korean letter from the document review screen", async () => {
    await page.getByRole("navigation").getByRole("link", { name: pii.nav.documents }).click();
    await page.getByRole("heading", { level: 1, name: pii.documents.title }).waitFor();
    await page.locator("#pii-file").setInputFiles({
      name: filename,
      mimeType: "text/plain",
      buffer: Buffer.from(letter, "utf8"),
    });
    await page.getByRole("button", { name: pii.documents.upload }).click();
    await page.waitForURL(/\/pii\/documents\/[0-9a-f-]{36}$/);
    await page
      .getByRole("heading", { level: 1, name: pii.review.title.replace("{{name}}", filename) })
      .waitFor();
  });

  step("the RRN and the phone number are highlighted in the text and listed as findings", async () => {
    const marks = page.locator("pre.pii-text mark.pii-mark");
    await marks.first().waitFor();
    assert.deepEqual(await marks.allTextContents(), [RRN, PHONE]);
    const rows = page.locator("table.pii-findings tbody tr");
    assert.equal(await rows.count(), 2);
    assert.match((await rows.nth(0).textContent()) ?? "", /960121-1\*{6}/);
    assert.ok(
      !((await page.locator("table.pii-findings").textContent()) ?? "").includes(RRN),
      "table shows masks",
    );
  });

  step("reject the phone number (kept), redact the name by selecting it", async () => {
    const phoneRow = page.locator("table.pii-findings tbody tr", { hasText: pii.types.KR_PHONE });
    await phoneRow.getByRole("button", { name: pii.review.reject }).click();
    await phoneRow.locator(".pii-decision-rejected").waitFor();
    await page.locator("pre.pii-text mark.pii-rejected", { hasText: PHONE }).waitFor();
    // Select "홍길동" in the text as a user would with the mouse, then add it as a region.
    await page.evaluate(() => {
      const pre = document.querySelector("pre.pii-text");
      const walker = document.createTreeWalker(pre as Node, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? "").indexOf("홍길동");
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 3);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(r);
        return;
      }
      throw new Error("name not found in the text view");
    });
    await page.getByRole("button", { name: pii.review.redactSelection }).click();
    await page.locator("pre.pii-text .pii-manual", { hasText: "홍길동" }).waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  step(
    "the downloaded redacted file keeps the rejected phone and holds neither the RRN nor the name",
    async () => {
      const link = page.getByRole("link", { name: pii.review.download });
      const href = await link.getAttribute("href");
      assert.match(href ?? "", /\/api\/pii\/documents\/[0-9a-f-]{36}\/redacted\?policy=mask$/);
      const res = await page.evaluate(async (u) => {
        const r = await fetch(u as string, { credentials: "same-origin" });
        return { status: r.status, disposition: r.headers.get("content-disposition"), text: await r.text() };
      }, href);
      assert.equal(res.status, 200);
      assert.match(res.disposition ?? "", /redacted\.txt/);
      assert.ok(res.text.includes(PHONE), res.text);
      assert.ok(!res.text.includes(RRN) && res.text.includes("960121-1******"), res.text);
      assert.ok(!res.text.includes("홍길동") && res.text.includes("신청인: ***"), res.text);
    },
  );

  step(
    "a PDF shows its pages as images with a box per finding; a box drawn on the page is listed",
    async () => {
      const pdf = await buildPdf([
        [
          ["kr", `신청인 홍길동 주민등록번호 ${RRN}`],
          ["kr", `연락처 ${PHONE}`],
        ],
      ]);
      await page.goto(`${env.baseUrl}/pii/documents`);
      await page
        .locator("#pii-file")
        .setInputFiles({ name: "신청서.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) });
      await page.getByRole("button", { name: pii.documents.upload }).click();
      await page.waitForURL(/\/pii\/documents\/[0-9a-f-]{36}$/);
      await page.locator(".pii-page img").first().waitFor();
      await page.waitForFunction(() => {
        const i = document.querySelector(".pii-page img") as HTMLImageElement | null;
        return !!i && i.complete && i.naturalWidth > 0;
      });
      assert.equal(await page.locator(".pii-page .pii-box").count(), 2);
      const box = await page.locator(".pii-page").first().boundingBox();
      assert.ok(box);
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.05);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.09, { steps: 4 });
      await page.mouse.up();
      await page.locator(".pii-page .pii-manual-box").waitFor();
      await page.screenshot({ path: "/tmp/civicpims-pii-review-pdf.png", fullPage: true });
    },
  );

  step("an xlsx lists its findings by sheet, row and column", async () => {
    const xlsx = await buildXlsx({
      민원목록: [
        ["성명", "주민등록번호", "연락처"],
        ["홍길동", RRN, PHONE],
      ],
    });
    await page.goto(`${env.baseUrl}/pii/documents`);
    await page.locator("#pii-file").setInputFiles({
      name: "민원목록.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(xlsx),
    });
    await page.getByRole("button", { name: pii.documents.upload }).click();
    await page.waitForURL(/\/pii\/documents\/[0-9a-f-]{36}$/);
    const row = page.locator("table.pii-findings tbody tr", { hasText: pii.types.KR_RRN });
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    assert.deepEqual(cells.slice(2, 5), ["민원목록", "2", "2"]);
    await page.screenshot({ path: "/tmp/civicpims-pii-review-xlsx.png", fullPage: true });
  });

  step(
    "E3: a register entry holding a phone number is refused publication and never reaches the portal",
    async () => {
      const name = `게시 점검 시험 파일 ${filename.slice(5, 11)}`;
      const created = await page.evaluate(
        async ({ name, phone }) => {
          const s = await (await fetch("/api/auth/session")).json();
          const units = await (await fetch("/api/org/units")).json();
          const unitId = (Array.isArray(units) ? units : units.items)[0].id;
          const r = await fetch("/api/registry/files", {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": s.csrfToken },
            body: JSON.stringify({
              name,
              unitId,
              processingMethod: "electronic",
              purposeText: `문의는 담당자 휴대전화 ${phone} 로`,
              isPublic: true,
            }),
          });
          return { status: r.status, body: await r.text() };
        },
        { name, phone: PHONE },
      );
      // The register runs the publication guard when a file is made public (registry.publication.test.ts
      // covers the override path; pii.guard-drift.test.ts the public list's own guard).
      assert.equal(created.status, 409, created.body);
      assert.equal(JSON.parse(created.body).code, "registry.publication_blocked");
      assert.ok(!created.body.includes(PHONE), "the refusal shows the number masked only");
      const res = await page.request.get(`${env.baseUrl}/api/public/registry/${env.agency}/files`);
      const body = JSON.stringify(await res.json());
      assert.ok(!body.includes(name) && !body.includes(PHONE), "never on the public list");
      await page.getByRole("navigation").getByRole("link", { name: pii.nav.guard }).click();
      await page.getByRole("heading", { level: 1, name: pii.guard.title }).waitFor();
      await page.screenshot({ path: "/tmp/civicpims-pii-guard.png", fullPage: true });
    },
  );

  step("B8: a sample export with an undeclared RRN column shows up on the register dashboard", async () => {
    const fileName = "정보공개 청구 처리부";
    await page.getByRole("navigation").getByRole("link", { name: pii.nav.drift }).click();
    await page.getByRole("heading", { level: 1, name: pii.drift.title }).waitFor();
    const option = page.locator("#drift-file option", { hasText: fileName });
    await option.waitFor({ state: "attached" });
    await page.locator("#drift-file").selectOption((await option.getAttribute("value")) ?? "");
    const csv = `성명,주민등록번호,전화번호\n홍길동,${RRN},${PHONE}\n`;
    await page
      .locator("#drift-sample")
      .setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: pii.drift.run }).click();
    const result = page.locator('section[aria-labelledby="drift-result"]');
    await result.locator(".result-bad", { hasText: pii.drift.open }).waitFor();
    assert.match((await result.textContent()) ?? "", new RegExp(pii.kinds.rrn));
    await page.screenshot({ path: "/tmp/civicpims-pii-drift.png", fullPage: true });
    await page.getByRole("navigation").getByRole("link", { name: regNav.nav.dashboard }).click();
    const panel = page.locator('section[aria-labelledby="dash-drift"]');
    await panel.getByRole("link", { name: fileName }).waitFor();
    assert.match((await panel.textContent()) ?? "", new RegExp(pii.kinds.rrn));
    await page.screenshot({ path: "/tmp/civicpims-pii-dashboard.png", fullPage: true });
    assert.deepEqual(errors, []);
  });
});
