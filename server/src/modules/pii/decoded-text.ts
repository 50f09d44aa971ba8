import iconv from "iconv-lite";
import { AppError } from "../../http/errors";
import { guessEncoding } from "./documents/encoding";

/** The decoded text of a txt/csv document (BOM dropped): the offsets findings and ranges refer to. */
export function decodedText(buf: Uint8Array): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const guess = guessEncoding(b.subarray(0, 64 * 1024), b.length <= 64 * 1024);
  if (!guess.ok) throw new AppError(400, "pii.unreadable", undefined, { reason: guess.reason });
  return iconv.decode(b.subarray(guess.bomLength), guess.encoding);
}
