import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";
import * as mupdf from "mupdf";
import type { z } from "zod";

/**
 * Helpers for the isolation canary test: every text a response carries (JSON, CSV, the XML inside
 * an xlsx, the text layer of a PDF, the headers), and the query strings worth trying on a route.
 */

/** All searchable text of a response: headers + body, unpacked by content type. */
export function responseText(headers: Record<string, unknown>, raw: Buffer): string {
  const parts = [JSON.stringify(headers)];
  const type = String(headers["content-type"] ?? "");
  const isZip = raw.length > 4 && raw[0] === 0x50 && raw[1] === 0x4b && raw[2] === 3 && raw[3] === 4;
  const isPdf = raw.subarray(0, 5).toString("latin1") === "%PDF-";
  const isGzip = raw.length > 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  if (isGzip) {
    // A gzip (a backup tarball, a compressed export): search what it inflates to (tar headers are
    // plain text around the files). Compressed bytes would hide any canary.
    parts.push(gunzipSync(raw).toString("latin1"));
  } else if (isZip) {
    // xlsx (and any other zip): search the XML of every part, shared strings included.
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(raw))))
      parts.push(name, Buffer.from(bytes).toString("utf8"));
  } else if (isPdf) {
    // Raw bytes catch metadata (/Title, /Author) and uncompressed streams; the text layer needs
    // the PDF parsed (compressed, font-encoded streams). A file mupdf cannot open keeps the raw check.
    parts.push(raw.toString("latin1"));
    let doc: mupdf.Document | null = null;
    try {
      doc = mupdf.Document.openDocument(new Uint8Array(raw), "application/pdf");
    } catch {
      // not a parseable PDF (a stored upload): the raw bytes above are all there is
    }
    if (doc) {
      for (const key of ["info:Title", "info:Author", "info:Subject", "info:Keywords"])
        parts.push(doc.getMetaData(key) ?? "");
      for (let i = 0; i < doc.countPages(); i++)
        parts.push(doc.loadPage(i).toStructuredText("preserve-whitespace").asText());
    }
  } else if (type.startsWith("image/")) {
    // Known limitation: page images are not OCR'd; the raw bytes are still searched.
    parts.push(raw.toString("latin1"));
  } else {
    parts.push(raw.toString("utf8"));
  }
  return parts.join("\n").toLowerCase();
}

type Def = {
  type: string;
  format?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** What a query field accepts, seen through optional/default/pipe/union wrappers. */
export function fieldKind(schema: z.ZodType): {
  required: boolean;
  enums: string[];
  uuid: boolean;
  bool: boolean;
  text: boolean;
} {
  const out = { required: true, enums: [] as string[], uuid: false, bool: false, text: false };
  const walk = (s: z.ZodType | undefined, depth: number) => {
    if (!s || depth > 10) return;
    const d = defOf(s);
    switch (d.type) {
      case "optional":
      case "default":
      case "prefault":
      case "nullable":
        out.required = false;
        walk(d.innerType, depth + 1);
        break;
      case "pipe":
        walk(d.in, depth + 1);
        walk(d.out, depth + 1);
        break;
      case "union":
        for (const o of d.options ?? []) walk(o, depth + 1);
        break;
      case "array":
        walk(d.element, depth + 1);
        break;
      case "enum":
        out.enums.push(...Object.values(d.entries ?? {}).map(String));
        break;
      case "boolean":
        out.bool = true;
        break;
      case "string":
        if (d.format === "uuid") out.uuid = true;
        else if (!d.format) out.text = true;
        break;
    }
  };
  walk(schema, 0);
  return out;
}

export function queryShape(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (!schema) return {};
  const d = defOf(schema);
  return d.type === "object" ? (d.shape ?? {}) : {};
}

/**
 * Query strings worth trying: the required fields filled, then one variant per enum value, per
 * id filter (ids of both agencies) and per free-text search (both agencies' marks).
 */
export function queryVariants(
  schema: z.ZodType | undefined,
  idsFor: (field: string) => string[],
  searchTerms: string[],
): string[] {
  const shape = queryShape(schema);
  const base = new URLSearchParams();
  const kinds = Object.entries(shape).map(([k, s]) => [k, fieldKind(s)] as const);
  for (const [k, f] of kinds) if (f.required && f.enums.length) base.set(k, f.enums[0]);
  const variants = [base.toString()];
  const add = (k: string, v: string) => {
    const p = new URLSearchParams(base);
    p.set(k, v);
    variants.push(p.toString());
  };
  for (const [k, f] of kinds) {
    if (f.enums.length) for (const v of f.enums.slice(f.required ? 1 : 0)) add(k, v);
    else if (f.bool) add(k, "true");
    else if (f.uuid) for (const id of idsFor(k)) add(k, id);
    else if (f.text && ["q", "actor", "subject", "action"].includes(k))
      for (const s of searchTerms) add(k, s);
  }
  return [...new Set(variants)];
}
