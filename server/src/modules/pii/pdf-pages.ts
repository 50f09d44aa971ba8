import * as mupdf from "mupdf";
import { AppError, badRequest } from "../../http/errors";

/** Width in pixels pages are rendered at for the review screen (zoom capped so small pages stay sharp). */
const TARGET_WIDTH = 1000;
const MAX_ZOOM = 2.5;

function open(buf: Uint8Array): mupdf.Document {
  try {
    const doc = mupdf.Document.openDocument(buf, "application/pdf");
    if (doc.needsPassword())
      throw new AppError(400, "pii.unreadable", undefined, { reason: "encrypted pdf" });
    return doc;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(400, "pii.unreadable", undefined, { reason: "corrupt pdf" });
  }
}

export function pageCount(buf: Uint8Array): number {
  return open(buf).countPages();
}

/** Page sizes in the coordinates finding boxes and manual regions use (mupdf page space, top-left origin). */
export function pageInfos(buf: Uint8Array) {
  const doc = open(buf);
  const out: Array<{ page: number; x0: number; y0: number; width: number; height: number }> = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const [x0, y0, x1, y1] = doc.loadPage(i).getBounds();
    out.push({ page: i + 1, x0, y0, width: x1 - x0, height: y1 - y0 });
  }
  return out;
}

/** One page of the original as PNG, for the reviewer to see the findings' boxes in place. */
export function renderPage(buf: Uint8Array, pageNo: number): Buffer {
  const doc = open(buf);
  if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > doc.countPages())
    throw badRequest("pii.page_unknown");
  const page = doc.loadPage(pageNo - 1);
  const [x0, , x1] = page.getBounds();
  const zoom = Math.min(MAX_ZOOM, TARGET_WIDTH / Math.max(1, x1 - x0));
  const pix = page.toPixmap(mupdf.Matrix.scale(zoom, zoom), mupdf.ColorSpace.DeviceRGB, false, true);
  return Buffer.from(pix.asPNG());
}
