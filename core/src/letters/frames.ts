// The frame of an official letter around its body: KR 공문서 (heading: agency, address, phone/fax, 문서번호,
// 시행일, 수신, 제목; closing: the head of agency, then the officer's contact) and the TW 函 (「機關　函」,
// address and 承辦人 block, 受文者, 發文日期, 發文字號, 速別, 密等, 附件, 主旨, 說明, 正本, 副本, then the head of
// agency's title and name). Each block says which required fields (required-fields.ts) it prints.
import type { ComposeInput } from "./compose";
import type { LetterLabels } from "./labels";
import type { LetterFieldId } from "./required-fields";
import type { LayoutBlock, LetterData, LetterTemplateText } from "./types";

/** Emits the body (paragraphs, tables, citation, remedy) between the frame's heading and closing. */
export type BodyBuilder = () => void;

export interface FrameContext {
  input: ComposeInput;
  data: LetterData;
  tpl: LetterTemplateText;
  L: LetterLabels;
  agencyName: string;
  issuedDate: string;
  vars: Record<string, string | undefined>;
  push: (b: LayoutBlock) => void;
  body: BodyBuilder;
}

const present = (...pairs: [LetterFieldId, unknown][]): LetterFieldId[] =>
  pairs.filter(([, v]) => Boolean(v)).map(([f]) => f);

const requestRows = (c: FrameContext) => {
  const rows: { label: string; value: string }[] = [];
  if (c.vars.requestNumber) rows.push({ label: c.L.requestNumber, value: c.vars.requestNumber });
  if (c.vars.receivedDate) rows.push({ label: c.L.receivedDate, value: c.vars.receivedDate });
  if (c.vars.requestKind) rows.push({ label: c.L.requestKind, value: c.vars.requestKind });
  return rows;
};

export function krFrame(c: FrameContext): void {
  const { input, data, tpl, L, agencyName, issuedDate, push } = c;
  const a = input.agency;
  const phoneLine = [a.phone && `${L.contact.phone} ${a.phone}`, a.fax && `${L.contact.fax} ${a.fax}`]
    .filter(Boolean)
    .join("  ");
  const webLine = [a.homepage, a.email].filter(Boolean).join("  ·  ");
  push({
    type: "letterhead",
    agencyName,
    lines: [a.address, phoneLine, webLine].filter((l): l is string => Boolean(l)),
    fields: present(["agency", agencyName], ["agencyAddress", a.address], ["agencyPhone", a.phone]),
  });
  push({ type: "title", text: tpl.title });
  const rows = [
    { label: L.number, value: input.number },
    { label: L.issuedDate, value: issuedDate },
    { label: L.recipient, value: `${data.recipient.name}${L.recipientSuffix}` },
  ];
  if (data.recipient.address) rows.push({ label: L.contact.address, value: data.recipient.address });
  rows.push(...requestRows(c), { label: L.subject, value: tpl.subject });
  push({ type: "fields", rows, fields: ["documentNumber", "issuedDate", "recipient", "subject"] });
  push({ type: "rule" });

  c.body();

  const head = data.signerTitle ?? a.headTitle ?? undefined;
  push({
    type: "signature",
    signer: head ?? agencyName,
    // "(직인생략)" is a Korean official-document convention.
    note: L.sealOmitted || undefined,
    date: issuedDate,
    fields: present(["headOfAgency", head]),
  });
  const k = data.contact;
  const lines = [
    [k?.unit && `${L.contact.unit} ${k.unit}`, k?.officer && `${L.contact.officer} ${k.officer}`]
      .filter(Boolean)
      .join("  ·  "),
    [k?.phone && `${L.contact.reach} ${k.phone}`, k?.email && `${L.contact.email} ${k.email}`]
      .filter(Boolean)
      .join("  ·  "),
  ].filter(Boolean);
  if (lines.length)
    push({ type: "contact", lines, fields: present(["officerContact", k?.officer && k?.phone]) });
}

export function twFrame(c: FrameContext): void {
  const { input, data, tpl, L, agencyName, issuedDate, push } = c;
  const a = input.agency;
  const k = data.contact;
  const zh = c.input.locale === "zh-TW";
  push({
    type: "letterhead",
    agencyName: `${agencyName}${zh ? "　" : " "}${L.han.type}`,
    lines: [],
    fields: ["letterType", "agency"],
  });
  // The 函's contact block (address, 承辦人, 電話, 傳真, 電子信箱), right under the heading.
  const contactRows: { label: string; value: string }[] = [];
  if (a.address) contactRows.push({ label: L.contact.address, value: a.address });
  const officer = [k?.unit, k?.officer].filter(Boolean).join(" ");
  if (officer) contactRows.push({ label: L.contact.officer, value: officer });
  if (k?.phone) contactRows.push({ label: L.contact.phone, value: k.phone });
  if (a.fax) contactRows.push({ label: L.contact.fax, value: a.fax });
  const email = k?.email ?? a.email;
  if (email) contactRows.push({ label: L.contact.email, value: email });
  push({
    type: "fields",
    rows: contactRows,
    fields: present(["agencyAddress", a.address], ["officerContact", k?.officer && k?.phone]),
  });
  const recipient = `${data.recipient.name}${L.recipientSuffix}`;
  const address = data.recipient.address;
  push({
    type: "fields",
    rows: [
      {
        label: L.recipient,
        value: address ? `${recipient}${zh ? `（${address}）` : ` (${address})`}` : recipient,
      },
      { label: L.issuedDate, value: issuedDate },
      { label: L.number, value: input.number },
      { label: L.han.speed, value: data.speed ?? L.han.normalSpeed },
      { label: L.han.secrecy, value: data.secrecy ?? L.han.normalSecrecy },
      {
        label: L.han.attachments,
        value: data.attachments?.length ? data.attachments.join(zh ? "、" : ", ") : L.han.none,
      },
      ...requestRows(c),
    ],
    fields: ["recipient", "issuedDate", "documentNumber", "speed", "secrecy", "attachments"],
  });
  push({ type: "rule" });
  const colon = zh ? "：" : ": ";
  push({ type: "paragraph", text: `${L.han.subject}${colon}${tpl.subject}`, fields: ["subject"] });
  push({ type: "heading", text: `${L.han.explanation}${colon}`, fields: ["explanation"] });

  c.body();

  const copies = data.copyTo?.length ? data.copyTo : [k?.unit ?? agencyName];
  push({
    type: "fields",
    rows: [
      { label: L.han.original, value: recipient },
      { label: L.han.copy, value: copies.join(zh ? "、" : ", ") },
    ],
    fields: ["originalRecipient", "copyRecipients"],
  });
  const head = a.headTitle && a.headName ? `${a.headTitle}　${a.headName}` : undefined;
  push({
    type: "signature",
    signer: data.signerTitle ?? head ?? agencyName,
    date: issuedDate,
    fields: present(["headOfAgency", head]),
  });
}
