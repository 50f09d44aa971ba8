import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { after, before, describe } from "node:test";
import type { Page, Response } from "playwright-core";
import ko from "../web/src/i18n/ko.json";
import zh from "../web/src/i18n/zh-TW.json";
import casesKo from "../web/src/modules/cases/i18n/ko.json";
import portalDeliveryKo from "../web/src/modules/portal/requests/delivery-i18n/ko.json";
import portalReqKo from "../web/src/modules/portal/requests/i18n/ko.json";
import portalReqZh from "../web/src/modules/portal/requests/i18n/zh-TW.json";
import reqDeliveryKo from "../web/src/modules/requests/delivery-i18n/ko.json";
import reqKo from "../web/src/modules/requests/i18n/ko.json";
import reqZh from "../web/src/modules/requests/i18n/zh-TW.json";
import { env, flowSteps, labelled, launch, mailedCode, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 11 items 2, 4 and 6 (C2, C3, C5, C12): a citizen files an access request on the Korean portal and a
 * query on the Taiwanese one; the status page says in plain words what happens next and by when, the due
 * date written as the law counts it ("12월 18일(금)까지", "12月18日（五）前"), with no ISO timestamp and no
 * internal code. Staff read the deadline explanation in Korean; the privacy manager grants the request,
 * an attachment is released in "Delivery", and the citizen downloads exactly those bytes with the access
 * code. Screenshots of the status page go to docs/screenshots/.
 */

const KR = { code: "hanbit-city", auditor: "auditor.choi", zone: "Asia/Seoul" } as const;
const TW = { code: "qingshan-district", auditor: "auditor.huang", zone: "Asia/Taipei" } as const;
const HANDLER = "handler.park";
const MANAGER = "pm.lee";
const SHOTS = new URL("../docs/screenshots/", import.meta.url).pathname;
const DOCUMENT = "열람 대상 자료: 복지급여 신청 처리 기록 사본입니다.\n";

/** Weekday names written out by hand (not the app's formatter): Sunday first. */
const WEEKDAYS = {
  ko: ["일", "월", "화", "수", "목", "금", "토"],
  zh: ["日", "一", "二", "三", "四", "五", "六"],
};

/** The local calendar parts of an instant in a zone (Intl's numeric parts, no app code). */
function localParts(iso: string, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(iso))) if (x.type !== "literal") p[x.type] = Number(x.value);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return { ...p, weekday } as Record<
    "year" | "month" | "day" | "hour" | "minute" | "second" | "weekday",
    number
  >;
}

