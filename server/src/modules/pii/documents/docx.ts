import { scanPiece } from "./findings";
import type { FormatContext, RedactResult } from "./index";
import { replacementsFor, sweepXml } from "./redact-util";
import {
  applyReplacements,
  decodeXmlText,
  extractParagraphs,
  type ParagraphSpec,
  type Replacement,
  type XmlParagraph,
} from "./xml-text";
import type { SafeZip } from "./zip";

/** Parts holding document text: body, headers, footers, notes and comments. */
const TEXT_PART =
  /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments|glossary\/document)\.xml$/;
/** Document properties: author, title, company... can name a person. */
const PROPS_PART = /^docProps\/(core|app|custom)\.xml$/;
/** Charts and SmartArt keep their own text (a:t) and data values (c:v), outside the body. */
export const DRAWING_PART = /^(word|xl)\/(charts|diagrams|drawings)\/[^/]+\.xml$/;
export const DRAWING: ParagraphSpec = { paragraph: new Set(["p", "pt"]), text: new Set(["t", "v"]) };
const MEDIA = /^word\/(media|embeddings)\//;

const BODY: ParagraphSpec = {
  paragraph: new Set(["p"]),
  // delText is text removed under tracked changes: still in the file, so still scanned and redacted.
  text: new Set(["t", "delText", "instrText"]),
  isolated: new Set(["instrText"]),
  separators: { tab: "\t", br: "\n", cr: "\n" },
};
const PROPS: ParagraphSpec = {
  paragraph: new Set(),
  text: new Set(["creator", "lastModifiedBy", "title", "subject", "description", "keywords", "category"]),
  separators: {},
};
PROPS.text.add("Company").add("Manager").add("lpwstr");

function partName(name: string): string {
  return name.replace(/^word\//, "").replace(/\.xml$/, "");
}

function scanParts(
  ctx: FormatContext,
  zip: SafeZip,
  seen: Map<string, string> | null,
): Map<string, Uint8Array | null> {
  const changes = new Map<string, Uint8Array | null>();
  for (const name of zip.names()) {
    const spec = TEXT_PART.test(name)
      ? BODY
      : PROPS_PART.test(name)
        ? PROPS
        : DRAWING_PART.test(name)
          ? DRAWING
          : null;
    if (!spec) continue;
    const xml = zip.readText(name);
    const part = partName(name);
    const edits: Array<{ paragraph: XmlParagraph; replacements: Replacement[] }> = [];
    for (const p of extractParagraphs(xml, spec)) {
      const spans = scanPiece(
        ctx.engine,
        ctx.collector,
        p.text,
        (s) => ({ ...(part === "document" ? {} : { part }), paragraph: p.index + 1, offset: s.start }),
        part,
      );
      if (ctx.redact && seen && spans.length) {
        edits.push({
          paragraph: p,
          replacements: replacementsFor(ctx.engine, p.text, spans, ctx.redact, seen),
        });
      }
    }
    if (edits.length) {
      changes.set(name, new TextEncoder().encode(applyReplacements(xml, edits)));
    }
  }
  // External link targets (mailto:...) live in relationship parts, outside the text.
  for (const name of zip.names()) {
    if (!name.endsWith(".rels")) continue;
    const xml = zip.readText(name);
    for (const m of xml.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)) {
      scanPiece(ctx.engine, ctx.collector, decodeXmlText(m[1]), () => ({ part: "link" }), "link");
    }
  }
  const media = zip.names().filter((n) => MEDIA.test(n));
  if (media.length) ctx.collector.needsReview(`${media.length} embedded images or objects not scanned`);
  return changes;
}

/** Scans a docx; with ctx.redact, also writes a redacted copy that keeps runs, styles and layout. */
export async function processDocx(ctx: FormatContext, zip: SafeZip): Promise<RedactResult> {
  const seen = ctx.redact ? new Map<string, string>() : null;
  const changes = scanParts(ctx, zip, seen);
  const result = ctx.collector.result(ctx.file, "docx");
  if (!ctx.redact || !seen) return { result };
  // A thumbnail is a picture of the first page: it would show what was just redacted.
  for (const n of zip.names()) if (/^docProps\/thumbnail\./.test(n)) changes.set(n, null);
  sweepParts(zip, changes, seen);
  const output = zip.rewrite(changes);
  return { result, output };
}

/** Sweeps every XML part (changed or not) for literal leftovers of redacted values. */
export function sweepParts(
  zip: SafeZip,
  changes: Map<string, Uint8Array | null>,
  seen: Map<string, string>,
): void {
  for (const name of zip.names()) {
    if (!/\.(xml|rels|hpf)$/.test(name)) continue;
    const current = changes.get(name);
    if (current === null) continue; // deleted
    const xml = current ? new TextDecoder().decode(current) : zip.readText(name);
    const swept = sweepXml(xml, seen);
    if (swept !== null) changes.set(name, new TextEncoder().encode(swept));
  }
}
