import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import * as mupdf from "mupdf";
import type { Locator, Page } from "playwright-core";
import srvKo from "../server/src/modules/incidents/i18n/ko.json";
import srvZh from "../server/src/modules/incidents/i18n/zh-TW.json";
import ko from "../web/src/i18n/ko.json";
import zh from "../web/src/i18n/zh-TW.json";
import incKo from "../web/src/modules/incidents/i18n/ko.json";
import incZh from "../web/src/modules/incidents/i18n/zh-TW.json";
import lettersKo from "../web/src/modules/letters/i18n/ko.json";
import { env, flowSteps, labelled, launch, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 13 "Done when" (F1-F6): the KR demo privacy officer opens an incident on a register file; the
 * clocks are shown with their explanation in Korean (no ISO timestamps, no codes); a subject with e-mail
 * and one by post are added and notified (the mail is in the outbox, the post letter is a PDF); the
 * regulator report downloads as a PDF with the incident's title; the home dashboard card lists the
 * incident with its nearest clock. Then the TW demo officer opens one on qingshan-district: both 4-hour
 * clocks show, and starting the first response measure meets the "measures started" clock (F4).
 * Labels come from the app's resource files.
 */

const KR_OFFICER = "po.kim";
const TW_AGENCY = "qingshan-district";
const TW_OFFICER = "po.chen";
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODES = /\b(kr|tw)_[a-z_]+\b|incidents\.[a-z_.]+/;

function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let text = "";
  for (let i = 0; i < doc.countPages(); i++)
    text += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return text;
}

/** Bytes of a same-origin URL as the signed-in page gets them. */
async function fetchBytes(page: Page, url: string): Promise<{ status: number; type: string; body: Buffer }> {
  const r = await page.evaluate(async (u) => {
    const res = await fetch(u);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return { status: res.status, type: res.headers.get("content-type") ?? "", b64: btoa(s) };
  }, url);
  return { status: r.status, type: r.type, body: Buffer.from(r.b64, "base64") };
}

/** "Now minus ten minutes" as a datetime-local value on the browser's clock (Asia/Seoul). */
function localMinutesAgo(min: number): string {
  const d = new Date(Date.now() - min * 60_000 + 9 * 3_600_000);
  return d.toISOString().slice(0, 16);
}