/** "12월 18일(금)까지" / "12月18日（五）前", with the year when not this year, a time when not end of day. */
function expectedDue(iso: string, timeZone: string, lang: "ko" | "zh"): string {
  const p = localParts(iso, timeZone);
  const thisYear = localParts(new Date().toISOString(), timeZone).year;
  const endOfDay = p.hour === 23 && p.minute === 59 && p.second === 59;
  const time = endOfDay ? "" : `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  if (lang === "ko") {
    const y = p.year === thisYear ? "" : `${p.year}년 `;
    return `${y}${p.month}월 ${p.day}일(${WEEKDAYS.ko[p.weekday]})${time ? ` ${time}` : ""}까지`;
  }
  const y = p.year === thisYear ? "" : `${p.year}年`;
  return `${y}${p.month}月${p.day}日（${WEEKDAYS.zh[p.weekday]}）${time}前`;
}

const ISO = /\d{4}-\d{2}-\d{2}T/;
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

const field = labelled;

/** The states before a decision, whose sentence names the due date. */
type Early = "received" | "identity_check" | "in_review";

interface StatusBody {
  state: string;
  dueAt: string;
  dueUnit?: string;
  timeZone?: string;
}

describe("C2/C3/C5/C12 (issue 11 items 2, 4, 6): the citizen's status page says what happens next", () => {
  let citizen: Page;
  let staff: Page;
  const closers: Array<() => Promise<void>> = [];
  let citizenErrors: string[] = [];
  let staffErrors: string[] = [];
  const kr = { receipt: "", accessCode: "", dueAt: "" };

  const step = flowSteps(() =>
    Promise.all([
      staff
        ?.screenshot({ path: "/tmp/civicpims-e2e-failure-status-staff.png", fullPage: true })
        .catch(() => {}),
      citizen
        ?.screenshot({ path: "/tmp/civicpims-e2e-failure-status-citizen.png", fullPage: true })
        .catch(() => {}),
    ]),
  );

  before(async () => {
    assert.ok(env.password, "E2E_PASSWORD is not set: run through `npm run e2e`");
    const a = await launch();
    const b = await launch();
    citizen = a.page;
    staff = b.page;
    closers.push(a.close, b.close);
    citizenErrors = watchErrors(citizen);
    staffErrors = watchErrors(staff);
    await citizen.setViewportSize({ width: 1440, height: 900 });
    await staff.setViewportSize({ width: 1440, height: 900 });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    for (const c of closers) await c();
  });

  async function signIn(agency: string, username: string, lang: "ko" | "zh-TW") {
    await staff.context().clearCookies();
    await staff.goto(`${env.baseUrl}/login`);
    await staff.locator('select[name="agency"]').selectOption(agency);
    await staff.waitForFunction((l) => document.documentElement.lang === l, lang);
    await staff.locator('input[name="username"]').fill(username);
    await staff.locator('input[name="password"]').fill(env.password);
    await staff.locator('button[type="submit"]').click();
    await passSecondFactor(staff, `${agency}/${username}`, lang === "ko" ? ko.auth : zh.auth);
  }

  /** Fills the status form; returns the API's answer (state, due date) as the page received it. */
  async function openStatus(agency: string, receipt: string, accessCode: string): Promise<StatusBody> {
    await citizen.goto(`${env.baseUrl}/portal/${agency}/requests/status`);
    await citizen.locator('input[name="receiptNumber"]').fill(receipt);
    await citizen.locator('input[name="accessCode"]').fill(accessCode);
    const [res] = await Promise.all([
      citizen.waitForResponse((r: Response) => r.url().endsWith("/api/portal/status")),
      citizen.locator('form button[type="submit"]').click(),
    ]);
    assert.equal(res.status(), 200);
    await citizen.getByTestId("portal-progress").waitFor();
    return (await res.json()) as StatusBody;
  }

  async function assertPlainPage(label: string) {
    const text = await citizen.evaluate(() => document.body.innerText);
    assert.doesNotMatch(text, ISO, `${label}: no ISO timestamp`);
    assert.doesNotMatch(text, SNAKE, `${label}: no snake_case code`);
  }

  step(
    "KR: a citizen files an access request in Korean and gets receipt number and access code",
    async () => {
      await signIn(KR.code, KR.auditor, "ko");
      const email = `status.${randomBytes(3).toString("hex")}@example.kr`;
      await citizen.goto(`${env.baseUrl}/portal/${KR.code}/requests`);
      const form = citizen.getByRole("form", { name: portalReqKo.form.title });
      await form.waitFor();
      const mark = ko.form.requiredMark;
      await field(form, reqKo.field.kind, mark).selectOption("access");
      await field(form, reqKo.field.content.KR, mark).fill("복지급여 신청 처리 기록 열람");
      await field(form, reqKo.field.name, mark).fill("김상태");
      await field(form, reqKo.field.email, mark).fill(email);
      const method = form.locator('select[name="deliveryMethod"]');
      if (await method.count()) await method.selectOption("download");
      await form.locator('input[name="consent"]').check();
      await form.getByRole("button", { name: portalReqKo.form.submit }).click();
      await citizen.getByRole("heading", { level: 2, name: portalReqKo.code.title }).waitFor();
      await citizen.locator('input[name="code"]').fill(await mailedCode(staff, email));
      await citizen.getByRole("button", { name: portalReqKo.code.confirm }).click();
      await citizen.getByTestId("portal-receipt").waitFor();
      kr.receipt = ((await citizen.getByTestId("receipt-number").textContent()) ?? "").trim();
      kr.accessCode = ((await citizen.getByTestId("access-code").textContent()) ?? "").trim();
      assert.ok(kr.receipt && kr.accessCode);
    },
  );

  step(
    "C5/issue 11 item 6: the Korean status page says what happens next and by when (M월 D일(요일))",
    async () => {
      const body = await openStatus(KR.code, kr.receipt, kr.accessCode);
      kr.dueAt = body.dueAt;
      const next = portalReqKo.status.next;
      assert.ok(["received", "identity_check", "in_review"].includes(body.state), body.state);
      const due = expectedDue(body.dueAt, body.timeZone ?? KR.zone, "ko");
      assert.match(due, /^\d{1,2}월 \d{1,2}일\([일월화수목금토]\)까지$/, "a day-counted period shows a date");
      const sentence = next[body.state as Early].replace("{{due}}", due);
      const shown = ((await citizen.getByTestId("portal-next").textContent()) ?? "").trim();
      assert.ok(shown.includes(sentence), `"${shown}" includes "${sentence}"`);
      await assertPlainPage("ko status");
      await citizen.screenshot({ path: `${SHOTS}status-ko.png` });
      await citizen.setViewportSize({ width: 390, height: 844 });
      await citizen.screenshot({ path: `${SHOTS}status-ko-mobile.png` });
      await citizen.setViewportSize({ width: 1440, height: 900 });
    },
  );

  step(
    "TW: a query filed at the Taiwanese office; the status page in zh-TW says 「M月D日（週）前」",
    async () => {
      await signIn(TW.code, TW.auditor, "zh-TW");
      const email = `status.${randomBytes(3).toString("hex")}@example.tw`;
      await citizen.goto(`${env.baseUrl}/portal/${TW.code}/requests`);
      const form = citizen.getByRole("form", { name: portalReqZh.form.title });
      await form.waitFor();
      const mark = zh.form.requiredMark;
      await field(form, reqZh.field.kind, mark).selectOption("query");
      await field(form, reqZh.field.content.TW, mark).fill("請提供本人戶籍相關個人資料之查詢結果");
      await field(form, reqZh.field.name, mark).fill("林狀態");
      await field(form, reqZh.field.email, mark).fill(email);
      await form.locator('input[name="consent"]').check();
      await form.getByRole("button", { name: portalReqZh.form.submit }).click();
      await citizen.getByRole("heading", { level: 2, name: portalReqZh.code.title }).waitFor();
      await citizen.locator('input[name="code"]').fill(await mailedCode(staff, email));
      await citizen.getByRole("button", { name: portalReqZh.code.confirm }).click();
      await citizen.getByTestId("portal-receipt").waitFor();
      const receipt = ((await citizen.getByTestId("receipt-number").textContent()) ?? "").trim();
      const accessCode = ((await citizen.getByTestId("access-code").textContent()) ?? "").trim();
      const body = await openStatus(TW.code, receipt, accessCode);
      assert.equal(await citizen.evaluate(() => document.documentElement.lang), "zh-TW");
      const next = portalReqZh.status.next;
      assert.ok(["received", "identity_check", "in_review"].includes(body.state), body.state);
      const due = expectedDue(body.dueAt, body.timeZone ?? TW.zone, "zh");
      assert.match(due, /^\d{1,2}月\d{1,2}日（[日一二三四五六]）(\d{2}:\d{2})?前$/);
      const sentence = next[body.state as Early].replace("{{due}}", due);
      const shown = ((await citizen.getByTestId("portal-next").textContent()) ?? "").trim();
      assert.ok(shown.includes(sentence), `"${shown}" includes "${sentence}"`);
      await assertPlainPage("zh-TW status");
      await citizen.screenshot({ path: `${SHOTS}status-zh-TW.png` });
    },
  );

  const caseState = (name: string) =>
    staff.waitForFunction(
      (s) => document.querySelector('[data-testid="case-state"]')?.textContent === s,
      (casesKo.state as Record<string, string>)[name],
    );

  step(
    "staff (handler): the deadline explanation is in Korean sentences, no ISO timestamp on the case",
    async () => {
      await signIn(KR.code, HANDLER, "ko");
      await staff.goto(`${env.baseUrl}/requests?q=${encodeURIComponent(kr.receipt)}`);
      await staff.getByTestId("requests-list").getByRole("link", { name: kr.receipt }).click();
      await staff.getByRole("heading", { level: 1, name: new RegExp(kr.receipt) }).waitFor();
      await staff.getByText(casesKo.clock.explain).click();
      const lines = await staff.getByTestId("due-explanation").locator("li").allTextContents();
      assert.ok(lines.length > 0, "the explanation has sentences");
      // Every sentence is one of the cases bundle's due.why templates, filled in.
      const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const templates = Object.values(casesKo.due.why).map(
        (v) => new RegExp(`^${esc(v).replace(/\\\{\\\{\w+\\\}\\\}/g, ".+")}$`),
      );
      for (const l of lines)
        assert.ok(
          templates.some((re) => re.test(l)),
          `a known sentence: "${l}"`,
        );
      // The last one names the due date as the citizen saw it.
      const date = expectedDue(kr.dueAt, KR.zone, "ko").replace(/까지$/, "");
      const dueLine = casesKo.due.why.due_end_of_day.replace("{{date}}", date);
      assert.ok(lines.includes(dueLine), `"${dueLine}" in ${JSON.stringify(lines)}`);
      const text = await staff.evaluate(() => document.body.innerText);
      assert.doesNotMatch(text, ISO, "no ISO timestamp on the case page");
    },
  );

  step("staff (handler): identity verified, the requested file named", async () => {
    const mark = ko.form.requiredMark;
    await staff.getByRole("tab", { name: reqKo.detail.tab.identity }).click();
    const form = staff.getByRole("form", { name: reqKo.identity.record });
    await field(form, reqKo.identity.method, mark).selectOption("id_card_in_person");
    await field(form, reqKo.identity.documentType, mark).fill("주민등록증");
    await form.getByRole("button", { name: reqKo.identity.record }).click();
    await staff.getByTestId("identity-checks").waitFor();
    await caseState("in_review");
    await staff.getByRole("tab", { name: reqKo.detail.tab.items }).click();
    await staff.getByRole("heading", { level: 2, name: reqKo.items.title }).waitFor();
    const rows = staff.getByTestId("items-draft").locator("tbody tr");
    if ((await rows.count()) === 0) await staff.getByRole("button", { name: reqKo.items.addFree }).click();
    await staff.getByLabel(`${reqKo.items.file} 1`).fill("복지급여 신청 처리 기록");
    await staff.getByRole("button", { name: reqKo.items.save }).click();
    await staff.getByRole("status").filter({ hasText: reqKo.items.saved }).waitFor();
  });

  step("C12 (issue 11 item 4): the privacy manager grants; a copy is attached and released", async () => {
    const caseUrl = staff.url().split("?")[0];
    await signIn(KR.code, MANAGER, "ko");
    await staff.goto(`${caseUrl}?tab=items`);
    await staff.getByRole("group", { name: /^1\. 복지급여 신청 처리 기록/ }).waitFor();
    const decision = staff.getByRole("form", { name: reqKo.decision.title });
    await decision.locator('select[name="decision_0"]').selectOption("granted");
    await decision.getByRole("button", { name: reqKo.decision.submit }).click();
    await caseState("decided");
    await staff.getByRole("tab", { name: reqKo.detail.tab.notes }).click();
    const upload = staff.getByRole("form", { name: casesKo.attachments.add });
    await upload.locator('input[name="file"]').setInputFiles({
      name: "copy.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(DOCUMENT, "utf8"),
    });
    await upload.locator('select[name="kind"]').selectOption("other");
    await upload.getByRole("button", { name: casesKo.attachments.add }).click();
    await staff.getByTestId("case-attachments").locator("tbody tr", { hasText: "copy.txt" }).waitFor();
    await staff.getByRole("tab", { name: reqKo.detail.tab.fees }).click();
    const file = staff
      .getByTestId("request-delivery")
      .getByTestId("delivery-file")
      .filter({ hasText: "copy.txt" });
    await file.waitFor();
    assert.match((await file.textContent()) ?? "", new RegExp(reqDeliveryKo.piiOk));
    await file.getByRole("button", { name: reqDeliveryKo.release }).click();
    await file.getByText(reqDeliveryKo.released, { exact: true }).waitFor();
    await staff.screenshot({ path: "/tmp/civicpims-status-delivery.png", fullPage: true });
  });

  step("C12: the citizen downloads the released copy from the status page with the access code", async () => {
    await openStatus(KR.code, kr.receipt, kr.accessCode);
    const docs = citizen.getByTestId("portal-documents");
    await docs.getByRole("heading", { name: portalDeliveryKo.title }).waitFor();
    const [res] = await Promise.all([
      citizen.waitForResponse((r: Response) => r.url().includes("/api/portal/files/")),
      docs
        .getByRole("button", { name: new RegExp(`^${portalDeliveryKo.download}`) })
        .first()
        .click(),
    ]);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-disposition"] ?? "", /attachment/);
    // The bytes as the citizen's browser gets them (the page turns them into a download).
    const fetched = await citizen.evaluate(
      async ({ url, body }) => {
        const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        return { status: r.status, text: await r.text(), length: r.headers.get("content-length") };
      },
      { url: new URL(res.url()).pathname, body: res.request().postData() ?? "" },
    );
    assert.equal(fetched.status, 200);
    assert.equal(fetched.text, DOCUMENT, `downloaded bytes (content-length ${fetched.length})`);
    // The access code travels in the body, never in the address.
    assert.ok(!res.url().includes(kr.accessCode.replace(/-/g, "")), "no access code in the URL");
    await assertPlainPage("ko status after delivery");
  });

  step("no page or console errors (CSP included)", () => {
    assert.deepEqual(citizenErrors, []);
    assert.deepEqual(staffErrors, []);
  });
});
