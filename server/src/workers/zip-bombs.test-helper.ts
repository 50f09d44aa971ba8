import { constants, crc32, deflateRawSync } from "node:zlib";

// Hostile xlsx files built at run time (not committed): a small upload whose sheet inflates to hundreds of
// MiB, optionally with a zip header that understates the size. The zip is written by hand so the declared
// sizes can lie; the sheet is deflated as a stream, so building one never holds the inflated bytes.

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = "</sheetData></worksheet>";

interface Entry {
  name: string;
  crc: number;
  size: number;
  data: Buffer;
}

/**
 * Deflates `head`, then `body` repeated up to `size` bytes in total, then `tail`. Each piece is deflated on
 * its own and sync-flushed (byte-aligned, no back-reference into another piece), so one compressed 1 MiB
 * block can simply be repeated: building a 1 GiB sheet takes a second and never holds the inflated bytes.
 */
function deflated(name: string, head: string, body: string, tail: string, size: number): Entry {
  const piece = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const out: Buffer[] = [];
  let crc = 0;
  let written = 0;
  const add = (raw: Buffer, packed: Buffer) => {
    crc = crc32(raw, crc);
    written += raw.length;
    out.push(packed);
  };
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  add(headBytes, piece(headBytes));
  const unit = Buffer.from(body);
  const block = Buffer.alloc(Math.floor((1024 * 1024) / unit.length) * unit.length);
  for (let i = 0; i < block.length; i += unit.length) unit.copy(block, i);
  const packedBlock = piece(block);
  while (size - written - tailBytes.length >= block.length) add(block, packedBlock);
  // Whole units, then spaces (whitespace between elements keeps the XML well formed).
  const room = size - written - tailBytes.length;
  const units = room - (room % unit.length);
  const rest = Buffer.concat([block.subarray(0, units), Buffer.alloc(room - units, " ")]);
  if (rest.length) add(rest, piece(rest));
  add(tailBytes, deflateRawSync(tailBytes, { level: 9 }));
  return { name, crc: crc >>> 0, size: written, data: Buffer.concat(out) };
}

function zip(entries: Entry[], declared: Map<string, number>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = declared.get(e.name) ?? e.size;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(0, 10);
    lh.writeUInt32LE(e.crc, 14);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(0, 12);
    ch.writeUInt32LE(e.crc, 16);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const small = (name: string, text: string) => deflated(name, text, " ", "", Buffer.byteLength(text));

/**
 * An xlsx whose one sheet inflates to `sheetBytes`. kind "cells": rows of small inline-string cells (what
 * a huge spreadsheet looks like); kind "padding": one row, then whitespace (few cells, many bytes).
 * `declaredSheetSize` puts a false uncompressed size in both zip headers of the sheet.
 */
export function inflatingXlsx(opts: {
  sheetBytes: number;
  kind: "cells" | "padding";
  declaredSheetSize?: number;
}): Buffer {
  const body =
    opts.kind === "cells"
      ? `<row><c t="inlineStr"><is><t>0</t></is></c><c t="inlineStr"><is><t>1</t></is></c></row>`
      : "                                                                ";
  const head =
    opts.kind === "cells"
      ? SHEET_HEAD
      : `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`;
  const sheet = deflated("xl/worksheets/sheet1.xml", head, body, SHEET_TAIL, opts.sheetBytes);
  const entries = [
    small("[Content_Types].xml", CONTENT_TYPES),
    small("_rels/.rels", RELS),
    small("xl/workbook.xml", WORKBOOK),
    small("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    sheet,
  ];
  const declared = new Map<string, number>();
  if (opts.declaredSheetSize !== undefined) declared.set(sheet.name, opts.declaredSheetSize);
  return zip(entries, declared);
}
