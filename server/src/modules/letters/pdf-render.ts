import { breakLines, type LayoutBlock, type LetterLayout } from "@civicpims/core/letters/index";
import PDFDocument from "pdfkit";
import { type FontName, fontBytes } from "./fonts";

// Draws a letter's layout model on A4 with pdfkit. Lines are broken by core's CJK-aware breaker and drawn
// one by one; each line is split into runs by glyph coverage so a Korean letter can quote a Chinese name
// (and the reverse) without boxes: the letter's main font first, the other CJK font as fallback.

const A4 = { width: 595.28, height: 841.89 };
const M = { left: 62, right: 62, top: 56, bottom: 70 };
const CONTENT_W = A4.width - M.left - M.right;
const INK = "#111111";
const GREY = "#555555";
const LINE = "#999999";

type Style = { size: number; bold?: boolean; color?: string };

interface Run {
  text: string;
  font: FontName;
}

export interface RenderOptions {
  /** Creation date written into the PDF metadata (defaults to now). */
  createdAt?: Date;
}

class Painter {
  readonly doc: PDFKit.PDFDocument;
  y = M.top;
  private readonly primary: { regular: FontName; bold: FontName };
  private readonly fallback: { regular: FontName; bold: FontName };
  private readonly coverage = new Map<FontName, Map<number, boolean>>();

  constructor(doc: PDFKit.PDFDocument, chinesePrimary: boolean) {
    this.doc = doc;
    const kr = { regular: "kr", bold: "krBold" } as const;
    const tc = { regular: "tc", bold: "tcBold" } as const;
    this.primary = chinesePrimary ? tc : kr;
    this.fallback = chinesePrimary ? kr : tc;
  }

  private has(font: FontName, cp: number): boolean {
    let m = this.coverage.get(font);
    if (!m) {
      m = new Map();
      this.coverage.set(font, m);
    }
    let v = m.get(cp);
    if (v === undefined) {
      this.doc.font(font);
      // pdfkit keeps the fontkit font of an embedded TTF on `_font.font`.
      const fk = (this.doc as unknown as { _font: { font: { hasGlyphForCodePoint(c: number): boolean } } })
        ._font.font;
      v = fk.hasGlyphForCodePoint(cp);
      m.set(cp, v);
    }
    return v;
  }

