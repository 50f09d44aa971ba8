import type { Role } from "@civicpims/core/auth/index";
import { type LetterKind, letterKindsFor, sampleLetterData } from "@civicpims/core/letters/index";
import { registryLists } from "@civicpims/core/registry/lists";
import { multipart } from "../modules/cases/multipart.test-helper";
import { fixturePdf } from "../modules/redaction/test-fixture";
import { krFile, twFile } from "../modules/registry/test-helpers";
import type { TestApp } from "./app";

/**
 * Fills one test agency with one record of every kind the services create, through the HTTP API
 * (so the rows are what real use produces), every free-text field carrying `mark`. Used by the
 * isolation canary test: agency B gets a unique canary mark, agency A its own harmless mark.
 */
export async function populateAgency(t: TestApp, who: "a" | "b", mark: string): Promise<void> {
  const ag = who === "a" ? t.a : t.b;
  const kr = who === "a";
  const lower = mark.toLowerCase();
  const call = async (role: Role, method: string, url: string, payload?: unknown, extra = {}) => {
    const res = await t.inject({
      method: method as "POST",
      url,
      payload: payload as object,
      headers: { ...(await t.as(role, who)), ...extra },
    });
    if (res.statusCode >= 300)
      throw new Error(`populate ${who}: ${method} ${url} -> ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const upload = (role: Role, url: string, filename: string, content: Buffer | string, fields = {}) => {
    const m = multipart({ filename, content }, fields);
    return call(role, "POST", url, m.payload, m.headers);
  };
  const PO: Role = "privacy_officer";
  const SA: Role = "system_admin";

  // Organisation (A2, A10, A12)
  const unit = await call(SA, "POST", "/api/org/units", {
    code: `u-${lower}`.slice(0, 30),
    nameLocal: `${mark} unit`,
    nameEn: `${mark} unit en`,
    headName: `${mark} head`,
    phone: "02-0000-0000",
  });
  await call(SA, "POST", "/api/org/staff", {
    username: `${lower}.staff`,
    displayName: `${mark} staff`,
    unitId: unit.id,
    position: `${mark} position`,
    email: `${lower}@example.org`,
    password: "Handler#2026!x",
  });
  const committee = await call(SA, "POST", "/api/org/committees", {
    kind: "other",
    nameLocal: `${mark} committee`,
    mandate: `${mark} mandate`,
  });
  await call(SA, "POST", `/api/org/committees/${committee.id}/members`, {
    externalName: `${mark} member`,
    position: "member",
  });
  // Calendar (C7)
  await call(SA, "POST", "/api/calendar/overrides", {
    kind: "closure",
    dateFrom: "2030-01-07",
    reason: `${mark} closure`,
    scopeNote: `${mark} scope`,
  });

  // Register (B, G)
  const fileBody = kr ? krFile(ag.unitId) : twFile(ag.unitId);
  const file = await call(PO, "POST", "/api/registry/files", { ...fileBody, name: `${mark} file` });
  const sys = await call(PO, "POST", "/api/registry/systems", { name: `${mark} system` });
  await call(PO, "POST", `/api/registry/files/${file.id}/flows`, {
    direction: "in",
    counterpart: `${mark} counterpart`,
    systemId: sys.id,
  });
  await call(PO, "POST", "/api/registry/provisions", {
    fileId: file.id,
    recipient: `${mark} recipient`,
    legalGroundCode: kr ? "art18-2-2" : "art16-1",
    purpose: `${mark} purpose`,
    kind: "one_off",
    outOfPurpose: true,
  });
  const ent = await call(PO, "POST", "/api/registry/entrustments", {
    vendor: `${mark} vendor`,
    tasks: `${mark} tasks`,
    fileIds: [file.id],
  });
  await call(PO, "POST", `/api/registry/entrustments/${ent.id}/supervisions`, {
    inspectedOn: "2026-01-05",
    inspector: `${mark} inspector`,
    findings: `${mark} findings`,
    actions: [{ action: `${mark} action`, dueOn: "2026-02-01" }],
  });
  await call(PO, "POST", `/api/registry/entrustments/${ent.id}/vendor-staff`, {
    name: `${mark} vendorstaff`,
  });
  await upload(
    PO,
    `/api/registry/entrustments/${ent.id}/evidence`,
    `${lower}.pdf`,
    `%PDF-1.4\n% ${mark} evidence\n%%EOF\n`,
    { kind: "affidavit" },
  );
  await call(PO, "POST", "/api/registry/devices", {
    name: `${mark} cctv`,
    location: `${mark} lobby`,
    purpose: `${mark} safety`,
    count: 1,
    recordingHours: "24",
    retentionDays: 30,
  });
  // The agency's own rule-pack factors (KR and TW assess different ones): input data, not an expectation.
  const scores = Object.fromEntries(registryLists(kr ? "KR" : "TW").riskFactors.map((f) => [f.code, 3]));

  await call(PO, "POST", `/api/registry/files/${file.id}/risk-assessments`, {
    scores,
    assessedOn: "2026-01-10",
    controls: `${mark} controls`,
  });
  // B2: an agency-local code list entry
  const lists = (await call(PO, "GET", "/api/registry/local-codes")).items as Array<{
    catalogueId: string;
    listIds: string[];
  }>;
  const bases = lists.find((l) => l.listIds.includes("legalBases"));
  if (!bases) throw new Error("populate: no legalBases local code list");
  await call(PO, "PUT", `/api/registry/local-codes/${bases.catalogueId}`, {
    entries: [
      {
        code: `local-${lower}`,
        names: { ko: `${mark} 조례`, "zh-TW": `${mark} 自治條例`, en: `${mark} ordinance` },
      },
    ],
    reason: `${mark} reason`,
    version: 0,
  });
  await call(PO, "POST", "/api/registry/campaigns", { title: `${mark} campaign`, dueOn: "2026-12-31" });

  // Rights requests on the case engine (C), with notes, an attachment, a remedy request past its
  // date (C6: the overdue dashboard's remedyExpired list) and a letter (PDF).
  const request = async () =>
    (
      await call(PO, "POST", "/api/requests", {
        kind: kr ? "access" : "copy",
        channel: "email",
        requesterType: "self",
        requester: { name: `${mark} requester`, email: `${lower}@example.org`, phone: "010-0000-0000" },
        content: `${mark} content`,
        unitId: ag.unitId,
      })
    ).case as { id: string };
  const c1 = await request();
  await call(PO, "POST", `/api/cases/${c1.id}/notes`, { body: `${mark} note` });
  const att = await upload(PO, `/api/cases/${c1.id}/attachments`, `${lower}.txt`, `${mark} attachment`, {
    kind: "evidence",
  });
  // Partial disclosure (J1): a redaction record of that attachment, and an archive entry with a canary
  // title (the agency opts in; its public archive is public by design, its staff routes are not).
  await call(PO, "POST", `/api/cases/${c1.id}/attachments/${att.id}/redactions`);
  const pdfAtt = await upload(
    PO,
    `/api/cases/${c1.id}/attachments`,
    `${lower}.pdf`,
    await fixturePdf([`${mark} pdf`]),
    {
      kind: "evidence",
    },
  );
  await call(PO, "POST", `/api/cases/${c1.id}/attachments/${pdfAtt.id}/redactions`);
  await call(PO, "PUT", "/api/archive/settings", { enabled: true });
  await upload(
    PO,
    "/api/archive/upload",
    `${lower}-archive.pdf`,
    await fixturePdf([`${mark} archive document`]),
    {
      title: `${mark} archive title`,
      summary: `${mark} archive summary`,
      documentDate: "2025-04-01",
    },
  );
  const kind = letterKindsFor(kr ? "KR" : "TW")[0] as LetterKind;
  const data = sampleLetterData(kr ? "KR" : "TW", kind);
  await call(PO, "POST", "/api/letters", {
    caseId: c1.id,
    kind,
    locale: kr ? "ko" : "zh-TW",
    data: { ...data, recipient: { name: `${mark} recipient`, address: `${mark} address` } },
  });
  const c2 = await request();
  await call(PO, "POST", `/api/requests/${c2.id}/completion-notice`, {
    missing: `${mark} missing`,
    fixBy: "2099-01-01",
  });
  await t.tdb.query(
    "UPDATE case_pauses SET requester_deadline = now() - interval '1 day' WHERE case_id = $1",
    [c2.id],
  );

  // PII review document (J)
  const PDFKit = (await import("pdfkit")).default;
  const d = new PDFKit({ info: { Title: `${mark} title` } });
  const chunks: Buffer[] = [];
  d.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => d.on("end", r));
  d.text(`${mark} pdf document`);
  d.end();
  await done;
  await upload(PO, "/api/pii/documents", `${lower}.pdf`, Buffer.concat(chunks));
  await upload(PO, "/api/pii/documents", `${lower}.txt`, `${mark} document\n주민등록번호 960121-1021413\n`);
}
