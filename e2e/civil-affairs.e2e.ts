import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe } from "node:test";
import * as mupdf from "mupdf";
import PDFDocument from "pdfkit";
import type { Page } from "playwright-core";
import ko from "../web/src/i18n/ko.json";
import casesKo from "../web/src/modules/cases/i18n/ko.json";
import civilKo from "../web/src/modules/civil/i18n/ko.json";
import disclosureKo from "../web/src/modules/disclosure/i18n/ko.json";
import petitionsKo from "../web/src/modules/petitions/i18n/ko.json";
import portalArchiveKo from "../web/src/modules/portal/archive/i18n/ko.json";
import portalDisclosureKo from "../web/src/modules/portal/disclosure/i18n/ko.json";
import portalKo from "../web/src/modules/portal/i18n/ko.json";
import portalPetitionsKo from "../web/src/modules/portal/petitions/i18n/ko.json";
import progressKo from "../web/src/modules/portal/progress/i18n/ko.json";
import portalReqKo from "../web/src/modules/portal/requests/i18n/ko.json";
import recordsKo from "../web/src/modules/records/i18n/ko.json";
import redactionKo from "../web/src/modules/redaction/i18n/ko.json";
import statisticsKo from "../web/src/modules/statistics/i18n/ko.json";
import { env, flowSteps, labelled, launch, mailedCode, passSecondFactor, watchErrors } from "./support";

/**
 * Issue 12 "Done when" (I1, I3, J1, K2-K9): on the Korean demo city a citizen files a petition and an
 * information disclosure request on the portal (form, the code e-mailed to them, receipt number + access
 * code). Staff (the privacy officer, second factor enrolled) assign the petition, transfer it to another unit
 * (the clock goes on) and answer it; the citizen sees its stage, unit and due date on the status page in
 * Korean and its stage and unit, nothing else, on the public progress search by receipt number alone. The
 * disclosure request is decided partially, citing the ground 9①6, and followed on the status page. The
 * staff disclosure form says which of 생년월일 / 사업자등록번호 is needed. The records register, the
 * statistics tables and the compensation register show real data; the new portal pages pass axe-core.
 */

const AGENCY = "hanbit-city";
const OFFICER = "po.kim";
const CHOSEN_HANDLER = "이관리"; // pm.lee (server/src/demo/demo-data.ts)
const SECOND_UNIT = "복지정책과"; // welfare
const GROUND_SHORT = "9①6"; // KR disclosureGrounds: the short citation of Art. 9(1) item 6
const MARK = ko.form.requiredMark;

const ISO = /\d{4}-\d{2}-\d{2}T/;
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/;
/** Fictional person and an RRN with a hand-checked check digit (server/src/modules/redaction/test-fixture.ts). */
const FICTIONAL_NAME = "홍길동";
const RRN = "960121-1021413";
const GROUND_CODE = "art9-1-6";
const SOURCE_FILE = "hanbit-briefing-minutes.pdf";
const RELEASED_FILE = "hanbit-briefing-minutes-released.pdf";
const require = createRequire(import.meta.url);
const FONT_KR = require.resolve("@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf");

