import { scanPiece } from "./findings";
import type { FormatContext, RedactResult } from "./index";
import { DocumentInputError } from "./types";
import { extractParagraphs, type ParagraphSpec } from "./xml-text";
import type { SafeZip } from "./zip";

const SECTION = /^Contents\/section(\d+)\.xml$/;
const BODY: ParagraphSpec = {
  paragraph: new Set(["p"]),
  text: new Set(["t"]),
  separators: { tab: "\t", lineBreak: "\n" },
};
/** Package metadata (content.hpf) can carry the author's name. */
const META: ParagraphSpec = {
  paragraph: new Set(),
  text: new Set(["title", "creator", "subject", "description", "publisher", "meta"]),
};

/** Scans an HWPX document (read only): section paragraphs, the text preview and package metadata. */
export async function processHwpx(ctx: FormatContext, zip: SafeZip): Promise<RedactResult> {
  if (ctx.redact)
    throw new DocumentInputError("error", "redaction of hwpx is not supported; convert to docx or pdf");
  const sections = zip
    .names()
    .map((n) => ({ n, m: SECTION.exec(n) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m?.[1]) - Number(b.m?.[1]));
  if (!sections.length) throw new DocumentInputError("error", "hwpx without any Contents/section*.xml");
  for (const { n, m } of sections) {
    const section = Number(m?.[1]) + 1;
    for (const p of extractParagraphs(zip.readText(n), BODY)) {
      scanPiece(
        ctx.engine,
        ctx.collector,
        p.text,
        (s) => ({ section, paragraph: p.index + 1, offset: s.start }),
        `section ${section}`,
      );
    }
  }
  // The preview repeats the first page as plain text; metadata may name people.
  if (zip.has("Preview/PrvText.txt")) {
    const text = zip.readText("Preview/PrvText.txt");
    scanPiece(ctx.engine, ctx.collector, text, (s) => ({ part: "preview", offset: s.start }), "preview");
  }
  if (zip.has("Contents/content.hpf")) {
    for (const p of extractParagraphs(zip.readText("Contents/content.hpf"), META)) {
      scanPiece(
        ctx.engine,
        ctx.collector,
        p.text,
        (s) => ({ part: "metadata", offset: s.start }),
        "metadata",
      );
    }
  }
  const media = zip.names().filter((n) => n.startsWith("BinData/"));
  if (media.length) ctx.collector.needsReview(`${media.length} embedded images or objects not scanned`);
  return { result: ctx.collector.result(ctx.file, "hwpx") };
}