describe("F1-F6: an incident is opened, its clocks explained, subjects notified, the report downloaded", () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[] = [];
  const suffix = randomBytes(3).toString("hex");
  const title = `시험 유출 사고 ${suffix}`;
  let number = "";
  let incidentUrl = "";

  const step = flowSteps(() =>
    page?.screenshot({ path: "/tmp/civicpims-incidents-failure.png", fullPage: true }),
  );

  before(() => {
    assert.ok(env.password, "E2E_PASSWORD is not set: run through `npm run e2e`");
  });
  after(async () => {
    await close?.();
  });

  async function signIn(agency: string, username: string, lang: "ko" | "zh-TW") {
    await close?.();
    const b = await launch();
    page = b.page;
    close = b.close;
    errors = watchErrors(page);
    const L = lang === "ko" ? ko : zh;
    await page.goto(`${env.baseUrl}/login`);
    await page.locator('select[name="agency"]').selectOption(agency);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(env.password);
    await page.getByRole("button", { name: L.auth.login.submit }).click();
    await passSecondFactor(page, `${agency}/${username}`, L.auth);
    await page.getByRole("heading", { level: 1, name: L.dashboard.title }).waitFor();
  }

  async function openIncident(labels: typeof incKo, fileName: string, incidentTitle: string) {
    await page.goto(`${env.baseUrl}/incidents/new`);
    await page.getByRole("heading", { level: 1, name: labels.new }).waitFor();
    await labelled(page, labels.titleField).fill(incidentTitle);
    await labelled(page, labels.detectedAt).fill(localMinutesAgo(10));
    await labelled(page, labels.description).fill("내보낸 파일이 다른 부서로 잘못 발송됨");
    await page.getByRole("checkbox", { name: fileName }).check();
    await page.getByRole("button", { name: labels.report, exact: true }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const h1 = page.getByRole("heading", { level: 1, name: incidentTitle });
    await h1.waitFor();
    return ((await h1.textContent()) ?? "").replace(incidentTitle, "").trim();
  }

  const clocks = () => page.getByTestId("incident-clocks");
  const notifySection = (): Locator => page.getByTestId("incident-notify");

  step("KR: the privacy officer signs in", async () => {
    await signIn(env.agency, KR_OFFICER, "ko");
  });

  step("KR: an incident on a register file shows its clocks explained in Korean", async () => {
    number = await openIncident(incKo, "민원사무 처리부", title);
    assert.match(number, /^INC-\d{4}-\d{4}$/);
    incidentUrl = page.url();
    const list = clocks();
    await list.getByText(srvKo.incidents.clock.kr_subject_notice).waitFor();
    const text = (await list.textContent()) ?? "";
    assert.ok(text.includes(srvKo.incidents.clock.kr_regulator_report), text);
    assert.ok(text.includes("「개인정보 보호법」") || text.includes("개인정보 보호법"), "the rule is cited");
    assert.ok(text.includes(incKo.state.running), "the clock is running");
    assert.ok(!ISO.test(text), `no ISO timestamps: ${text}`);
    assert.ok(!CODES.test(text), `no raw codes: ${text}`);
    assert.ok(/[가-힣]/.test(text) && text.includes("72"), "explained in Korean with its hours");
  });

  step("KR: the notice is set, a mail and a post recipient added and notified", async () => {
    const sec = notifySection();
    const notice = {
      facts: "민원 자료 일부가 다른 부서로 발송되었습니다.",
      measures: "자료를 회수하고 접근을 차단했습니다.",
      advice: "의심스러운 연락에 주의하십시오.",
      contact: "개인정보보호팀 061-000-0000",
      compensation: "재발급 비용을 보상합니다.",
    };
    for (const [k, v] of Object.entries(notice))
      await labelled(sec, incKo.notice[k as keyof typeof notice]).fill(v);
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/notice") && r.request().method() === "PUT"),
      sec.getByRole("button", { name: incKo.save, exact: true }).click(),
    ]);
    assert.equal(saved.status(), 200);
    await labelled(sec, incKo.recipients).fill(
      `홍길동, hong.${suffix}@example.org\n김우편, 한빛시 중앙로 ${suffix} 101호`,
    );
    await sec.getByRole("button", { name: incKo.add, exact: true }).click();
    const rows = sec.locator("li");
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    await sec.getByRole("button", { name: incKo.send, exact: true }).click();
    // The run queues the mail and makes the post letter; the log says so for each person.
    await sec.getByText(incKo.delivery.printed, { exact: false }).first().waitFor();
    const letterLink = sec.getByRole("link", { name: new RegExp(`^${incKo.letterPdf.split(" (")[0]}`) });
    await letterLink.waitFor();
    const href = (await letterLink.getAttribute("href")) ?? "";
    const letter = await fetchBytes(page, href);
    assert.equal(letter.status, 200);
    assert.equal(letter.body.subarray(0, 5).toString("latin1"), "%PDF-");
    const lt = pdfText(letter.body).replace(/\s+/g, "");
    for (const w of ["김우편", "재발급비용을보상합니다", number]) assert.ok(lt.includes(w), `letter: ${w}`);
  });

  step("KR: the outbox shows the notice mail", async () => {
    await page.goto(`${env.baseUrl}/letters/outbox`);
    await page.getByRole("heading", { level: 1, name: lettersKo.outbox.title }).waitFor();
    // The subject names the incident's number (incidents.notice.subject).
    await page.locator("tbody tr", { hasText: number }).first().waitFor();
  });

  step("KR: the regulator report downloads as a PDF with the incident's title", async () => {
    await page.goto(incidentUrl);
    const link = notifySection().getByRole("link", { name: incKo.reportPdf });
    await link.waitFor();
    const pdf = await fetchBytes(page, (await link.getAttribute("href")) ?? "");
    assert.equal(pdf.status, 200);
    assert.match(pdf.type, /^application\/pdf/);
    assert.equal(pdf.body.subarray(0, 5).toString("latin1"), "%PDF-");
    const text = pdfText(pdf.body).replace(/\s+/g, "");
    assert.ok(text.includes(title.replace(/\s+/g, "")), "the report names the incident");
    assert.ok(text.includes(number));
  });

  step("KR: the home dashboard card lists the incident with its nearest clock", async () => {
    await page.goto(`${env.baseUrl}/`);
    const card = page.getByTestId("incident-dashboard");
    await card.getByRole("link", { name: `${number} ${title}` }).waitFor();
    const text = (await card.textContent()) ?? "";
    assert.ok(text.includes(srvKo.incidents.clock.kr_subject_notice), text);
    assert.ok(!ISO.test(text), `no ISO timestamps: ${text}`);
    assert.deepEqual(errors, []);
  });

  step(
    "TW: a qingshan-district incident shows both 4-hour clocks; starting a measure meets one",
    async () => {
      await signIn(TW_AGENCY, TW_OFFICER, "zh-TW");
      await openIncident(incZh, "陳情案件管理", `測試外洩事故 ${suffix}`);
      const list = clocks();
      await list.getByText(srvZh.incidents.clock.tw_internal_report).waitFor();
      const text = (await list.textContent()) ?? "";
      assert.ok(text.includes(srvZh.incidents.clock.tw_response_start), text);
      assert.ok(text.includes("四十五") && text.includes("四十三"), "the seed clauses are cited");
      assert.ok(!ISO.test(text) && !CODES.test(text), text);
      const responseClock = list.locator(":scope > li", { hasText: srvZh.incidents.clock.tw_response_start });
      assert.ok(((await responseClock.textContent()) ?? "").includes(incZh.state.running));
      await page.getByRole("button", { name: incZh.start, exact: true }).first().click();
      await responseClock.getByText(incZh.state.met, { exact: false }).waitFor();
      const report = list.locator(":scope > li", { hasText: srvZh.incidents.clock.tw_internal_report });
      assert.ok(((await report.textContent()) ?? "").includes(incZh.state.running));
      assert.deepEqual(errors, []);
    },
  );
});
