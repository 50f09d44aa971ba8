import * as mupdf from "mupdf";
import { scanPiece } from "./findings";
import type { FormatContext, RedactResult } from "./index";
import { nonOverlapping } from "./redact-util";
import { DocumentInputError, type PiiEngine, type Span } from "./types";

type Quad = mupdf.Quad;
type Box = [number, number, number, number];

/** Page text as mupdf's structured text gives it, with the quad of every UTF-16 unit (null for line breaks). */
interface PageText {
  text: string;
  quads: Array<Quad | null>;
  chars: number;
  undecodable: number;
  hasImage: boolean;
  /** Sum of the image blocks' areas (overlaps counted twice; only compared with a threshold). */
  imageArea: number;
}

function pageText(page: mupdf.Page): PageText {
  const st = page.toStructuredText("preserve-whitespace,preserve-images");
  let text = "";
  const quads: Array<Quad | null> = [];
  let chars = 0;
  let undecodable = 0;
  let hasImage = false;
  let imageArea = 0;
  st.walk({
    onChar(c, _origin, _font, _size, quad) {
      text += c;
      for (let i = 0; i < c.length; i++) quads.push(quad);
      chars++;
      if (c === "\uFFFD") undecodable++;
    },
    endLine() {
      text += "\n";
      quads.push(null);
    },
    onImageBlock(bbox) {
      hasImage = true;
      imageArea += Math.max(0, bbox[2] - bbox[0]) * Math.max(0, bbox[3] - bbox[1]);
    },
  });
  return { text, quads, chars, undecodable, hasImage, imageArea };
}

/** One quad per line that the span touches, from its first to its last character on that line. */
function spanQuads(pt: PageText, start: number, end: number): Quad[] {
  const out: Quad[] = [];
  let first: Quad | null = null;
  let last: Quad | null = null;
  const flush = () => {
    if (first && last) out.push([first[0], first[1], last[2], last[3], first[4], first[5], last[6], last[7]]);
    first = last = null;
  };
  for (let i = start; i < end; i++) {
    const q = pt.quads[i];
    if (!q) {
      flush();
      continue;
    }
    if (!first) first = q;
    last = q;
  }
  flush();
  return out;
}

function boxOf(quads: Quad[]): Box {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  const r = (n: number) => Math.round(n * 100) / 100;
  return [r(Math.min(...xs)), r(Math.min(...ys)), r(Math.max(...xs)), r(Math.max(...ys))];
}

function decodeUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** Characters that can sit on both sides of a line break inside an identifier, e-mail or phone number. */
const WRAP_EDGE = /[0-9A-Za-z@._-]/;

/**
 * Values wrapped over two lines ("960121-" at the end of one line, "1021413" at the start of the next):
 * scans the page text again with such line breaks removed and keeps the spans that cross a removed
 * break (the others were found by the first scan). Offsets come back in the page text, so the span
 * covers both line pieces and gets one redaction quad per line.
 */
function wrappedSpans(
  engine: PiiEngine,
  text: string,
): { status: string; reason?: string; spans: Array<{ span: Span; value: string }> } {
  const map: number[] = [];
  let joined = "";
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n" && i > 0 && WRAP_EDGE.test(text[i - 1]) && WRAP_EDGE.test(text[i + 1] ?? "")) {
      removed++;
      continue;
    }
    map.push(i);
    joined += text[i];
  }
  if (!removed) return { status: "ok", spans: [] };
  const r = engine.scan(joined);
  const spans = r.spans
    .map((s) => ({ s, start: map[s.start], end: map[s.end - 1] + 1 }))
    .filter((x) => x.end - x.start !== x.s.end - x.s.start)
    .map((x) => ({ span: { ...x.s, start: x.start, end: x.end }, value: joined.slice(x.s.start, x.s.end) }));
  return { status: r.status, reason: r.reason, spans };
}

/** Drawn shapes on a page without text above which the shapes may be text converted to outlines. */
const SHAPES_AS_TEXT = 10;

