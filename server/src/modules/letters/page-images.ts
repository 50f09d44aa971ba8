import * as mupdf from "mupdf";

/** Every page of a PDF as a PNG (mupdf, 96 dpi x scale), for previews and visual checks. */
export function pdfPagesAsPng(pdf: Buffer, scale = 1.25, maxPages = 4): Buffer[] {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const out: Buffer[] = [];
  const n = Math.min(doc.countPages(), maxPages);
  for (let i = 0; i < n; i++) {
    const pix = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
    out.push(Buffer.from(pix.asPNG()));
  }
  return out;
}
