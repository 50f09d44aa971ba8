import { sweepParts } from "./docx";
import { scanPiece } from "./findings";
import type { FormatContext, RedactResult } from "./index";
import { replacementsFor } from "./redact-util";
import { DocumentInputError, type FindingLocation, type Span } from "./types";
import {
  applyReplacements,
  extractParagraphs,
  type ParagraphSpec,
  type Replacement,
  type XmlParagraph,
} from "./xml-text";
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
const PREVIEW_TEXT = "Preview/PrvText.txt";
/** A picture of the first page: it would show what the text redaction removed. */
const PREVIEW_IMAGE = /^Preview\/PrvImage\./;

/**
 * Scans an HWPX document: section paragraphs (values split over runs included), the plain-text preview
 * and package metadata. With ctx.redact, writes the values' replacements back into the runs like docx,
 * rewrites the text preview and drops the preview image.
 */
export async function processHwpx(ctx: FormatContext, zip: SafeZip): Promise<RedactResult> {
  const { engine, collector, redact } = ctx;
  const seen = new Map<string, string>();
  const changes = new Map<string, Uint8Array | null>();
  const enc = new TextEncoder();
  const sections = zip
    .names()
    .map((n) => ({ n, m: SECTION.exec(n) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m?.[1]) - Number(b.m?.[1]));
  if (!sections.length) throw new DocumentInputError("error", "hwpx without any Contents/section*.xml");

  const xmlPart = (
    name: string,
    spec: ParagraphSpec,
    locate: (p: XmlParagraph, s: Span) => FindingLocation,
  ) => {
    const xml = zip.readText(name);
    const edits: Array<{ paragraph: XmlParagraph; replacements: Replacement[] }> = [];
    for (const p of extractParagraphs(xml, spec)) {
      const spans = scanPiece(engine, collector, p.text, (s) => locate(p, s), name);
      if (redact && spans.length) {
        edits.push({ paragraph: p, replacements: replacementsFor(engine, p.text, spans, redact, seen) });
      }
    }
    if (edits.length) changes.set(name, enc.encode(applyReplacements(xml, edits)));
  };

  for (const { n, m } of sections) {
    const section = Number(m?.[1]) + 1;
    xmlPart(n, BODY, (p, s) => ({ section, paragraph: p.index + 1, offset: s.start }));
  }
  if (zip.has("Contents/content.hpf")) {
    xmlPart("Contents/content.hpf", META, (_p, s) => ({ part: "metadata", offset: s.start }));
  }
  // The preview repeats the first page as plain text.
  if (zip.has(PREVIEW_TEXT)) {
    const text = zip.readText(PREVIEW_TEXT);
    const spans = scanPiece(
      engine,
      collector,
      text,
      (s) => ({ part: "preview", offset: s.start }),
      "preview",
    );
    if (redact && spans.length) {
      let out = "";
      let at = 0;
      for (const r of replacementsFor(engine, text, spans, redact, seen)) {
        out += text.slice(at, r.start) + r.replacement;
        at = r.end;
      }
      changes.set(PREVIEW_TEXT, enc.encode(out + text.slice(at)));
    }
  }
  const media = zip.names().filter((n) => n.startsWith("BinData/"));
  if (media.length) collector.needsReview(`${media.length} embedded images or objects not scanned`);
  const result = collector.result(ctx.file, "hwpx");
  if (!redact) return { result };
  for (const n of zip.names()) if (PREVIEW_IMAGE.test(n)) changes.set(n, null);
  sweepParts(zip, changes, seen);
  return { result, output: zip.rewrite(changes) };
}