/** The meeting minutes the disclosure request asks for: one page naming an attendee with their RRN. */
async function minutesPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", info: { Title: "minutes", Producer: "e2e", Creator: "e2e" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on("end", () => r()));
  doc.font(FONT_KR).fontSize(12);
  const lines = [
    "2024년 한빛천 정비사업 주민설명회 회의록",
    `참석자 성명: ${FICTIONAL_NAME}`,
    `주민등록번호: ${RRN}`,
    "정비사업 일정과 산책로 공사 구간을 설명하였습니다.",
  ];
  let y = 80;
  for (const l of lines) {
    doc.text(l, 72, y);
    y += 24;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let text = "";
  for (let i = 0; i < doc.countPages(); i++)
    text += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return text;
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

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
  const tag = randomBytes(3).toString("hex");
  const petition = {
    id: "",
    number: "",
    accessCode: "",
    name: `김민원${tag.slice(0, 4)}`,
    email: `petition.${tag}@example.kr`,
  };
  const disclosure = { id: "", number: "", accessCode: "", name: "정공개", email: `foi.${tag}@example.kr` };

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

  /** The case id of a receipt number, through the signed-in staff page. */
  async function caseIdOf(number: string): Promise<string> {
    const id = await staff.evaluate(async (n) => {
      const r = (await (await fetch(`/api/cases?q=${encodeURIComponent(n)}`)).json()) as {
        items: Array<{ id: string; number: string }>;
      };
      return r.items.find((c) => c.number === n)?.id ?? null;
    }, number);
    assert.ok(id, `a case numbered ${number}`);
    return id;
  }

  /** The portal's code step: the code e-mailed to `email` (read from the outbox), then the receipt. */
  async function confirmMailedCode(email: string): Promise<{ number: string; accessCode: string }> {
    const code = await mailedCode(staff, email);
    const form = citizen.getByRole("form", { name: portalReqKo.code.title });
    await labelled(form, portalReqKo.code.label, MARK).fill(code);
    await form.getByRole("button", { name: portalReqKo.code.confirm }).click();
    await citizen.getByTestId("portal-receipt").waitFor();
    const number = ((await citizen.getByTestId("receipt-number").textContent()) ?? "").trim();
    const accessCode = ((await citizen.getByTestId("access-code").textContent()) ?? "").trim();
    assert.ok(number && accessCode, "receipt number and access code shown");
    assert.doesNotMatch(await bodyText(citizen), ISO);
    return { number, accessCode };
  }

  /** The status page (receipt number + access code) of `c`, its progress card's text. */
  async function statusOf(c: { number: string; accessCode: string }): Promise<string> {
    await citizen.goto(`${env.baseUrl}/portal/${AGENCY}/requests/status`);
    const form = citizen.getByRole("form", { name: portalReqKo.status.title });
    await labelled(form, portalReqKo.receipt.number, MARK).fill(c.number);
    await labelled(form, portalReqKo.receipt.accessCode, MARK).fill(c.accessCode);
    await form.getByRole("button", { name: portalReqKo.status.submit }).click();
    const card = citizen.getByTestId("portal-progress");
    await card.waitFor();
    return card.innerText();
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

  step("I1: a citizen files a petition on the portal and gets a receipt number and access code", async () => {
    const pp = portalPetitionsKo;
    await citizen.goto(`${env.baseUrl}/portal/${AGENCY}/petitions`);
    const form = citizen.getByRole("form", { name: pp.title });
    await form.waitFor();
    await labelled(form, pp.type, MARK).selectOption("proposal");
    await labelled(form, pp.subject, MARK).fill("한빛천 산책로 가로등 설치 건의");
    await labelled(form, pp.content, MARK).fill("한빛천 산책로 2구간에 가로등이 없어 밤에 어둡습니다.");
    await labelled(form, pp.name, MARK).fill(petition.name);
    await labelled(form, pp.email, MARK).fill(petition.email);
    await form.locator('input[name="consent"]').check();
    assert.deepEqual(await axeViolations(citizen), []);
    await form.getByRole("button", { name: pp.submit }).click();
    const r = await confirmMailedCode(petition.email);
    petition.number = r.number;
    petition.accessCode = r.accessCode;
    petition.id = await caseIdOf(petition.number);
    await staff.goto(`${env.baseUrl}/petitions/${petition.id}`);
    assert.equal((await caseTitle()).split(" · ")[0], petition.number);
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
    "I3: the citizen sees the stage, the new unit and the due date on the status page in Korean",
    async () => {
      const text = await statusOf(petition);
      assert.ok(text.includes(petition.number));
      assert.ok(text.includes(SECOND_UNIT), `the unit in "${text}"`);
      const stage = ((await citizen.getByTestId("portal-stage").textContent()) ?? "").trim();
      assert.ok([progressKo.stages.received, progressKo.stages.in_progress].includes(stage), stage);
      assert.ok(text.includes(progressKo.due), `"${progressKo.due}" in "${text}"`);
      // The due date in Korean words (e.g. 3월 4일(수)), never an ISO timestamp or an internal code.
      assert.match(text, new RegExp(`${progressKo.due}\\n(\\d{4}년 )?\\d{1,2}월 \\d{1,2}일`));
      assert.doesNotMatch(text, ISO);
      assert.doesNotMatch(text, SNAKE);
    },
  );

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

  step("J1: the staff disclosure form says that 생년월일 or 사업자등록번호 is needed", async () => {
    const f = disclosureKo.form;
    await staff.goto(`${env.baseUrl}/disclosure/new`);
    const form = staff.getByRole("form", { name: f.KR });
    await form.waitFor();
    await labelled(form, f.channel, MARK).selectOption("visit");
    await labelled(form, f.name, MARK).fill(disclosure.name);
    await labelled(form, f.address, MARK).fill("한빛시 시청로 10 (가상 주소)");
    await labelled(form, f.phone, MARK).fill("010-0000-4321");
    await labelled(form, f.content, MARK).fill("2024년 한빛천 정비사업 주민설명회 회의록");
    await labelled(form, disclosureKo.method.electronic, MARK).check();
    await labelled(form, f.receiptWay, MARK).selectOption("online");
    await form.getByRole("button", { name: f.submit }).click();
    // Both fields say it, beside themselves; nothing was sent (still on the form).
    await form.locator(".field-error", { hasText: f.identityRequired }).first().waitFor();
    assert.equal(await form.locator(".field-error", { hasText: f.identityRequired }).count(), 2);
    assert.equal(await labelled(form, f.birthDate, MARK).getAttribute("aria-invalid"), "true");
    assert.ok(new URL(staff.url()).pathname.endsWith("/disclosure/new"));
  });

  step("J1: a citizen files a disclosure request on the portal's Korean form", async () => {
    const pd = portalDisclosureKo;
    const services = (await (
      await fetch(`${env.baseUrl}/api/portal/agencies/${AGENCY}/services`)
    ).json()) as { kinds: Array<{ kind: string; fields: Array<{ name: string; label: { ko: string } }> }> };
    const fields = services.kinds.find((k) => k.kind === "disclosure")?.fields ?? [];
    const label = (name: string) => fields.find((x) => x.name === name)?.label.ko as string;
    await citizen.goto(`${env.baseUrl}/portal/${AGENCY}/disclosure`);
    const form = citizen.getByRole("form", { name: pd.title.KR });
    await form.waitFor();
    await labelled(form, label("requester.name"), MARK).fill(disclosure.name);
    await labelled(form, label("requester.address"), MARK).fill("한빛시 시청로 10 (가상 주소)");
    await labelled(form, label("requester.phone"), MARK).fill("010-0000-4321");
    await labelled(form, label("requester.email"), MARK).fill(disclosure.email);
    await labelled(form, label("content"), MARK).fill("2024년 한빛천 정비사업 주민설명회 회의록");
    await labelled(form, disclosureKo.method.electronic).check();
    await labelled(form, label("receipt"), MARK).selectOption("online");
    await form.locator('input[name="consent"]').check();
    // Neither birth date nor business number: the form says which field is needed before sending.
    await form.getByRole("button", { name: pd.submit }).click();
    await form.locator(".field-error", { hasText: pd.identityRequired }).first().waitFor();
    assert.deepEqual(await axeViolations(citizen), []);
    await labelled(form, label("requester.birthDate"), MARK).fill("1980-05-17");
    await form.getByRole("button", { name: pd.submit }).click();
    const r = await confirmMailedCode(disclosure.email);
    disclosure.number = r.number;
    disclosure.accessCode = r.accessCode;
    assert.match(disclosure.number, /^DS-\d{4}-\d{6}$/);
    disclosure.id = await caseIdOf(disclosure.number);
    await staff.goto(`${env.baseUrl}/disclosure/${disclosure.id}`);
    assert.equal((await caseTitle()).split(" · ")[0], disclosure.number);
  });

  step("J1: staff attach the minutes (a PDF with a name and an RRN) on the files tab", async () => {
    const at = casesKo.attachments;
    await staff.goto(`${env.baseUrl}/disclosure/${disclosure.id}?tab=files`);
    const form = staff.getByRole("form", { name: at.add });
    await form.getByLabel(at.file, { exact: true }).setInputFiles({
      name: SOURCE_FILE,
      mimeType: "application/pdf",
      buffer: await minutesPdf(),
    });
    await form.getByRole("button", { name: at.add }).click();
    await staff.getByTestId("case-attachments").getByRole("link", { name: SOURCE_FILE }).waitFor();
  });

  step("J1: the RRN proposal is blacked out citing 9①6 and the redacted file released", async () => {
    const rd = redactionKo;
    await staff
      .getByRole("listitem")
      .filter({ hasText: SOURCE_FILE })
      .getByRole("link", { name: disclosureKo.files.redact })
      .click();
    await staff.getByRole("button", { name: rd.start }).click();
    const rows = staff.locator("table.pii-findings tbody tr");
    await rows.first().waitFor();
    const n = await rows.count();
    assert.ok(n >= 1, "the engine proposes the RRN");
    assert.ok(!(await bodyText(staff)).includes(RRN), "proposals are masked on screen");
    // Every proposal (the RRN, and the name if the engine finds it) is blacked out with the ground 9①6.
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      await row.getByLabel(rd.accept, { exact: true }).check();
      await row.getByRole("combobox").selectOption(GROUND_CODE);
    }
    await staff.getByRole("button", { name: rd.release, exact: true }).click();
    await staff.getByRole("status").filter({ hasText: rd.released }).first().waitFor();
    await staff.getByText(rd.groundsUsed.replace("{{grounds}}", GROUND_SHORT)).waitFor();
  });

  step(
    "J1: decided partially, citing ground 9①6, releasing the redacted file; the requester notified",
    async () => {
      const dc = disclosureKo.decision;
      await staff.goto(`${env.baseUrl}/disclosure/${disclosure.id}?tab=decision`);
      const form = staff.getByRole("form", { name: dc.title });
      await labelled(form, dc.outcome, MARK).selectOption("partial");
      await form.getByLabel(new RegExp(GROUND_SHORT)).check();
      await form.getByLabel(RELEASED_FILE, { exact: true }).check();
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
    },
  );

  step("J1: the requester sees the decision on the status page in Korean words", async () => {
    const text = await statusOf(disclosure);
    assert.ok(text.includes(disclosure.number));
    assert.ok(text.includes(disclosureKo.outcome.partial) || text.includes(portalReqKo.status.letters), text);
    assert.doesNotMatch(text, ISO, "no ISO timestamp");
    assert.doesNotMatch(text, SNAKE, "no snake_case code");
  });

  step("J1: the requester downloads the released file: 9①6 printed, the RRN gone", async () => {
    await statusOf(disclosure);
    const docs = citizen.getByTestId("portal-documents");
    const item = docs.getByRole("listitem").filter({ hasText: RELEASED_FILE });
    await item.waitFor();
    const [res] = await Promise.all([
      citizen.waitForResponse(
        (r) => r.url().includes("/api/portal/files/") && r.request().method() === "POST",
      ),
      item.getByRole("button").click(),
    ]);
    assert.equal(res.status(), 200);
    // The bytes as the citizen's browser gets them (the page turns them into a download).
    const b64 = await citizen.evaluate(
      async ({ url, body }) => {
        const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        const bytes = new Uint8Array(await r.arrayBuffer());
        let s = "";
        for (const b of bytes) s += String.fromCharCode(b);
        return btoa(s);
      },
      { url: new URL(res.url()).pathname, body: res.request().postData() ?? "" },
    );
    const pdf = Buffer.from(b64, "base64");
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    const text = pdfText(pdf);
    // mupdf maps the circled digit to U+2460 or the dingbat U+2780 (labels.test.ts).
    assert.ok(text.includes("9①6") || text.includes("9➀6"), `the ground label in "${text}"`);
    assert.ok(!text.includes(RRN), "the RRN is not in the released file");
    assert.ok(!text.replace(/\s+/g, "").includes(RRN), "nor split across lines");
  });

  step("J1/J3: staff publish the released file to the archive; the portal archive finds it", async () => {
    const ar = disclosureKo.archive;
    const title = `한빛천 정비사업 주민설명회 회의록 ${tag}`;
    await staff.goto(`${env.baseUrl}/disclosure/archive`);
    const form = staff.getByRole("form", { name: ar.fromCase });
    await form.getByLabel(ar.caseNumber, { exact: true }).fill(disclosure.number);
    const select = labelled(form, ar.releasedFile, MARK);
    const option = select.locator("option", { hasText: RELEASED_FILE });
    await option.waitFor({ state: "attached" });
    await select.selectOption((await option.getAttribute("value")) as string);
    await labelled(form, ar.title_, MARK).fill(title);
    await labelled(form, ar.summary, MARK).fill("주민설명회 회의록 (개인정보 가림 처리본)");
    await labelled(form, ar.documentDate, MARK).fill("2024-05-20");
    await form.getByRole("button", { name: ar.publish }).click();
    await staff.locator("table tbody tr").filter({ hasText: title }).first().waitFor();
    const pa = portalArchiveKo;
    await citizen.goto(`${env.baseUrl}/portal/${AGENCY}/archive`);
    await citizen.getByLabel(pa.search, { exact: true }).fill(tag);
    await citizen.getByRole("button", { name: pa.submit, exact: true }).click();
    const list = citizen.getByTestId("portal-archive");
    await list.getByText(title).first().waitFor();
  });

  step("J2/J3: the records register lists the demo records", async () => {
    await staff.goto(`${env.baseUrl}/records/list`);
    await staff.getByRole("heading", { level: 1, name: recordsKo.page.list }).waitFor();
    const rows = staff.locator("table.table tbody tr");
    await rows.first().waitFor();
    // records-seed.ts: 13 records of hanbit-city, among them the series HB-CIV (민원 처리 서류철), and
    // retention-seed.ts: 2 more awaiting disposal approval (HB-VIS-003, HB-VIS-004).
    assert.equal(await rows.count(), 15, (await rows.allInnerTexts()).join("\n"));
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