/** Counts what a page draws besides text (run through a counting device). */
function drawnContent(page: mupdf.Page): { paths: number; images: number } {
  let paths = 0;
  let images = 0;
  const device = new mupdf.Device({
    fillPath: () => void paths++,
    strokePath: () => void paths++,
    fillImage: () => void images++,
    fillImageMask: () => void images++,
    fillShade: () => void images++,
  } as unknown as ConstructorParameters<typeof mupdf.Device>[0]);
  try {
    page.run(device, mupdf.Matrix.identity);
  } finally {
    device.close();
  }
  return { paths, images };
}

/** Share of the page covered by images above which a text page still needs a human look. */
const IMAGE_SHARE = 0.2;

const INFO_KEYS = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer"];

function outlineTitles(items: ReturnType<mupdf.Document["loadOutline"]>, out: string[] = []): string[] {
  for (const it of items ?? []) {
    if (it.title) out.push(it.title);
    if (it.down) outlineTitles(it.down, out);
  }
  return out;
}

function openPdf(buf: Uint8Array): mupdf.PDFDocument {
  let doc: mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(buf, "application/pdf");
  } catch {
    throw new DocumentInputError("error", "corrupt pdf: cannot be opened");
  }
  if (doc.needsPassword())
    throw new DocumentInputError("needs_review", "encrypted pdf (a password is required)");
  const pdf = doc.asPDF();
  if (!pdf) throw new DocumentInputError("error", "not a pdf");
  return pdf;
}

/**
 * Scans a PDF's text layer page by page (findings with page and box), plus metadata, XMP, form fields,
 * annotations and bookmarks. A page without a text layer, undecodable glyphs, a repaired (damaged) file
 * or embedded files make the result "needs review". With ctx.redact, the values are burnt in: mupdf
 * redaction annotations are applied (glyphs removed, image pixels under them blacked out), then metadata,
 * XMP, forms, annotations, thumbnails and embedded files are stripped and the file is rewritten without
 * old objects or revisions.
 */