  runs(text: string, bold = false): Run[] {
    const p = bold ? this.primary.bold : this.primary.regular;
    const f = bold ? this.fallback.bold : this.fallback.regular;
    const out: Run[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      const font = cp < 0x80 || this.has(p, cp) || !this.has(f, cp) ? p : f;
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    return out;
  }

  width(text: string, style: Style): number {
    let w = 0;
    for (const r of this.runs(text, style.bold))
      w += this.doc.font(r.font).fontSize(style.size).widthOfString(r.text);
    return w;
  }

  lineHeight(style: Style): number {
    return style.size * 1.5;
  }

  /** Starts a new page when `height` does not fit. */
  ensure(height: number): void {
    if (this.y + height > A4.height - M.bottom) {
      this.doc.addPage();
      this.y = M.top;
    }
  }

  drawLine(text: string, x: number, y: number, style: Style): void {
    let cx = x;
    this.doc.fillColor(style.color ?? INK);
    for (const r of this.runs(text, style.bold)) {
      this.doc.font(r.font).fontSize(style.size).text(r.text, cx, y, { lineBreak: false });
      cx += this.doc.widthOfString(r.text);
    }
  }

  wrap(text: string, width: number, style: Style): string[] {
    return breakLines(text, width, (s) => this.width(s, style));
  }

  /** A wrapped paragraph; `hanging` indents continuation lines (numbered paragraphs, list items). */
  paragraph(
    text: string,
    style: Style,
    opts: { x?: number; width?: number; hanging?: number; align?: "left" | "center" | "right" } = {},
  ): void {
    const x = opts.x ?? M.left;
    const width = opts.width ?? CONTENT_W;
    const hanging = opts.hanging ?? 0;
    const lh = this.lineHeight(style);
    const first = this.wrap(text, width, style);
    // Re-wrap the continuation with the narrower width of the hanging indent.
    const lines =
      hanging > 0 && first.length > 1
        ? [first[0], ...this.wrap(text.slice(first[0].length).trimStart(), width - hanging, style)]
        : first;
    lines.forEach((line, i) => {
      this.ensure(lh);
      const lx = i > 0 ? x + hanging : x;
      const w = this.width(line, style);
      const dx = opts.align === "center" ? (width - w) / 2 : opts.align === "right" ? width - w : 0;
      this.drawLine(line, lx + dx, this.y, style);
      this.y += lh;
    });
  }

  rule(color = LINE, weight = 0.6): void {
    this.doc
      .moveTo(M.left, this.y)
      .lineTo(A4.width - M.right, this.y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke();
  }
}

const NUMBERED = /^([一二三四五六七八九十]+、)/;

function drawBlock(p: Painter, b: LayoutBlock): void {
  const body: Style = { size: 10 };
  switch (b.type) {
    case "letterhead": {
      p.paragraph(b.agencyName, { size: 16, bold: true }, { align: "center" });
      for (const l of b.lines) p.paragraph(l, { size: 8.5, color: GREY }, { align: "center" });
      p.y += 4;
      p.rule(INK, 1.2);
      p.y += 12;
      return;
    }
    case "title":
      p.paragraph(b.text, { size: 17, bold: true }, { align: "center" });
      p.y += 6;
      return;
    case "fields": {
      const labelW = Math.max(...b.rows.map((r) => p.width(r.label, { size: 10, bold: true }))) + 16;
      for (const r of b.rows) {
        const lines = p.wrap(r.value, CONTENT_W - labelW, { size: 10 });
        p.ensure(p.lineHeight({ size: 10 }) * lines.length);
        p.drawLine(r.label, M.left, p.y, { size: 10, bold: true, color: GREY });
        for (const l of lines) {
          p.drawLine(l, M.left + labelW, p.y, { size: 10 });
          p.y += p.lineHeight({ size: 10 });
        }
      }
      p.y += 4;
      return;
    }
    case "rule":
      p.y += 2;
      p.rule();
      p.y += 10;
      return;
    case "heading":
      p.y += 6;
      p.ensure(p.lineHeight({ size: 11 }) * 3);
      p.paragraph(b.text, { size: 11, bold: true });
      p.y += 2;
      return;
    case "paragraph": {
      const style = b.size === "small" ? { size: 9.5 } : body;
      const m = NUMBERED.exec(b.text);
      p.paragraph(b.text, style, { hanging: m ? p.width(m[1], style) : 0 });
      p.y += 3;
      return;
    }
    case "list": {
      b.items.forEach((item, i) => {
        const marker = b.marker === "number" ? `${i + 1}. ` : "•  ";
        const indent = 12;
        const mw = p.width(b.marker === "number" ? `${b.items.length}. ` : "•  ", body);
        p.ensure(p.lineHeight(body));
        p.drawLine(marker, M.left + indent, p.y, body);
        p.paragraph(item, body, { x: M.left + indent + mw, width: CONTENT_W - indent - mw });
      });
      p.y += 3;
      return;
    }
    case "table": {
      const style: Style = { size: 9.5 };
      const head: Style = { size: 9.5, bold: true };
      const widths = b.widths.map((w) => w * CONTENT_W);
      const pad = 5;
      const lh = p.lineHeight(style);
      const row = (cells: string[], st: Style, shade: boolean) => {
        const wrapped = cells.map((c, i) => p.wrap(c, widths[i] - 2 * pad, st));
        const h = Math.max(...wrapped.map((w) => w.length)) * lh + 2 * pad - (lh - st.size * 1.3);
        p.ensure(h);
        let x = M.left;
        if (shade) p.doc.rect(M.left, p.y, CONTENT_W, h).fillColor("#eeeeee").fill();
        wrapped.forEach((lines, i) => {
          lines.forEach((l, k) => {
            p.drawLine(l, x + pad, p.y + pad + k * lh, st);
          });
          p.doc.rect(x, p.y, widths[i], h).lineWidth(0.5).strokeColor(LINE).stroke();
          x += widths[i];
        });
        p.y += h;
      };
      row(b.columns, head, true);
      for (const r of b.rows) row(r, style, false);
      p.y += 8;
      return;
    }
    case "citation": {
      p.y += 4;
      p.paragraph(b.text, { size: 9.5, color: GREY });
      return;
    }
    case "signature": {
      p.y += 16;
      const st: Style = { size: 16, bold: true };
      // Keep the signature with the contact lines under it rather than alone on a new page.
      p.ensure(p.lineHeight(st) + 46);
      const note = b.note ? `  ${b.note}` : "";
      const w = p.width(b.signer, st) + (note ? p.width(note, { size: 9 }) : 0);
      const x = M.left + (CONTENT_W - w) / 2;
      p.drawLine(b.signer, x, p.y, st);
      if (note) p.drawLine(note, x + p.width(b.signer, st), p.y + 6, { size: 9, color: GREY });
      p.y += p.lineHeight(st) + 8;
      return;
    }
    case "contact": {
      p.y += 6;
      p.ensure(p.lineHeight({ size: 8.5 }) * b.lines.length + 8);
      p.rule();
      p.y += 6;
      for (const l of b.lines) p.paragraph(l, { size: 8.5, color: GREY });
      return;
    }
  }
}

/** Renders a layout to PDF bytes (fonts embedded as subsets). */
export async function renderLetterPdf(layout: LetterLayout, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: M,
    autoFirstPage: true,
    bufferPages: true,
    lang: layout.locale,
    displayTitle: true,
    info: {
      Title: layout.meta.title,
      Subject: layout.meta.subject,
      Author: layout.meta.author,
      Creator: "CivicPIMS",
      CreationDate: opts.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  for (const name of ["kr", "krBold", "tc", "tcBold"] as const) doc.registerFont(name, fontBytes(name));
  // Chinese letters (and English letters of a TW agency) draw Han characters in Traditional Chinese forms.
  const p = new Painter(
    doc,
    layout.locale === "zh-TW" || (layout.locale === "en" && layout.jurisdiction === "TW"),
  );
  for (const b of layout.blocks) drawBlock(p, b);

  // Footer on every page: who, which letter, page x / n.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = A4.height - M.bottom + 28;
    doc.page.margins.bottom = 0;
    p.drawLine(layout.footer, M.left, y, { size: 8, color: GREY });
    const pn = `${i + 1} / ${range.count}`;
    p.drawLine(pn, A4.width - M.right - p.width(pn, { size: 8 }), y, { size: 8, color: GREY });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
