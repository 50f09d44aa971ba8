import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import portalEn from "../web/src/modules/portal/requests/i18n/en.json";
import portalKo from "../web/src/modules/portal/requests/i18n/ko.json";
import portalZh from "../web/src/modules/portal/requests/i18n/zh-TW.json";
import { env, launch, mailedCode, watchErrors } from "./support";

/**
 * Issue 11 items 3 and 7 (C2, C3, B9): every citizen portal page, in Korean, Traditional Chinese and
 * English, for a Korean and a Taiwanese office, speaks the citizen's language: no internal codes
 * (`art35`, `kr_access`, snake_case keys) and no ISO timestamps in the rendered text; axe-core finds no
 * serious or critical accessibility violation; the consent box, left empty, says that consent is needed
 * (linked from the error summary) and the browser never shows its own validation bubble.
 */

const AGENCIES = [
  { code: "hanbit-city", auditor: "auditor.choi", kind: "access" },
  { code: "qingshan-district", auditor: "auditor.huang", kind: "query" },
] as const;
const LANGS = ["ko", "zh-TW", "en"] as const;
const PORTAL_REQ = { ko: portalKo, "zh-TW": portalZh, en: portalEn } as const;

/** The notice items as the statutes word them (PIPA §15(2) items 1-4; PDPA Art. 8(1) items 1-6). */
const STATUTORY_ITEMS = {
  "hanbit-city": ["수집·이용 목적", "개인정보의 항목", "보유 및 이용 기간", "동의를 거부할 권리", "불이익"],
  "qingshan-district": [
    "機關名稱",
    "蒐集之目的",
    "個人資料之類別",
    "期間、地區、對象及方式",
    "第3條規定得行使之權利及方式",
    "不提供將對其權益之影響",
  ],
} as const;
const NOTICE_LANG = { "hanbit-city": "ko", "qingshan-district": "zh-TW" } as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Internal codes and machine timestamps that must never reach a citizen's screen. */
const RAW = [
  { name: "article code", re: /\bart\d+/ },
  { name: "snake_case key", re: /\b[a-z]+(?:_[a-z0-9]+)+\b/ },
  { name: "ISO timestamp", re: /\d{4}-\d{2}-\d{2}T/ },
];

/** The text a citizen reads: the rendered body plus the choices inside drop-down lists. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const options = Array.from(document.querySelectorAll("option"), (o) => o.textContent ?? "");
    return `${document.body.innerText}\n${options.join("\n")}`;
  });
}

async function rawCodes(page: Page): Promise<string[]> {
  const text = await visibleText(page);
  const found: string[] = [];
  for (const { name, re } of RAW) {
    const g = new RegExp(re.source, "g");
    for (const m of text.matchAll(g)) found.push(`${name}: "${m[0]}"`);
  }
  return found;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core run in the page (evaluated through the debugging protocol, so the page's CSP is untouched). */
async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe;
    const r = (await axe.run(document, { resultTypes: ["violations"] })) as { violations: unknown[] };
    return r.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

