import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../../http/errors";
import { assertCleanFields } from "../../http/validation-errors";

/** Reads the one file (field "file") of a multipart request and the text fields sent before it. */
export async function readUpload(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ filename: string; data: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw badRequest("pii.upload_missing");
  const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
  if (!part) throw badRequest("pii.upload_missing");
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(maxBytes);
    throw e;
  }
  if (data.length > maxBytes) throw tooLarge(maxBytes);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const value = (v as { value?: unknown } | undefined)?.value;
    if (typeof value === "string") fields[k] = value;
  }
  assertCleanFields({ ...fields, filename: part.filename }, req.locale);
  return { filename: part.filename || "document", data, fields };
}

function tooLarge(maxBytes: number) {
  return new AppError(413, "pii.upload_too_large", undefined, {
    limit: `${Math.round(maxBytes / 1048576)} MB`,
  });
}
