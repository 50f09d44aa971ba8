import { createInflateRaw, inflateRawSync } from "node:zlib";
import { zipSync } from "fflate";
import { DocumentInputError, type DocumentLimits, ExpansionError } from "./types";

/** One entry of a zip archive, read from the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/**
 * Lists the entries of a zip archive from its central directory. The central directory is read by hand
 * (not through a library) so the entry count is checked before anything is inflated: a zip bomb with a
 * million entries is refused after reading a few bytes.
 */
export function listZipEntries(buf: Uint8Array, limits: Pick<DocumentLimits, "maxZipEntries">): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocumentInputError("error", "corrupt zip: no central directory");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new DocumentInputError("needs_review", "zip64 archives are not supported");
  }
  if (count > limits.maxZipEntries) {
    throw new DocumentInputError(
      "needs_review",
      `zip has ${count} entries, over the limit of ${limits.maxZipEntries}`,
    );
  }
  if (cdOffset + cdSize > buf.length)
    throw new DocumentInputError("error", "corrupt zip: central directory out of range");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== CEN_SIG) {
      throw new DocumentInputError("error", "corrupt zip: bad central directory entry");
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method, flags, compressedSize, declaredSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Reads zip entries with a hard cap on the total decompressed size. Inflation itself is capped
 * (zlib's maxOutputLength), so a bomb that lies about its sizes still stops at the cap instead of
 * filling memory. Any failure becomes a DocumentInputError; nothing here throws anything else.
 */
export class SafeZip {
  readonly entries: ZipEntry[];
  private inflatedTotal = 0;
  // Entries already inflated, so a second read (scan, then rewrite) costs neither time nor budget.
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly buf: Uint8Array,
    private readonly limits: DocumentLimits,
  ) {
    this.entries = listZipEntries(buf, limits);
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.name === name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  read(name: string): Uint8Array {
    const entry = this.entries.find((e) => e.name === name);
    if (!entry) throw new DocumentInputError("error", `zip entry missing: ${name}`);
    return this.readEntry(entry);
  }

  readText(name: string): string {
    return new TextDecoder().decode(this.read(name));
  }

  readEntry(entry: ZipEntry): Uint8Array {
    const cached = this.cache.get(entry.name);
    if (cached) return cached;
    if (entry.flags & 1) throw new DocumentInputError("needs_review", "zip entry is encrypted");
    const view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    const p = entry.localHeaderOffset;
    if (p + 30 > this.buf.length || view.getUint32(p, true) !== LOC_SIG) {
      throw new DocumentInputError("error", "corrupt zip: bad local header");
    }
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.buf.length) throw new DocumentInputError("error", "corrupt zip: entry data out of range");
    const raw = this.buf.subarray(start, end);
    const budget = this.limits.maxDecompressedBytes - this.inflatedTotal;
    let out: Uint8Array;
    if (entry.method === 0) {
      out = raw;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
          throw new ExpansionError("unpacked_size", this.limits.maxDecompressedBytes);
        }
        throw new DocumentInputError("error", `corrupt zip entry ${entry.name}`);
      }
    } else {
      throw new DocumentInputError("needs_review", `zip compression method ${entry.method} not supported`);
    }
    this.inflatedTotal += out.length;
    if (this.inflatedTotal > this.limits.maxDecompressedBytes) {
      throw new ExpansionError("unpacked_size", this.limits.maxDecompressedBytes);
    }
    this.cache.set(entry.name, out);
    return out;
  }

  /** Reads every entry (within the caps), replacing the ones in `changes`, and writes a new archive. */
  rewrite(changes: Map<string, Uint8Array | null>): Uint8Array {
    const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    for (const e of this.entries) {
      if (e.name.endsWith("/")) continue;
      const changed = changes.get(e.name);
      if (changed === null) continue; // deleted
      const data = changed ?? this.readEntry(e);
      // OOXML and HWPX readers expect an uncompressed "mimetype" first; keep stored entries stored.
      files[e.name] = [data, { level: e.method === 0 ? 0 : 6 }];
    }
    return zipSync(files);
  }
}