async function setLanguage(page: Page, lang: string): Promise<void> {
  await page.locator(".portal-lang select").selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

describe("C2/C3/B9 (issue 11 items 3, 7): portal pages without internal codes, accessible, consent explained", () => {
  let citizen: Page;
  let staff: Page;
  const closers: Array<() => Promise<void>> = [];
  let citizenErrors: string[] = [];
  const receipts = new Map<string, { receiptNumber: string; accessCode: string }>();

  before(async () => {
    assert.ok(env.password, "E2E_PASSWORD is not set: run through `npm run e2e`");
    const a = await launch();
    const b = await launch();
    citizen = a.page;
    staff = b.page;
    closers.push(a.close, b.close);
    citizenErrors = watchErrors(citizen);
  });
  after(async () => {
    for (const c of closers) await c();
  });

  for (const a of AGENCIES)
    test(`C2: a request filed at ${a.code} gives a receipt and access code for the status pages`, async () => {
      // One staff browser signs in at each office in turn: drop the previous office's session first.
      await staff.context().clearCookies();
      await staff.goto(`${env.baseUrl}/login`);
      await staff.locator('select[name="agency"]').selectOption(a.code);
      await staff.locator('input[name="username"]').fill(a.auditor);
      await staff.locator('input[name="password"]').fill(env.password);
      await staff.locator('button[type="submit"]').click();
      await staff.waitForURL((u) => !u.pathname.startsWith("/login"));
      const email = `words.${randomBytes(3).toString("hex")}@example.kr`;
      await citizen.goto(`${env.baseUrl}/portal/${a.code}`);
      const started = await citizen.evaluate(
        async ({ agencyCode, kind, email }) => {
          const res = await fetch("/api/portal/submissions", {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({
              agencyCode,
              locale: "en",
              consent: true,
              kind,
              requesterType: "self",
              requester: { name: "Kim Words", email },
              content: "Please show me the personal data you hold about me.",
              delivery: { method: "download" },
            }),
          });
          return {
            status: res.status,
            body: (await res.json()) as { submissionId: string; submissionToken: string },
          };
        },
        { agencyCode: a.code, kind: a.kind, email },
      );
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const code = await mailedCode(staff, email);
      const receipt = await citizen.evaluate(
        async ({ id, token, code }) => {
          const res = await fetch(`/api/portal/submissions/${id}/confirm`, {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({ submissionToken: token, code }),
          });
          return (await res.json()) as { receiptNumber: string; accessCode: string };
        },
        { id: started.body.submissionId, token: started.body.submissionToken, code },
      );
      assert.ok(receipt.receiptNumber && receipt.accessCode, JSON.stringify(receipt));
      receipts.set(a.code, receipt);
    });

  for (const a of AGENCIES)
    for (const lang of LANGS)
      test(`C2/C3: ${a.code} portal pages in ${lang}: no internal codes, no serious axe violation`, async () => {
        const problems: string[] = [];
        const check = async (label: string) => {
          // Wait for loaded content (no "loading" placeholder left) before reading the text.
          await citizen.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'));
          assert.equal(await citizen.evaluate(() => document.documentElement.lang), lang);
          for (const r of await rawCodes(citizen)) problems.push(`${label}: ${r}`);
          for (const v of await axeViolations(citizen)) problems.push(`${label}: axe ${v}`);
        };
        await citizen.goto(`${env.baseUrl}/portal`);
        await setLanguage(citizen, lang);
        await citizen.locator(".portal-agencies").waitFor();
        await check("chooser");
        await citizen.goto(`${env.baseUrl}/portal/${a.code}`);
        await citizen.locator(".portal-services").waitFor();
        await check("home");
        await citizen.goto(`${env.baseUrl}/portal/${a.code}/files`);
        await citizen.locator(".public-tools").waitFor();
        await check("public files");
        await citizen.goto(`${env.baseUrl}/portal/${a.code}/entrustments`);
        await citizen.locator(".public-tools").waitFor();
        await check("entrustments");
        // The public archive (J1): both demo agencies opted in; hanbit-city has one published document.
        await citizen.goto(`${env.baseUrl}/portal/${a.code}/archive`);
        await citizen.getByTestId("portal-archive").waitFor();
        await check("archive");
        await citizen.goto(`${env.baseUrl}/portal/${a.code}/requests`);
        await citizen.locator('select[name="kind"]').waitFor();
        await check("request form");
        if (NOTICE_LANG[a.code] === lang) {
          const notice = citizen.getByTestId("consent-notice");
          const text = (await notice.count()) ? await notice.innerText() : "";
          for (const item of STATUTORY_ITEMS[a.code])
            if (!text.includes(item)) problems.push(`consent notice lacks "${item}"`);
        }
        // The form after a failed attempt (summary and field messages) is checked too.
        await citizen.getByRole("button", { name: PORTAL_REQ[lang].form.submit }).click();
        await citizen.locator(".form-alert").waitFor();
        await check("request form with errors");
        const r = receipts.get(a.code);
        if (!r) problems.push("no receipt: the status page was not checked");
        else {
          await citizen.goto(`${env.baseUrl}/portal/${a.code}/requests/status`);
          await citizen.locator('input[name="receiptNumber"]').fill(r.receiptNumber);
          await citizen.locator('input[name="accessCode"]').fill(r.accessCode);
          await citizen.getByRole("button", { name: PORTAL_REQ[lang].status.submit }).click();
          await citizen.getByTestId("portal-progress").waitFor();
          await check("status page");
        }
        if (problems.length)
          await citizen
            .screenshot({
              path: `/tmp/civicpims-e2e-failure-portal-words-${a.code}-${lang}.png`,
              fullPage: true,
            })
            .catch(() => {});
        assert.deepEqual(problems, []);
      });

  test("C2/H1: the consent box left empty says consent is needed, linked from the summary; no native bubble", async () => {
    await citizen.goto(`${env.baseUrl}/portal/qingshan-district/requests`);
    await setLanguage(citizen, "zh-TW");
    const form = citizen.getByRole("form", { name: portalZh.form.title });
    await form.waitFor();
    assert.equal(await form.getAttribute("novalidate"), "", "the form turns native validation off");
    // Everything filled in but the consent.
    await form.locator('select[name="kind"]').selectOption("query");
    await form.locator('textarea[name="content"]').fill("請提供本人戶籍相關個人資料之查詢結果");
    await form.locator('input[name="requesterName"]').fill("林小明");
    await form
      .locator('input[name="requesterEmail"]')
      .fill(`words.${randomBytes(3).toString("hex")}@example.tw`);
    // A native bubble would mean the browser's own validation ran: the check box must be valid to it.
    await form.getByRole("button", { name: portalZh.form.submit }).click();
    const summary = citizen.locator(".error-summary");
    await summary.waitFor();
    const links = summary.locator("a");
    assert.equal(await links.count(), 1, "one field needs attention: the consent");
    const consent = form.locator('input[name="consent"]');
    const consentId = await consent.getAttribute("id");
    assert.equal(await links.first().getAttribute("href"), `#${consentId}`);
    // The field's own message, once on the page (not repeated by the summary or a toast).
    const message = portalZh.form.consentRequired;
    const text = await citizen.evaluate(() => document.body.innerText);
    assert.equal(text.split(message).length - 1, 1, `"${message}" appears exactly once`);
    const describedBy = (await consent.getAttribute("aria-describedby")) ?? "";
    const described = await citizen.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
      describedBy.split(" ").filter(Boolean),
    );
    assert.ok(described.includes(message), "the message is tied to the check box");
    // The summary link puts the keyboard on the check box.
    await citizen.locator("body").focus();
    await links.first().click();
    assert.equal(await citizen.evaluate(() => document.activeElement?.getAttribute("name")), "consent");
    // The notice lists what the law requires (PDPA §8(1), in the statute's words): shown before agreeing.
    const notice = await citizen.getByTestId("consent-notice").innerText();
    for (const item of STATUTORY_ITEMS["qingshan-district"]) assert.ok(notice.includes(item), item);
  });

  test("no script errors or CSP violations on the portal pages", () => {
    assert.deepEqual(citizenErrors, []);
  });
});
