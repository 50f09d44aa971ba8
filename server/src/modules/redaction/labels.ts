import * as mupdf from "mupdf";
import { fontBytes } from "../letters/fonts";

// Ground labels on burned-in boxes, as US agencies print "(b)(6)" on every FOIA redaction: the requester
// sees where something was withheld and under which article. mupdf's redaction already drew the black
// boxes (and removed the glyphs and image pixels under them); this adds the short citation on top in
// white, or in black beside the box when the box is too small to hold it, and a last page listing every
// ground used with its article. Runs in an upload worker (mupdf parses the whole file).

export type Box = [number, number, number, number];

export interface LabelledBox {
  page: number;
  /** mupdf page space (top-left origin), as findings and manual regions use. */
  box: Box;
  label: string;
}

export interface CoverGround {
  short: string;
  article: string;
  name: string;
}

export interface CoverText {
  title: string;
  intro: string;
}

/** Label size in points; a box lower than this (plus margin) gets its label beside it. */
const LABEL_PT = 8;
const MIN_LABEL_PT = 5;

const FONT_KEY = "FCivLbl";

type Matrix = [number, number, number, number, number, number];

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c || 1;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** The glyph ids of a string in the embedded font (Identity-H), as a hex string, and its advance width. */
function encode(font: mupdf.Font, text: string, size: number): { hex: string; width: number } {
  let hex = "";
  let width = 0;
  for (const ch of text) {
    const gid = font.encodeCharacter(ch);
    hex += gid.toString(16).padStart(4, "0");
    width += font.advanceGlyph(gid) * size;
  }
  return { hex, width };
}

/** Adds the label font to the page's resources (the page object itself, so inherited resources stay). */
function addFontResource(pdf: mupdf.PDFDocument, page: mupdf.PDFPage, fontRef: mupdf.PDFObject) {
  const obj = page.getObject();
  let res = obj.get("Resources");
  if (!res.isDictionary()) {
    const inherited = obj.getInheritable("Resources");
    res = inherited.isDictionary() ? inherited : pdf.newDictionary();
    obj.put("Resources", res);
  }
  let fonts = res.get("Font");
  if (!fonts.isDictionary()) {
    fonts = pdf.newDictionary();
    res.put("Font", fonts);
  }
  fonts.put(FONT_KEY, fontRef);
}

/** Appends drawing operators after the page's own content, its graphics state saved and restored around it. */
function appendContent(pdf: mupdf.PDFDocument, page: mupdf.PDFPage, ops: string) {
  const obj = page.getObject();
  const old = obj.get("Contents");
  const arr = pdf.newArray();
  arr.push(pdf.addStream("q\n", {}));
  if (old.isArray()) for (let i = 0; i < old.length; i++) arr.push(old.get(i));
  else if (!old.isNull()) arr.push(old);
  arr.push(pdf.addStream(`\nQ\n${ops}\n`, {}));
  obj.put("Contents", arr);
}

/** The drawing operators of one label, in PDF user space. */
function labelOps(font: mupdf.Font, m: Matrix, pageBounds: Box, b: LabelledBox): string {
  const [x0, y0, x1, y1] = b.box;
  const w = x1 - x0;
  const h = y1 - y0;
  let size = Math.min(LABEL_PT, h - 2);
  let inside = size >= MIN_LABEL_PT;
  let enc = encode(font, b.label, inside ? size : LABEL_PT);
  if (inside && enc.width > w - 2) {
    // Shrink to fit the width, down to the smallest readable size; else the label goes beside the box.
    size = Math.max(MIN_LABEL_PT, (size * (w - 2)) / enc.width);
    enc = encode(font, b.label, size);
    if (enc.width > w - 2) inside = false;
  }
  if (!inside) {
    size = LABEL_PT;
    enc = encode(font, b.label, size);
    // Beside the box: right of it when there is room on the page, else left; black on a yellow tag.
    let lx = x1 + 1.5;
    if (lx + enc.width + 2 > pageBounds[2]) lx = Math.max(pageBounds[0], x0 - enc.width - 3.5);
    const ly = (y0 + y1) / 2 + size * 0.35; // baseline in page space (top-left origin)
    const [px, py] = apply(m, lx, ly);
    const [tx0, ty0] = apply(m, lx - 1, ly + size * 0.3);
    const [tx1, ty1] = apply(m, lx + enc.width + 1, ly - size * 0.95);
    return [
      "q 1 0.92 0.23 rg",
      `${num(Math.min(tx0, tx1))} ${num(Math.min(ty0, ty1))} ${num(Math.abs(tx1 - tx0))} ${num(Math.abs(ty1 - ty0))} re f`,
      `0 0 0 rg BT /${FONT_KEY} ${num(size)} Tf ${num(px)} ${num(py)} Td <${enc.hex}> Tj ET Q`,
    ].join("\n");
  }
  const lx = x0 + (w - enc.width) / 2;
  const ly = (y0 + y1) / 2 + size * 0.35;
  const [px, py] = apply(m, lx, ly);
  // The box is drawn again in black first: a label is never printed over leftover page content.
  const [bx0, by0] = apply(m, x0, y0);
  const [bx1, by1] = apply(m, x1, y1);
  return [
    "q 0 0 0 rg",
    `${num(Math.min(bx0, bx1))} ${num(Math.min(by0, by1))} ${num(Math.abs(bx1 - bx0))} ${num(Math.abs(by1 - by0))} re f`,
    `1 1 1 rg BT /${FONT_KEY} ${num(size)} Tf ${num(px)} ${num(py)} Td <${enc.hex}> Tj ET Q`,
  ].join("\n");
}