export async function processPdf(ctx: FormatContext): Promise<RedactResult> {
  const pdf = openPdf(ctx.buf);
  const { engine, collector, redact } = ctx;
  let pageCount: number;
  try {
    pageCount = pdf.countPages();
  } catch {
    throw new DocumentInputError("error", "corrupt pdf: no readable page tree");
  }
  if (pdf.wasRepaired()) collector.needsReview("the pdf is damaged and was repaired; parts may be missing");
  let outlineHit = false;
  for (let i = 0; i < pageCount; i++) {
    const pageNo = i + 1;
    let page: mupdf.PDFPage;
    let pt: PageText;
    try {
      page = pdf.loadPage(i);
      pt = pageText(page);
    } catch {
      collector.needsReview(`page ${pageNo} could not be read`);
      continue;
    }
    if (pt.chars === 0) {
      // No text: blank, or a scan, or text turned into shapes ("outlines"); only blank is fine.
      const drawn = drawnContent(page);
      if (pt.hasImage || drawn.images > 0)
        collector.needsReview(`page ${pageNo} has no text layer (image only)`);
      else if (drawn.paths >= SHAPES_AS_TEXT) {
        collector.needsReview(
          `page ${pageNo} has no text layer (${drawn.paths} drawn shapes, maybe outlined text)`,
        );
      }
    } else {
      // A large picture on a text page (a pasted ID card, a scan with an OCR layer) may hold values the
      // text layer does not; small ones (logos, seals) are let through.
      const [x0, y0, x1, y1] = page.getBounds();
      if (pt.imageArea > IMAGE_SHARE * (x1 - x0) * (y1 - y0)) {
        collector.needsReview(`page ${pageNo} has large images that were not scanned`);
      }
    }
    if (pt.undecodable > 0)
      collector.needsReview(`page ${pageNo} has ${pt.undecodable} characters without a text mapping`);
    const locate = (s: Span) => {
      const quads = spanQuads(pt, s.start, s.end);
      return { page: pageNo, ...(quads.length ? { box: boxOf(quads) } : {}), offset: s.start };
    };
    const spans = scanPiece(engine, collector, pt.text, locate, `page ${pageNo}`);
    const wrapped = wrappedSpans(engine, pt.text);
    if (wrapped.status !== "ok")
      collector.needsReview(`page ${pageNo}: ${wrapped.reason ?? "detector did not finish"}`);
    for (const { span, value } of wrapped.spans) {
      if (collector.add(span, value, locate(span))) spans.push(span);
    }
    // Link targets (mailto:, URLs with query strings) are kept in the output, so they are scanned and a
    // link that holds a value is removed.
    for (const link of page.getLinks()) {
      const uri = link.isExternal() ? link.getURI() : "";
      const found = scanPiece(
        engine,
        collector,
        decodeUri(uri),
        () => ({ page: pageNo, part: "link" }),
        "link",
      );
      if (redact && found.length) page.deleteLink(link);
    }
    for (const annot of page.getAnnotations()) {
      const text = annot.getContents?.() ?? "";
      scanPiece(engine, collector, text, () => ({ page: pageNo, part: "annotation" }), "annotation");
    }
    for (const w of page.getWidgets()) {
      let value = "";
      try {
        value = w.getValue() ?? "";
      } catch {
        // a widget without a value
      }
      scanPiece(engine, collector, value, () => ({ page: pageNo, part: "form" }), "form field");
    }
    if (redact) {
      for (const s of nonOverlapping(spans)) {
        const quads = spanQuads(pt, s.start, s.end);
        if (!quads.length) continue;
        const annot = page.createAnnotation("Redact");
        annot.setQuadPoints(quads);
        annot.setRect(boxOf(quads));
      }
      // Regions a reviewer drew by hand (a signature, a face, a value the detector missed).
      const regions = (redact.regions ?? []).filter((r) => r.page === pageNo);
      for (const r of regions) {
        const annot = page.createAnnotation("Redact");
        annot.setRect(r.box);
      }
      if (spans.length || regions.length)
        page.applyRedactions(true, mupdf.PDFPage.REDACT_IMAGE_PIXELS, 1, mupdf.PDFPage.REDACT_TEXT_REMOVE);
    }
  }
  for (const key of INFO_KEYS) {
    const text = pdf.getMetaData(`info:${key}`) ?? "";
    scanPiece(engine, collector, text, () => ({ part: "metadata" }), "metadata");
  }
  const root = pdf.getTrailer().get("Root");
  const xmp = root.get("Metadata");
  if (xmp.isStream()) {
    const text = xmp
      .readStream()
      .asString()
      .replace(/<[^>]*>/g, " ");
    scanPiece(engine, collector, text, () => ({ part: "xmp" }), "xmp metadata");
  }
  try {
    for (const title of outlineTitles(pdf.loadOutline())) {
      if (scanPiece(engine, collector, title, () => ({ part: "outline" }), "outline").length)
        outlineHit = true;
    }
  } catch {
    collector.needsReview("bookmarks could not be read");
  }
  if (Object.keys(pdf.getEmbeddedFiles()).length) collector.needsReview("embedded files not scanned");
  const result = collector.result(ctx.file, "pdf");
  if (!redact) return { result };
  stripPdf(pdf, outlineHit);
  const output = pdf.saveToBuffer("garbage=deduplicate,compress,clean,sanitize").asUint8Array().slice();
  return { result, output };
}

/** Removes the places a value can hide outside the page content. */
function stripPdf(pdf: mupdf.PDFDocument, dropOutline: boolean): void {
  const trailer = pdf.getTrailer();
  trailer.delete("Info");
  const root = trailer.get("Root");
  root.delete("Metadata");
  root.delete("AcroForm");
  root.delete("PieceInfo");
  root.delete("OpenAction");
  if (dropOutline) root.delete("Outlines");
  const names = root.get("Names");
  if (names.isDictionary()) {
    names.delete("EmbeddedFiles");
    names.delete("JavaScript");
  }
  for (let i = 0; i < pdf.countPages(); i++) {
    const page = pdf.loadPage(i);
    for (const w of page.getWidgets()) page.deleteAnnotation(w);
    for (const a of page.getAnnotations()) if (a.getType() !== "Link") page.deleteAnnotation(a);
    const obj = page.getObject();
    obj.delete("Metadata");
    obj.delete("PieceInfo");
    obj.delete("Thumb");
  }
}
