import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe } from "node:test";
import type { Page } from "playwright-core";
import ko from "../web/src/i18n/ko.json";
import casesKo from "../web/src/modules/cases/i18n/ko.json";
import civilKo from "../web/src/modules/civil/i18n/ko.json";
import disclosureKo from "../web/src/modules/disclosure/i18n/ko.json";
import petitionsKo from "../web/src/modules/petitions/i18n/ko.json";
import portalKo from "../web/src/modules/portal/i18n/ko.json";
import progressKo from "../web/src/modules/portal/progress/i18n/ko.json";
import portalReqKo from "../web/src/modules/portal/requests/i18n/ko.json";
import recordsKo from "../web/src/modules/records/i18n/ko.json";
import statisticsKo from "../web/src/modules/statistics/i18n/ko.json";
import { env, flowSteps, labelled, launch, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 12 "Done when" (I1, I2, I3, J1, K2-K9): on the Korean demo city a petition and an information
 * disclosure request are handled end to end. Staff (the privacy officer, second factor enrolled) assign the
 * petition, transfer it to another unit (the clock goes on) and answer it; the disclosure request is decided
 * partially, citing the ground 9①6. The citizen follows the petition on the public progress search by
 * receipt number alone (stage and unit, nothing else) and the disclosure on the status page (Korean words,
 * no ISO timestamp). The records register, the statistics tables and the compensation register show real
 * data, and the new portal page passes axe-core.
 */

const AGENCY = "hanbit-city";
const OFFICER = "po.kim";
const CHOSEN_HANDLER = "이관리"; // pm.lee (server/src/demo/demo-data.ts)
const FIRST_UNIT = "민원봉사과"; // civil-service
const SECOND_UNIT = "복지정책과"; // welfare
const GROUND_SHORT = "9①6"; // KR disclosureGrounds: the short citation of Art. 9(1) item 6
const MARK = ko.form.requiredMark;

const ISO = /\d{4}-\d{2}-\d{2}T/;
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core in the page (evaluated through the debugging protocol: the page's CSP is untouched). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe;
    const r = (await axe.run(document, { resultTypes: ["violations"] })) as { violations: unknown[] };
    return r.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
/** The screen's own content (the navigation lists other modules' "coming soon" entries). */
const mainText = (page: Page) => page.locator("main").innerText();

describe("I1/I3/J1 (issue 12): a petition and a disclosure request handled end to end on hanbit-city", () => {
  let citizen: Page;
  let staff: Page;
  const closers: Array<() => Promise<void>> = [];
  let citizenErrors: string[] = [];
  let staffErrors: string[] = [];
  const petition = { id: "", number: "", name: `김민원${randomBytes(2).toString("hex")}` };
  const disclosure = { id: "", number: "", accessCode: "", name: "정공개" };

  const step = flowSteps(() =>
    Promise.all([
      staff
        ?.screenshot({ path: "/tmp/civicpims-e2e-failure-civil-staff.png", fullPage: true })
        .catch(() => {}),
      citizen
        ?.screenshot({ path: "/tmp/civicpims-e2e-failure-civil-citizen.png", fullPage: true })
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
  });
  after(async () => {
    for (const c of closers) await c();
  });

  /** Waits for the StatusMessage of a case page to say `text`. */
  const said = (text: string) => staff.getByRole("status").filter({ hasText: text }).first().waitFor();

  /** The case page's title, "number · kind", once the case page (not the intake form) is shown. */
  async function caseTitle(): Promise<string> {
    const h1 = staff.getByRole("heading", { level: 1 }).filter({ hasText: / · / });
    await h1.waitFor();
    return ((await h1.textContent()) ?? "").trim();
  }

  step("the privacy officer signs in with the second factor", async () => {
    await staff.goto(`${env.baseUrl}/login`);
    await staff.locator('select[name="agency"]').selectOption(AGENCY);
    await staff.waitForFunction(() => document.documentElement.lang === "ko");
    await staff.locator('input[name="username"]').fill(OFFICER);
    await staff.locator('input[name="password"]').fill(env.password);
    await staff.locator('button[type="submit"]').click();
    await passSecondFactor(staff, `${AGENCY}/${OFFICER}`, ko.auth);
  });

  step("I1: a petition received at the counter to the civil-service unit gets a receipt number", async () => {
    const pt = petitionsKo;
    await staff.goto(`${env.baseUrl}/petitions/new`);
    const form = staff.getByRole("form", { name: pt.new.title });
    await form.waitFor();
    await labelled(form, pt.field.channel, MARK).selectOption("counter");
    await labelled(form, pt.field.type, MARK).selectOption("proposal");
    await labelled(form, pt.field.unit, MARK).selectOption({ label: FIRST_UNIT });
    await labelled(form, pt.field.name, MARK).fill(petition.name);
    await labelled(form, pt.field.title, MARK).fill("한빛천 산책로 가로등 설치 건의");
    await labelled(form, pt.field.content, MARK).fill("한빛천 산책로 2구간에 가로등이 없어 밤에 어둡습니다.");
    await form.getByRole("button", { name: pt.new.submit }).click();
    await staff.waitForURL(/\/petitions\/[0-9a-f-]{36}$/);
    petition.id = new URL(staff.url()).pathname.split("/").pop() as string;
    const h1 = await caseTitle();
    petition.number = h1.split(" · ")[0];
    assert.ok(petition.number, `a receipt number in "${h1}"`);
  });

  step("I1: staff assign the petition to a handler of their choice", async () => {
    const box = staff.getByTestId("case-assignment");
    await box.getByText(casesKo.assignee.reassign, { exact: true }).click();
    const details = box.locator("details");
    const select = details.getByTestId("hand-to-select");
    const option = select.locator("option", { hasText: CHOSEN_HANDLER });
    await select.selectOption((await option.getAttribute("value")) as string);
    await details.getByRole("button", { name: casesKo.assignee.reassign }).click();
    await staff.getByTestId("case-assignee").filter({ hasText: CHOSEN_HANDLER }).waitFor();
  });

  step("I1: transferred to another unit, the due date unchanged (the clock goes on)", async () => {
    const due = staff.getByTestId("case-due");
    const before = await due.textContent();
    const pt = petitionsKo.transfer;
    const form = staff.getByRole("form", { name: pt.unitTitle });
    await labelled(form, pt.unit, MARK).selectOption({ label: SECOND_UNIT });
    await labelled(form, pt.reason, MARK).fill("복지시설 인근 구간으로 복지정책과 소관");
    await form.getByRole("button", { name: pt.unitSubmit }).click();
    await said(pt.done);
    // The welfare unit has no default handler: the petition waits in that unit's queue (page reloaded).
    await staff.getByTestId("case-assignee").filter({ hasText: casesKo.assignee.none }).waitFor();
    assert.equal(await due.textContent(), before);
  });

  step(
    "I3: the public progress search by receipt number alone shows the stage and the new unit",
    async () => {
      await citizen.goto(`${env.baseUrl}/portal/${AGENCY}/progress`);
      const form = citizen.getByRole("form", { name: progressKo.title });
      await labelled(form, progressKo.number, MARK).fill(petition.number);
      await form.getByRole("button", { name: progressKo.submit }).click();
      const result = citizen.getByTestId("public-progress");
      await result.waitFor();
      const text = await result.innerText();
      assert.ok(text.includes(SECOND_UNIT), `the unit in "${text}"`);
      const stages = Object.values(progressKo.stages);
      const stage = ((await citizen.getByTestId("public-stage").textContent()) ?? "").trim();
      assert.ok([progressKo.stages.received, progressKo.stages.in_progress].includes(stage), stage);
      assert.ok(stages.includes(stage));
      // Only stage and unit: never the petitioner's name, the title or the text.
      const page = await bodyText(citizen);
      for (const secret of [petition.name, "가로등", "산책로"])
        assert.ok(!page.includes(secret), `"${secret}" is not on the public page`);
      assert.doesNotMatch(page, ISO);
      assert.deepEqual(await axeViolations(citizen), []);
    },
  );

  step("I1: the officer answers the petition; the public stage says it is answered", async () => {
    const a = petitionsKo.answer;
    await staff.goto(`${env.baseUrl}/petitions/${petition.id}`);
    const form = staff.getByRole("form", { name: a.title });
    await labelled(form, a.outcome, MARK).selectOption("granted");
    await labelled(form, a.summary, MARK).fill("2구간에 가로등 6기를 다음 달까지 설치하겠습니다.");
    await form.getByRole("button", { name: a.submit }).click();
    await said(a.done);
    await staff.getByRole("form", { name: a.title }).waitFor({ state: "detached" });
    await citizen.getByRole("button", { name: progressKo.submit }).click();
    await citizen
      .getByTestId("public-stage")
      .filter({ hasText: new RegExp(`^(${progressKo.stages.answered}|${progressKo.stages.closed})$`) })
      .waitFor();
  });

  step("J1: a disclosure request received on the Korean form", async () => {
    const f = disclosureKo.form;
    await staff.goto(`${env.baseUrl}/disclosure/new`);
    const form = staff.getByRole("form", { name: f.KR });
    await form.waitFor();
    await labelled(form, f.channel, MARK).selectOption("visit");
    await labelled(form, f.name, MARK).fill(disclosure.name);
    // KR form: 생년월일 or 사업자등록번호 (core/src/disclosure/fields.ts).
    await labelled(form, f.birthDate, MARK).fill("1980-05-17");
    await labelled(form, f.address, MARK).fill("한빛시 시청로 10 (가상 주소)");
    await labelled(form, f.phone, MARK).fill("010-0000-4321");
    await labelled(form, f.content, MARK).fill("2024년 한빛천 정비사업 주민설명회 회의록");
    await labelled(form, disclosureKo.method.electronic, MARK).check();
    await labelled(form, f.receiptWay, MARK).selectOption("online");
    await form.getByRole("button", { name: f.submit }).click();
    await staff.waitForURL(/\/disclosure\/[0-9a-f-]{36}$/);
    disclosure.id = new URL(staff.url()).pathname.split("/").pop() as string;
    const h1 = await caseTitle();
    disclosure.number = h1.split(" · ")[0];
    assert.ok(disclosure.number, h1);
    // The requester's access code for the portal, shown once.
    const d = disclosureKo.detail;
    await staff.getByRole("button", { name: d.issueCode }).click();
    const prefix = d.codeShown.replace("{{code}}", "");
    const status = staff.getByRole("status").filter({ hasText: prefix }).first();
    await status.waitFor();
    disclosure.accessCode = ((await status.textContent()) ?? "").split(prefix)[1]?.trim() ?? "";
    assert.ok(disclosure.accessCode, "an access code");
  });

  step("J1: decided partially, citing ground 9①6, and the requester notified", async () => {
    const dc = disclosureKo.decision;
    await staff.getByRole("tab", { name: disclosureKo.detail.tab.decision }).click();
    const form = staff.getByRole("form", { name: dc.title });
    await labelled(form, dc.outcome, MARK).selectOption("partial");
    await form.getByLabel(new RegExp(GROUND_SHORT)).check();
    await labelled(form, dc.note, MARK).fill("참석자 개인 연락처는 가리고 공개");
    await form.getByRole("button", { name: dc.submit }).click();
    await said(dc.done);
    await staff
      .getByRole("heading", { level: 1 })
      .filter({ hasText: disclosureKo.outcome.partial })
      .waitFor();
    await staff.getByRole("listitem").filter({ hasText: GROUND_SHORT }).first().waitFor();
    const notify = staff.getByRole("form", { name: dc.notify });
    await notify.getByRole("button", { name: dc.notify }).click();
    await said(dc.notifyDone);
    // The remedy periods start at notice: 이의신청 with its due date.
    await staff
      .getByRole("listitem")
      .filter({ hasText: disclosureKo.remedy.code.objection })
      .first()
      .waitFor();
  });

  step("J1: the requester sees the decision on the status page in Korean words", async () => {
    await citizen.goto(`${env.baseUrl}/portal/${AGENCY}/requests/status`);
    await citizen.locator('input[name="receiptNumber"]').fill(disclosure.number);
    await citizen.locator('input[name="accessCode"]').fill(disclosure.accessCode);
    await citizen.getByRole("button", { name: portalReqKo.status.submit }).click();
    await citizen.getByTestId("portal-progress").waitFor();
    const text = await bodyText(citizen);
    assert.ok(text.includes(disclosure.number));
    assert.doesNotMatch(text, ISO, "no ISO timestamp");
    assert.doesNotMatch(text, SNAKE, "no snake_case code");
  });

  step("J2/J3: the records register lists the demo records", async () => {
    await staff.goto(`${env.baseUrl}/records/list`);
    await staff.getByRole("heading", { level: 1, name: recordsKo.page.list }).waitFor();
    const rows = staff.locator("table.table tbody tr");
    await rows.first().waitFor();
    // records-seed.ts: 13 records of hanbit-city, among them the series HB-CIV (민원 처리 서류철).
    assert.equal(await rows.count(), 13);
    assert.ok(!(await mainText(staff)).includes(portalKo.comingSoon), "a real screen, not coming soon");
  });

  step("K2-K9: the statistics page prints the tables with this year's petitions counted", async () => {
    await staff.goto(`${env.baseUrl}/statistics`);
    await staff.getByRole("heading", { level: 1, name: statisticsKo.title }).waitFor();
    await staff.locator(".stat-table table").first().waitFor();
    assert.ok((await staff.locator(".stat-table").count()) >= 5, "the chapter's tables");
    const cells = await staff.locator(".stat-table td.num").allTextContents();
    assert.ok(
      cells.some((c) => Number(c.replace(/[^0-9]/g, "")) > 0),
      "some count is not zero (the demo petitions and the one filed here)",
    );
    assert.ok(!(await mainText(staff)).includes(portalKo.comingSoon), "a real screen, not coming soon");
  });

  step("I4/K9: the compensation register records an entry and lists it", async () => {
    const c = civilKo.comp;
    await staff.goto(`${env.baseUrl}/civil/compensation`);
    await staff.getByRole("heading", { level: 1, name: c.title }).waitFor();
    await staff.getByRole("button", { name: c.new }).click();
    const form = staff.getByRole("form", { name: c.new });
    await labelled(form, c.occurredOn, MARK).fill("2025-03-04");
    await labelled(form, c.description, MARK).fill("등본 발급 수수료를 두 번 받음");
    await labelled(form, c.lossType, MARK).selectOption({ index: 1 });
    await labelled(form, c.amount, MARK).fill("1200");
    await form.getByRole("button", { name: civilKo.common.save }).click();
    await said(c.recorded);
    const row = staff.locator("table.table tbody tr").filter({ hasText: c.statuses.recorded });
    await row.first().waitFor();
    assert.ok(!(await mainText(staff)).includes(portalKo.comingSoon), "a real screen, not coming soon");
  });

  step("no script errors or CSP violations on the staff and portal pages", () => {
    assert.deepEqual(staffErrors, []);
    assert.deepEqual(citizenErrors, []);
  });
});
