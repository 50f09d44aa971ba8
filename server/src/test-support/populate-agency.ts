import type { Role } from "@civicpims/core/auth/index";
import { type LetterKind, letterKindsFor, sampleLetterData } from "@civicpims/core/letters/index";
import { registryLists } from "@civicpims/core/registry/lists";
import { appendLedger } from "../modules/audit/ledger.service";
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
  // A disclosure request (J1, J4) with a third party heard and a decision letter.
  const requester = { name: `${mark} discloser`, address: `${mark} address`, phone: "010-0000-0000" };
  const ds = await call(PO, "POST", "/api/disclosure", {
    form: kr ? "KR" : "TW",
    channel: "visit",
    requester: kr ? { ...requester, birthDate: "1980-01-01" } : { ...requester, idNumber: "A123456789" },
    content: `${mark} disclosure content`,
    methods: ["copy"],
    receipt: "post",
    ...(kr ? {} : { itemCount: 1, purpose: `${mark} purpose` }),
  });
  const dsParty = await call(PO, "POST", `/api/disclosure/${ds.case.id}/third-parties`, {
    name: `${mark} third party`,
    contact: `${mark} contact`,
  });
  await call(
    PO,
    "POST",
    `/api/disclosure/${ds.case.id}/third-parties/${dsParty.thirdParties[0].id}/opinion`,
    {
      opinion: "object",
      note: `${mark} opinion`,
    },
  );
  await call(PO, "POST", `/api/disclosure/${ds.case.id}/decision`, {
    outcome: "partial",
    groundCodes: [kr ? "art9-1-6" : "art18-1-6"],
    note: `${mark} decision note`,
  });
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

  // Records management (J2, J3, J5): series, record, transfer, review, inventory, settings
  const RM: Role = "records_manager";
  await call(SA, "PUT", "/api/records/settings", {
    recordsUnitId: unit.id,
    archiveName: `${mark} archive`,
    holdingYears: 2,
    keepAtUnit: [],
  });
  const series = await call(RM, "POST", "/api/records/series", {
    unitId: unit.id,
    code: `s-${lower}`.slice(0, 30),
    title: `${mark} series`,
    classificationCode: `${mark}`.slice(0, 60),
    retentionClass: "5y",
    mediumDefault: "paper_volume",
  });
  const rec = await call(RM, "POST", "/api/records/items", {
    seriesId: series.id,
    refNo: `r-${lower}`.slice(0, 30),
    title: `${mark} record`,
    producedOn: "2003-03-01",
    closedOn: "2003-05-10",
    location: `${mark} shelf`,
  });
  const rec2 = await call(RM, "POST", "/api/records/items", {
    seriesId: series.id,
    refNo: `r2-${lower}`.slice(0, 30),
    title: `${mark} record two`,
    producedOn: "2003-03-01",
    closedOn: "2003-05-10",
  });
  await call(RM, "POST", "/api/records/transfers", {
    recordIds: [rec2.id],
    transferredOn: "2006-01-02",
    archiveLocation: `${mark} archive shelf`,
    note: `${mark} transfer note`,
  });
  await call(RM, "POST", "/api/records/reviews", {
    recordId: rec.id,
    decision: "keep",
    reason: `${mark} review reason`,
  });
  await call(RM, "POST", "/api/records/inventory-checks", {
    checkedOn: "2004-01-15",
    counts: [{ seriesId: series.id, counted: 3 }],
    foundRefNos: [`r-${lower}`.slice(0, 30), `${mark}-found`.slice(0, 60)],
    note: `${mark} inventory note`,
  });

  // Retention (issue 13, D2-D8): a record reviewed for destruction, swept into a plan, approved (TW after the
  // assessment), executed with its certificate; a separate-storage hold with the mark in reason and place.
  const rec3 = await call(RM, "POST", "/api/records/items", {
    seriesId: series.id,
    refNo: `r3-${lower}`.slice(0, 30),
    title: `${mark} record three`,
    producedOn: "2003-03-01",
    closedOn: "2003-05-10",
  });
  const review3 = await call("handler", "POST", "/api/records/reviews", {
    recordId: rec3.id,
    decision: "destroy",
    reason: `${mark} destroy reason`,
  });
  await call(RM, "POST", `/api/records/reviews/${review3.id}/approve`, {});
  const swept = await call(RM, "POST", "/api/retention/sweep", {});
  const destroyPlan = swept.plans[0];
  await call("privacy_manager", "POST", `/api/retention/plans/${destroyPlan.id}/submit`, {
    methodCode: kr ? "overwrite" : "irreversible_technical",
    reason: `${mark} plan reason`,
  });
  if (!kr) {
    await call("privacy_manager", "POST", `/api/retention/plans/${destroyPlan.id}/assess`, {
      assessment: `${mark} assessment`,
      holdingUnitId: unit.id,
    });
  }
  await call(PO, "POST", `/api/retention/plans/${destroyPlan.id}/approve`, { witness: `${mark} witness` });
  await call(RM, "POST", `/api/retention/plans/${destroyPlan.id}/execute`, {});
  await call(PO, "POST", "/api/retention/holds", {
    kind: "separate_storage",
    targetType: "record",
    targetId: rec.id,
    reason: `${mark} hold reason`,
    roles: ["privacy_officer", "privacy_manager", "auditor", "records_manager"],
    storageLocation: `${mark} separate store`,
    reviewOn: "2030-01-01",
  });

  // Civil affairs (I4, A17, I5, I7): a compensation linked to the request case, a resident monitor with a
  // report, a family-register filing with its applicant.
  const PC: Role = "petition_clerk";
  await call(PC, "POST", "/api/civil/compensation", {
    occurredOn: "2026-01-15",
    description: `${mark} compensation`,
    lossType: "economic",
    amount: 1000,
    currency: kr ? "KRW" : "TWD",
    caseId: c1.id,
    unitId: ag.unitId,
    payee: { name: `${mark} payee`, bank: `${mark} bank`, account: "0000-1111-2222" },
  });
  const monitor = await call(PC, "POST", "/api/civil/roster", {
    role: "monitor",
    person: { name: `${mark} monitor`, contact: "010-0000-0000" },
    validFrom: "2026-01-01",
    note: `${mark} roster note`,
  });
  await call(PC, "POST", `/api/civil/roster/${monitor.id}/reports`, {
    reportedOn: "2026-01-20",
    summary: `${mark} monitor report`,
  });
  await call(PC, "POST", "/api/civil/roster", {
    role: "guardian",
    staffId: ag.staffByRole.handler,
    validFrom: "2026-01-01",
    note: `${mark} guardian note`,
  });
  await call(PC, "POST", "/api/civil/family-register", {
    kind: "birth",
    filedOn: "2026-01-10",
    reference: `${mark} ref`.slice(0, 60),
    applicant: { name: `${mark} applicant` },
  });

  // Training (E12, E13): a session with canary topic, a vendor attendee and a vendor acknowledgement.
  const tsess = await call(PO, "POST", "/api/training/sessions", {
    heldOn: "2026-01-12",
    topic: `${mark} training topic`,
    kind: "privacy",
    trainer: `${mark} trainer`,
  });
  await call(PO, "POST", `/api/training/sessions/${tsess.id}/attendance`, {
    staffIds: [ag.staffByRole.handler],
    vendors: [{ name: `${mark} vendor`, company: `${mark} company` }],
  });
  await call(PO, "POST", "/api/training/acknowledgements", {
    role: "vendor_staff",
    vendor: { name: `${mark} vendor`, company: `${mark} company` },
    document: `${mark} directions`,
    version: "v1",
    acknowledgedOn: "2026-01-12",
  });

  // Petitions (I1, I5): KR agencies through the API; a TW agency has no 陳情 kind yet, so B's petition is
  // made by the same service with the KR clock (the canary needs its rows, not its rule pack).
  let petitionId: string;
  if (kr) {
    const pt = await call(PO, "POST", "/api/petitions/types", {
      code: `t_${lower.replace(/[^a-z0-9]/g, "")}`.slice(0, 60),
      group: "statutory",
      nameKo: `${mark} type`,
      nameZh: `${mark} type`,
      nameEn: `${mark} type`,
      periodDays: 7,
      citation: `${mark} citation`,
    });
    const pet = await call(PO, "POST", "/api/petitions", {
      typeCode: pt.code,
      channel: "counter",
      title: `${mark} petition title`,
      content: `${mark} petition content`,
      petitioner: {
        name: `${mark} petitioner`,
        email: `${lower}.pt@example.org`,
        address: `${mark} address`,
      },
    });
    await call(PO, "PUT", `/api/petitions/${pet.case.id}/guardian`, { staffId: ag.staffByRole.handler });
    petitionId = pet.case.id;
  } else {
    const { seedPetitionTypes } = await import("../modules/petitions/types.service");
    const svc = await import("../modules/petitions/petitions.service");
    const { agencyInfo } = await import("../modules/cases/case.service");
    petitionId = await t.deps.database.db.transaction(async (tx) => {
      await seedPetitionTypes(tx, ag.id);
      const agency = { ...(await agencyInfo(tx, ag.id)), jurisdiction: "KR" as const };
      const s = { tx, deps: t.deps, agency, actor: { id: null, label: "populate" }, audit: () => {} };
      const c = await svc.createPetition(
        s,
        {
          typeCode: "proposal",
          title: `${mark} petition title`,
          content: `${mark} petition content`,
          petitioner: {
            name: `${mark} petitioner`,
            email: `${lower}.pt@example.org`,
            address: `${mark} address`,
          },
        },
        // No 접수증: the TW pack has no petition letters.
        { channel: "counter", receivedAt: new Date(), locale: "zh-TW", receiptSlip: false },
      );
      await svc.assignGuardian(s, c.id, ag.staffByRole.handler);
      return c.id;
    });
  }
  // The petition's own read routes (/api/petitions/:id/attachments/:attachmentId) need a file on it.
  await upload(PO, `/api/cases/${petitionId}/attachments`, `${lower}-pt.txt`, `${mark} petition attachment`, {
    kind: "evidence",
  });

  // Incidents (F1-F6, A13): an incident on the file with a note, notice, recipient, evidence, action, contact.
  const incident = await call(PO, "POST", "/api/incidents", {
    title: `${mark} incident`,
    kind: "leak",
    automated: false,
    detectedAt: "2026-02-01T09:00:00Z",
    description: `${mark} incident description`,
    place: `${mark} place`,
    fileIds: [file.id],
    systemIds: [sys.id],
  });
  await call(PO, "POST", `/api/incidents/${incident.id}/notes`, { text: `${mark} incident note` });
  await call(PO, "PATCH", `/api/incidents/${incident.id}/checklist/cut_path`, {
    done: true,
    note: `${mark} step`,
  });
  await call(PO, "PUT", `/api/incidents/${incident.id}/notice`, {
    facts: `${mark} facts`,
    measures: `${mark} measures`,
    advice: `${mark} advice`,
    contact: `${mark} contact`,
    compensation: `${mark} compensation`,
  });
  await call(PO, "POST", `/api/incidents/${incident.id}/recipients`, {
    recipients: [
      { name: `${mark} subject`, email: `${lower}.subject@example.org` },
      { name: `${mark} post subject`, postalAddress: `${mark} post address 1` },
    ],
  });
  // The run makes the post subject's notice letter (downloadable from the delivery log).
  await call(PO, "POST", `/api/incidents/${incident.id}/notify`, {});
  await upload(PO, `/api/incidents/${incident.id}/evidence`, `${lower}-evidence.txt`, `${mark} evidence`);
  await call(PO, "POST", `/api/incidents/${incident.id}/actions`, {
    title: `${mark} action`,
    dueOn: "2026-04-01",
  });
  await call(PO, "PUT", `/api/incidents/${incident.id}/review`, { rootCause: `${mark} root cause` });
  await call(SA, "POST", "/api/incidents/contacts", {
    role: "support",
    person: { name: `${mark} contact person`, email: `${lower}.contact@example.org` },
  });

  // Access-log review (E3, E11): one export in January 2026 with the threshold lowered to 1 makes a
  // high finding; the month is signed off with the mark in the note and the explanation.
  await call(PO, "PUT", "/api/accountability/log-review-settings", { rules: { exports: { threshold: 1 } } });
  await t.deps.database.db.transaction((tx) =>
    appendLedger(
      tx,
      [
        {
          agencyId: ag.id,
          actorId: ag.staffByRole.handler,
          action: "registry.export",
          occurredAt: new Date("2026-01-14T02:00:00Z"),
        },
      ],
      t.deps.ledger,
    ),
  );
  await call(PO, "POST", "/api/accountability/log-reviews/2026-01/sign-off", {
    note: `${mark} review note`,
    dispositions: [
      { key: `exports:${ag.staffByRole.handler}`, kind: "explained", explanation: `${mark} explanation` },
    ],
  });

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