/** Caps for {@link checkExpansion}: real inflated bytes (all entries), worksheet cells, shared strings. */
export interface ExpansionLimits {
  maxBytes: number;
  maxCells: number;
  maxSharedStrings: number;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/;
const LT = 0x3c;

/** Counts `<tag` followed by whitespace, `>` or `/` in a chunk; `carry` holds the previous chunk's tail. */
function countTags(chunk: Uint8Array, tag: Uint8Array, carry: Uint8Array): number {
  const b = carry.length
    ? Buffer.concat([carry, chunk])
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  let n = 0;
  for (let i = b.indexOf(LT); i >= 0 && i + tag.length < b.length; i = b.indexOf(LT, i + 1)) {
    let match = true;
    for (let k = 0; k < tag.length; k++) if (b[i + 1 + k] !== tag[k]) match = false;
    const next = b[i + 1 + tag.length];
    if (
      match &&
      (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
    )
      n++;
  }
  return n;
}

/**
 * Inflates every entry of an xlsx-like zip as a stream, counting the bytes that really come out (the
 * sizes in the headers are the sender's claim and are not trusted), the cells of the worksheets and the
 * shared strings; nothing inflated is kept, so memory stays at a slice. Throws ExpansionError at the first
 * cap crossed, before a parser that inflates without limits (exceljs) ever sees the file.
 */
export async function checkExpansion(
  buf: Uint8Array,
  entries: ZipEntry[],
  limits: ExpansionLimits,
): Promise<void> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let total = 0;
  let cells = 0;
  let strings = 0;
  const cellTag = new TextEncoder().encode("c");
  const siTag = new TextEncoder().encode("si");
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    if (entry.flags & 1) throw new DocumentInputError("needs_review", "zip entry is encrypted");
    const p = entry.localHeaderOffset;
    if (p + 30 > buf.length || view.getUint32(p, true) !== LOC_SIG)
      throw new DocumentInputError("error", "corrupt zip: bad local header");
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const end = start + entry.compressedSize;
    if (end > buf.length) throw new DocumentInputError("error", "corrupt zip: entry data out of range");
    const tag = WORKSHEET.test(entry.name) ? cellTag : SHARED_STRINGS.test(entry.name) ? siTag : null;
    let carry: Uint8Array = new Uint8Array(0);
    let over: ExpansionError | null = null;
    const onData = (chunk: Uint8Array) => {
      if (over) return;
      total += chunk.length;
      if (total > limits.maxBytes) {
        over = new ExpansionError("unpacked_size", limits.maxBytes);
        return;
      }
      if (!tag) return;
      const n = countTags(chunk, tag, carry);
      carry = chunk.slice(Math.max(0, chunk.length - tag.length - 1));
      if (tag === cellTag) {
        cells += n;
        if (cells > limits.maxCells) over = new ExpansionError("cells", limits.maxCells);
      } else {
        strings += n;
        if (strings > limits.maxSharedStrings)
          over = new ExpansionError("shared_strings", limits.maxSharedStrings);
      }
    };
    if (entry.method === 0) onData(buf.subarray(start, end));
    else if (entry.method === 8) {
      // zlib's native stream (an order of magnitude faster than a JS inflater); each chunk is counted and
      // dropped, and the stream is destroyed at the first cap crossed.
      const ok = await new Promise<boolean>((resolve) => {
        const z = createInflateRaw({ chunkSize: 256 * 1024 });
        z.on("data", (chunk: Buffer) => {
          onData(chunk);
          if (over) {
            z.destroy();
            resolve(true);
          }
        });
        z.on("error", () => resolve(false));
        z.on("end", () => resolve(true));
        z.end(buf.subarray(start, end));
      });
      if (!ok && !over) throw new DocumentInputError("error", `corrupt zip entry ${entry.name}`);
    } else
      throw new DocumentInputError("needs_review", `zip compression method ${entry.method} not supported`);
    if (over) throw over;
  }
}
