/**
 * Builders for the document fixtures the tests use. Every fixture is generated at test time (no binary
 * files in the repository); the values are synthetic.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import * as mupdf from "mupdf";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
const fontDir = (pkg: string) => dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`));
export const FONT_KR = join(fontDir("noto-sans-kr"), "400Regular", "NotoSansKR_400Regular.ttf");
export const FONT_TC = join(fontDir("noto-sans-tc"), "400Regular", "NotoSansTC_400Regular.ttf");

const enc = (s: string) => new TextEncoder().encode(s);

/** A docx whose paragraphs are given as lists of runs; each run is [text, bold?]. */
export function buildDocx(
  paragraphs: Array<Array<[string, boolean?]>>,
  extra: { header?: string; creator?: string; image?: boolean } = {},
): Uint8Array {
  const run = ([t, bold]: [string, boolean?]) =>
    `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  const body = paragraphs.map(
    (runs) => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${runs.map(run).join("")}</w:p>`,
  );
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": enc(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": enc(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join("")}<w:sectPr/></w:body></w:document>`,
    ),
  };
  if (extra.header) {
    files["word/header1.xml"] = enc(
      `<?xml version="1.0"?><w:hdr ${W}><w:p><w:r><w:t>${extra.header}</w:t></w:r></w:p></w:hdr>`,
    );
  }
  if (extra.creator) {
    files["docProps/core.xml"] = enc(
      `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${extra.creator}</dc:creator></cp:coreProperties>`,
    );
  }
  if (extra.image) files["word/media/image1.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
  return zipSync(files);
}

/** An HWPX package: mimetype first (stored), sections with hp:p / hp:run / hp:t. */
export function buildHwpx(sections: string[][], preview?: string): Uint8Array {
  const HP =
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"';
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [enc("application/hwp+zip"), { level: 0 }],
    "version.xml": enc(
      `<?xml version="1.0"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"/>`,
    ),
    "Contents/content.hpf": enc(
      `<?xml version="1.0"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/"/>`,
    ),
  };
  sections.forEach((paras, i) => {
    const ps = paras
      .map((t) => {
        // Split every paragraph into two runs in the middle, as editors do after a format change.
        const mid = Math.floor(t.length / 2);
        return `<hp:p id="${i}"><hp:run charPrIDRef="0"><hp:t>${t.slice(0, mid)}</hp:t></hp:run><hp:run charPrIDRef="1"><hp:t>${t.slice(mid)}</hp:t></hp:run></hp:p>`;
      })
      .join("");
    files[`Contents/section${i}.xml`] = enc(
      `<?xml version="1.0" encoding="UTF-8"?><hs:sec ${HP}>${ps}</hs:sec>`,
    );
  });
  if (preview !== undefined) files["Preview/PrvText.txt"] = enc(preview);
  return zipSync(files as Parameters<typeof zipSync>[0]);
}

export async function buildXlsx(
  sheets: Record<string, ExcelJS.CellValue[][]>,
  opts: { note?: [string, string, string]; creator?: string } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (opts.creator) wb.creator = opts.creator;
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
  }
  if (opts.note) {
    const [sheet, addr, text] = opts.note;
    wb.getWorksheet(sheet)!.getCell(addr).note = text;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Renders a PDF with pdfkit. Each page is a list of [font, text, link target?] lines. */
export async function buildPdf(
  pages: Array<Array<["kr" | "tc" | "helv", string, string?]>>,
  opts: { title?: string; formValue?: string; imagePage?: Uint8Array; imageWidth?: number } = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, info: opts.title ? { Title: opts.title } : {} });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on("end", () => r()));
  for (const lines of pages) {
    doc.addPage({ size: "A4" });
    for (const [font, text, link] of lines) {
      doc
        .font(font === "kr" ? FONT_KR : font === "tc" ? FONT_TC : "Helvetica")
        .fontSize(13)
        .text(text, link ? { link } : {});
      doc.moveDown(0.5);
    }
  }
  if (opts.formValue) {
    doc.addPage({ size: "A4" });
    doc.font("Helvetica").fontSize(12).text("Form");
    doc.initForm();
    doc.formText("applicant", 72, 120, 300, 24, { value: opts.formValue });
  }
  if (opts.imagePage) {
    doc.addPage({ size: "A4" });
    if (opts.imageWidth) doc.font("Helvetica").fontSize(12).text("Attachment: copy of ID card");
    doc.image(Buffer.from(opts.imagePage), 72, 120, { width: opts.imageWidth ?? 300 });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Adds an XMP metadata stream holding `text` to a PDF (pdfkit cannot write one). */
export function withXmp(pdfBytes: Uint8Array, text: string): Uint8Array {
  const pdf = new mupdf.PDFDocument(pdfBytes);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>${text}</dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const dict = pdf.newDictionary();
  dict.put("Type", pdf.newName("Metadata"));
  dict.put("Subtype", pdf.newName("XML"));
  const stream = pdf.addStream(new TextEncoder().encode(xmp), dict);
  pdf.getTrailer().get("Root").put("Metadata", stream);
  return pdf.saveToBuffer("").asUint8Array().slice();
}

/** A PNG of a grey square: an "image only" page for the no-text-layer case. */
export function greyPng(): Uint8Array {
  const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 120, 60], false);
  pix.clear(180);
  return pix.asPNG().slice();
}

/**
 * Every way a value could still be present in a PDF's bytes: the raw file, and every object after
 * inflating its stream, searched as UTF-8, UTF-16 (both orders) and hex of each. Returns where it was seen.
 */
export function findInPdfBytes(pdfBytes: Uint8Array, value: string): string[] {
  const forms = new Set<string>();
  const utf8 = Buffer.from(value, "utf8");
  const u16le = Buffer.from(value, "utf16le");
  const u16be = Buffer.from(u16le).swap16();
  for (const b of [utf8, u16le, u16be]) {
    forms.add(b.toString("latin1"));
    forms.add(b.toString("hex"));
    forms.add(b.toString("hex").toUpperCase());
  }
  const hits: string[] = [];
  const search = (where: string, data: Uint8Array) => {
    const s = Buffer.from(data).toString("latin1");
    for (const f of forms) if (s.includes(f)) hits.push(where);
  };
  search("file", pdfBytes);
  const pdf = new mupdf.PDFDocument(pdfBytes);
  for (let i = 1; i < pdf.countObjects(); i++) {
    const obj = pdf.newIndirect(i);
    let resolved: mupdf.PDFObject;
    try {
      resolved = obj.resolve();
    } catch {
      continue;
    }
    search(`object ${i}`, new TextEncoder().encode(resolved.toString()));
    if (obj.isStream()) {
      try {
        search(`stream ${i}`, obj.readStream().asUint8Array());
      } catch {
        hits.push(`stream ${i} unreadable`);
      }
    }
  }
  return hits;
}

/** All text mupdf extracts from a PDF: pages, annotations, widgets and metadata. */
export function pdfAllText(pdfBytes: Uint8Array): string {
  const doc = mupdf.Document.openDocument(pdfBytes, "application/pdf") as mupdf.PDFDocument;
  let out = "";
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i);
    out += page.toStructuredText("preserve-whitespace").asText();
    for (const a of page.getAnnotations()) out += a.getContents?.() ?? "";
    for (const w of page.getWidgets()) out += w.getValue?.() ?? "";
  }
  for (const k of ["Title", "Author", "Subject", "Keywords"]) out += doc.getMetaData(`info:${k}`) ?? "";
  return out;
}