/** Splits a line into pieces that fit a width (character by character: CJK text has no spaces). */
function wrap(font: mupdf.Font, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  let w = 0;
  for (const ch of text) {
    const cw = font.advanceGlyph(font.encodeCharacter(ch)) * size;
    if (w + cw > width && line) {
      out.push(line);
      line = "";
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) out.push(line);
  return out;
}

/** A page listing the grounds used: short citation, article and its wording. */
function addCoverPage(
  pdf: mupdf.PDFDocument,
  font: mupdf.Font,
  fontRef: mupdf.PDFObject,
  cover: CoverText,
  grounds: CoverGround[],
) {
  const W = 595;
  const H = 842;
  const margin = 56;
  const ops: string[] = ["0 0 0 rg"];
  let y = H - margin;
  const line = (text: string, size: number, x = margin) => {
    for (const piece of wrap(font, text, size, W - x - margin)) {
      ops.push(`BT /${FONT_KEY} ${size} Tf ${x} ${num(y)} Td <${encode(font, piece, size).hex}> Tj ET`);
      y -= size * 1.5;
    }
  };
  line(cover.title, 14);
  y -= 6;
  line(cover.intro, 9);
  y -= 8;
  for (const g of grounds) {
    if (y < margin + 40) break; // a ground list never runs this long (at most 9 grounds)
    line(`[${g.short}]  ${g.article}`, 10);
    line(g.name, 9, margin + 14);
    y -= 6;
  }
  const res = pdf.newDictionary();
  const fonts = pdf.newDictionary();
  fonts.put(FONT_KEY, fontRef);
  res.put("Font", fonts);
  const page = pdf.addPage([0, 0, W, H], 0, res, ops.join("\n"));
  pdf.insertPage(-1, page);
}

/**
 * Draws every label onto the redacted PDF and appends the cover page. Returns the new file. The font is
 * embedded with a ToUnicode map, so the labels are also text a reader (and the re-scan) can extract.
 */
export function labelPdf(
  buf: Uint8Array,
  boxes: LabelledBox[],
  cover: CoverText,
  grounds: CoverGround[],
): Uint8Array {
  const pdf = mupdf.Document.openDocument(buf, "application/pdf").asPDF();
  if (!pdf) throw new Error("not a pdf");
  const font = new mupdf.Font("CivicLabel", fontBytes("kr"));
  const fontRef = pdf.addFont(font);
  const pages = pdf.countPages();
  for (let i = 0; i < pages; i++) {
    const onPage = boxes.filter((b) => b.page === i + 1);
    if (!onPage.length) continue;
    const page = pdf.loadPage(i) as mupdf.PDFPage;
    const m = invert(page.getTransform() as unknown as Matrix);
    const bounds = page.getBounds() as unknown as Box;
    addFontResource(pdf, page, fontRef);
    appendContent(pdf, page, onPage.map((b) => labelOps(font, m, bounds, b)).join("\n"));
  }
  if (grounds.length) addCoverPage(pdf, font, fontRef, cover, grounds);
  return pdf.saveToBuffer("garbage=deduplicate,compress").asUint8Array().slice();
}
