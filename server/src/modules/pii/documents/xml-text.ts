/**
 * Paragraph text from WordprocessingML / HWPML-like XML, with a map back to the character data it came
 * from. A value split over several runs (<w:r><w:t>9601</w:t></w:r><w:r><w:t>21-...</w:t></w:r>) is one
 * string here, and a redaction of that string is written back into the runs it spans, so each run keeps
 * its formatting. A tokenizer (one linear regex pass), not a DOM: documents can be large and we only need
 * text nodes and element boundaries.
 */

export interface TextSegment {
  /** Range of the character data in the XML (between the text element's tags). */
  xmlStart: number;
  xmlEnd: number;
  /** Range of the decoded text in the paragraph string. */
  textStart: number;
  textEnd: number;
  /** Offset of the opening tag of the text element, for adding xml:space="preserve". */
  tagStart: number;
  tagName: string;
}

export interface XmlParagraph {
  index: number;
  text: string;
  segments: TextSegment[];
}

export interface ParagraphSpec {
  /** Local names of paragraph elements (e.g. "p"). */
  paragraph: Set<string>;
  /** Local names of elements whose character data is text (e.g. "t", "delText"). */
  text: Set<string>;
  /** Text elements whose content must not run into neighbouring text (field codes). */
  isolated?: Set<string>;
  /** Empty elements that stand for a separator in the text (e.g. tab -> "\t"). */
  separators?: Record<string, string>;
}

const TOKEN = /<[^>]*>/g;
const NAME = /^<\/?(?:[\w.-]+:)?([\w.-]+)/;

export function decodeXmlText(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] as string;
  });
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface OpenParagraph {
  index: number;
  text: string;
  segments: TextSegment[];
}

/** Extracts paragraphs in document order (by their opening tag). Nested paragraphs (text boxes) stand alone. */
export function extractParagraphs(xml: string, spec: ParagraphSpec): XmlParagraph[] {
  const done: XmlParagraph[] = [];
  const stack: OpenParagraph[] = [];
  let next = 0;
  let textTag: { start: number; name: string } | null = null;
  let last = 0;
  const top = (): OpenParagraph => {
    if (!stack.length) {
      // Text outside any paragraph element still gets scanned, as a paragraph of its own.
      const p = { index: next++, text: "", segments: [] };
      stack.push(p);
    }
    return stack[stack.length - 1];
  };
  const closeLoose = () => {
    // A loose paragraph (text outside any paragraph element) ends at the next element boundary.
    if (stack.length === 1 && !spec.paragraph.size) done.push(stack.pop() as OpenParagraph);
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const tag = m[0];
    const at = m.index;
    if (textTag && at > last) {
      const raw = xml.slice(last, at);
      const decoded = decodeXmlText(raw);
      const p = top();
      // Field codes (instrText) are not running text: keep them apart from the words around them.
      const prev = p.segments[p.segments.length - 1];
      if (prev && spec.isolated && spec.isolated.has(prev.tagName) !== spec.isolated.has(textTag.name))
        p.text += "\n";
      p.segments.push({
        xmlStart: last,
        xmlEnd: at,
        textStart: p.text.length,
        textEnd: p.text.length + decoded.length,
        tagStart: textTag.start,
        tagName: textTag.name,
      });
      p.text += decoded;
    }
    last = at + tag.length;
    if (tag.startsWith("<?") || tag.startsWith("<!")) continue;
    const name = NAME.exec(tag)?.[1];
    if (!name) continue;
    const closing = tag[1] === "/";
    const selfClosing = tag.endsWith("/>");
    if (spec.paragraph.has(name) && !selfClosing) {
      if (closing) {
        const p = stack.pop();
        if (p) done.push(p);
      } else stack.push({ index: next++, text: "", segments: [] });
    }
    if (spec.text.has(name) && !selfClosing) {
      if (closing) {
        textTag = null;
        closeLoose();
      } else textTag = { start: at, name };
    } else if (selfClosing && spec.separators?.[name] !== undefined && stack.length) {
      top().text += spec.separators[name];
    }
  }
  while (stack.length) done.push(stack.pop() as OpenParagraph);
  return done.filter((p) => p.text.length > 0).sort((a, b) => a.index - b.index);
}

export interface Replacement {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Applies replacements to paragraphs and returns the new XML. When a replacement is as long as the
 * value (a mask), it is laid over the value character by character, so every run keeps its own part;
 * otherwise it goes into the run where the value starts and the value's characters in later runs are
 * removed. Characters that only exist as separators (tabs) are left alone.
 */
export function applyReplacements(
  xml: string,
  edits: Array<{ paragraph: XmlParagraph; replacements: Replacement[] }>,
): string {
  const splices: Array<{ start: number; end: number; text: string }> = [];
  const preserve = new Set<number>();
  for (const { paragraph, replacements } of edits) {
    if (!replacements.length) continue;
    // Per-character output of the paragraph; "" deletes, longer strings insert.
    const chars: string[] = Array.from({ length: paragraph.text.length }, (_, i) => paragraph.text[i]);
    const editable = new Uint8Array(paragraph.text.length);
    for (const s of paragraph.segments) editable.fill(1, s.textStart, s.textEnd);
    for (const r of replacements) {
      if (r.replacement.length === r.end - r.start) {
        for (let i = r.start; i < r.end; i++) chars[i] = editable[i] ? r.replacement[i - r.start] : chars[i];
      } else {
        let placed = false;
        for (let i = r.start; i < r.end; i++) {
          if (!editable[i]) continue;
          chars[i] = placed ? "" : r.replacement;
          placed = true;
        }
      }
    }
    for (const s of paragraph.segments) {
      const touched = replacements.some((r) => r.start < s.textEnd && r.end > s.textStart);
      if (!touched) continue;
      const text = chars.slice(s.textStart, s.textEnd).join("");
      splices.push({ start: s.xmlStart, end: s.xmlEnd, text: escapeXmlText(text) });
      if (text !== text.trim()) preserve.add(s.tagStart);
    }
  }
  // Opening tags that need xml:space="preserve" so a space left next to a removed value survives.
  for (const tagStart of preserve) {
    const tagEnd = xml.indexOf(">", tagStart);
    const tag = xml.slice(tagStart, tagEnd);
    if (!tag.includes("xml:space"))
      splices.push({ start: tagEnd, end: tagEnd, text: ' xml:space="preserve"' });
  }
  splices.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const s of splices) {
    parts.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}
