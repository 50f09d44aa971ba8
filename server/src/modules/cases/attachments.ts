import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/client";
import { caseAttachments } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest } from "../../http/errors";
import { assertCleanFields } from "../../http/validation-errors";
import { sealFile } from "../../security/file-crypto";
import { readStoredFile } from "../../security/file-migration";
import { runJob } from "../../workers/pool";

/** Hard cap for one attachment (also bounded by the server's maxUploadBytes). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_KINDS = [
  "scan",
  "power_of_attorney",
  "identity_document",
  "evidence",
  "other",
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const ALLOWED: Record<string, { mime: string; check: (b: Buffer) => boolean }> = {
  pdf: { mime: "application/pdf", check: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  png: {
    mime: "image/png",
    check: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  jpg: { mime: "image/jpeg", check: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: "image/jpeg", check: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    check: (b) => isZip(b) && b.includes("word/"),
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    check: (b) => isZip(b) && b.includes("xl/"),
  },
  txt: { mime: "text/plain; charset=utf-8", check: (b) => isText(b) },
};

const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

function isText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Program formats refused whatever the name says (PE, ELF, Mach-O, scripts with a shebang, Java class). */
export function looksExecutable(b: Buffer): boolean {
  if (b.length < 2) return false;
  if (b[0] === 0x4d && b[1] === 0x5a) return true; // MZ: Windows PE
  if (b.length >= 4) {
    const m = b.readUInt32BE(0);
    if (m === 0x7f454c46) return true; // ELF
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(m)) return true; // Mach-O, fat, class
  }
  return b[0] === 0x23 && b[1] === 0x21; // #!
}

const BLOCKED_EXT =
  /\.(exe|dll|com|bat|cmd|sh|bash|ps1|psm1|vbs|vbe|js|jse|mjs|wsf|wsh|msi|msp|scr|pif|cpl|jar|app|apk|elf|bin|run|hta|lnk|reg|so|dylib)$/i;

export interface ValidatedFile {
  filename: string;
  ext: string;
  mimeType: string;
  data: Buffer;
}

/** Checks name, size and content; throws 400/413/415 with a stable code. */
export function validateAttachment(filename: string, data: Buffer, maxBytes: number): ValidatedFile {
  const name =
    filename
      .normalize("NFC")
      .replace(/[/\\\u0000-\u001f]/g, "_")
      .slice(-200) || "file";
  if (data.length === 0) throw badRequest("cases.attachment_empty");
  if (data.length > maxBytes)
    throw new AppError(413, "cases.attachment_too_large", undefined, {
      limit: `${Math.round(maxBytes / 1048576)} MB`,
    });
  if (BLOCKED_EXT.test(name) || looksExecutable(data)) throw new AppError(415, "cases.attachment_type");
  const ext = (name.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? "").toLowerCase();
  const rule = ALLOWED[ext];
  if (!rule?.check(data)) throw new AppError(415, "cases.attachment_type", { ext });
  return { filename: name, ext, mimeType: rule.mime, data };
}

export function attachmentLimit(deps: AppDeps): number {
  return Math.min(ATTACHMENT_MAX_BYTES, deps.config.maxUploadBytes);
}

/** Reads the one multipart file of a request (field "file") and the `kind` field; enforces the size cap. */
export async function readMultipartFile(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ filename: string; data: Buffer; kind: AttachmentKind }> {
  if (!req.isMultipart()) throw badRequest("cases.attachment_missing");
  const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
  if (!part) throw badRequest("cases.attachment_missing");
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError(413, "cases.attachment_too_large", undefined, {
        limit: `${Math.round(maxBytes / 1048576)} MB`,
      });
    throw e;
  }
  const field = part.fields.kind as { value?: unknown } | undefined;
  const raw = typeof field?.value === "string" ? field.value : "other";
  assertCleanFields({ kind: raw, filename: part.filename }, req.locale);
  const kind = (ATTACHMENT_KINDS as readonly string[]).includes(raw) ? (raw as AttachmentKind) : "other";
  return { filename: part.filename, data, kind };
}

/**
 * PII scan of text attachments: the number of findings staff see next to the file. It runs in an upload
 * worker (a 10 MB text takes the detector seconds); when the workers are busy or the scan is stopped, the
 * attachment is still stored, marked "not scanned", so a citizen's request is never refused for it.
 */
export async function scanAttachment(f: ValidatedFile): Promise<{
  piiFindings: number | null;
  piiStatus: "ok" | "needs_review" | "not_scanned";
}> {
  if (f.ext !== "txt") return { piiFindings: null, piiStatus: "not_scanned" };
  try {
    const r = await runJob("text.scan", { data: f.data });
    return { piiFindings: r.findings, piiStatus: r.status };
  } catch (e) {
    if (e instanceof AppError) return { piiFindings: null, piiStatus: "not_scanned" };
    throw e;
  }
}

export async function storeAttachment(
  tx: Tx,
  target: { agencyId: string; caseId?: string | null; submissionId?: string | null },
  file: ValidatedFile,
  kind: AttachmentKind,
  by: { id: string | null; label: string },
  fieldKey: Buffer,
  /** The scan, when the route ran it before its transaction (RouteDef.prepare). */
  scanned?: Awaited<ReturnType<typeof scanAttachment>>,
) {
  const pii = scanned ?? (await scanAttachment(file));
  const [row] = await tx
    .insert(caseAttachments)
    .values({
      agencyId: target.agencyId,
      caseId: target.caseId ?? null,
      submissionId: target.submissionId ?? null,
      kind,
      filename: file.filename,
      mimeType: file.mimeType,
      size: file.data.length,
      sha256: createHash("sha256").update(file.data).digest("hex"),
      // E4: identity documents and powers of attorney hold unique identifiers: encrypted at rest with
      // the file's own data key (envelope), so one file can be crypto-shredded by deleting its key.
      ...sealFile(fieldKey, file.data),
      ...pii,
      uploadedBy: by.id,
      uploadedByLabel: by.label,
    })
    .returning();
  return attachmentView(row);
}

/** The original bytes; a row that fails its integrity check is an error (files.integrity), never the raw bytes. */
export function attachmentBytes(
  fieldKey: Buffer,
  row: { data: Buffer | Uint8Array; wrappedKey: string | null; sha256: string },
): Buffer {
  return readStoredFile(fieldKey, row);
}

export function attachmentView(a: typeof caseAttachments.$inferSelect) {
  return {
    id: a.id,
    caseId: a.caseId,
    kind: a.kind,
    filename: a.filename,
    mimeType: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    piiFindings: a.piiFindings,
    piiStatus: a.piiStatus,
    uploadedBy: a.uploadedByLabel,
    createdAt: a.createdAt.toISOString(),
  };
}
