import { date, longText, text } from "@civicpims/core/validation/index";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Tx } from "../../db/client";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { assertCleanFields } from "../../http/validation-errors";
import type { Locale } from "../../i18n";
import type { AuthContext } from "../auth/auth-context";
import { bump, PORTAL_WINDOW_SECONDS, throttled, throttleKey } from "../portal/throttle";
import {
  ARCHIVE_MAX_BYTES,
  archiveEnabled,
  checkArchiveFile,
  guardArchive,
  publicAgency,
  publicFile,
  publicSearch,
  publishEntry,
  releasedFile,
  releasedFiles,
  setArchiveEnabled,
  staffList,
  unpublishEntry,
} from "./archive.service";

const tag = "archive";
const actorOf = (c: { auth: AuthContext }) => ({ id: c.auth.staffId, label: c.auth.username });
const meta = z.object({
  title: text({ min: 1, max: 300 }),
  summary: longText({ max: 4000 }).default(""),
  documentDate: date(),
  unitId: z.uuid().nullable().optional(),
});
const fromCase = meta.extend({ attachmentId: z.uuid() });
const entryParams = z.object({ entryId: z.uuid() });
const agencyParams = z.object({ agency: text({ min: 1, max: 64, trim: false }) });
const publicFileParams = agencyParams.extend({ entryId: z.uuid() });

/** Public archive requests per client address per portal window (searches and downloads together). */
export const ARCHIVE_IP_LIMIT = 300;

/** The multipart upload of the archive: the file and the entry's fields, checked like a JSON body. */
async function readArchiveUpload(req: FastifyRequest, locale: Locale) {
  if (!req.isMultipart()) throw badRequest("archive.missing");
  const part = await req.file({ limits: { fileSize: ARCHIVE_MAX_BYTES + 1, files: 1 } });
  if (!part) throw badRequest("archive.missing");
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError(413, "archive.too_large", undefined, { limit: `${ARCHIVE_MAX_BYTES / 1048576} MB` });
    throw e;
  }
  const fields: Record<string, string> = {};
  for (const k of ["title", "summary", "documentDate", "unitId"]) {
    const v = (part.fields[k] as { value?: unknown } | undefined)?.value;
    if (typeof v === "string" && v !== "") fields[k] = v;
  }
  assertCleanFields({ filename: part.filename }, locale);
  const parsed = meta.safeParse(fields);
  if (!parsed.success)
    throw new AppError(
      400,
      "validation",
      parsed.error.issues.map((i) => ({ field: i.path.join("."), code: i.code })),
    );
  return { file: checkArchiveFile(part.filename, data), meta: parsed.data };
}

async function limitPublic(c: { req: FastifyRequest; reply: FastifyReply; tx: Tx }) {
  const key = throttleKey("archive-ip", c.req.ip);
  const wait = await throttled(c.tx, [[key, ARCHIVE_IP_LIMIT]]);
  if (wait !== null) {
    c.reply.header("retry-after", String(Math.min(wait, PORTAL_WINDOW_SECONDS)));
    throw new AppError(429, "archive.rate_limited");
  }
  await bump(c.tx, key);
}

type EntryView = ReturnType<typeof entryView>;
const publishAudit = {
  action: "archive.entry.publish",
  resourceType: "archive_entry",
  resourceId: (r: EntryView) => r.id,
  details: (r: EntryView) => ({
    caseId: r.caseId,
    size: r.size,
    documentDate: r.documentDate,
  }),
};

const entryView = (r: {
  id: string;
  title: string;
  caseId: string | null;
  size: number;
  documentDate: string;
  status: string;
}) => ({
  id: r.id,
  title: r.title,
  caseId: r.caseId,
  size: r.size,
  documentDate: r.documentDate,
  status: r.status,
});

/** Public archive of released documents (issue 12 item 3, J1). */
export function registerArchiveRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/archive/settings",
    access: "archive.manage",
    tag,
    summary: "Whether the agency publishes a public archive",
    handler: async (c) => ({ enabled: await archiveEnabled(c.tx, c.agencyId) }),
    audit: { skip: "a setting" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/archive/settings",
    access: "archive.settings",
    tag,
    summary: "Opt the agency in or out of the public archive",
    body: z.object({ enabled: z.boolean() }),
    handler: async (c) => setArchiveEnabled(c.tx, c.agencyId, c.body.enabled),
    audit: { action: "archive.settings.update", resourceType: "agency", details: (r) => r },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/archive",
    access: "archive.manage",
    tag,
    summary: "The agency's archive entries, withdrawn ones too",
    query: z.object({ q: text({ max: 200 }).optional() }),
    handler: async (c) => ({
      enabled: await archiveEnabled(c.tx, c.agencyId),
      items: await staffList(c.tx, c.agencyId, c.query.q ?? ""),
      limitBytes: ARCHIVE_MAX_BYTES,
    }),
    audit: { skip: "published titles only" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/archive/released",
    access: "archive.manage",
    tag,
    summary: "Released files of the agency's cases by receipt number (the publish form's picker)",
    query: z.object({ number: text({ max: 40 }).optional() }),
    readOnlyNoTransaction: true,
    handler: async (c) => releasedFiles(c.tx, c.agencyId, c.query.number ?? ""),
    audit: { skip: "receipt numbers, case kinds and released file names only, as the case list" },
  });

  type Released = Awaited<ReturnType<typeof releasedFile>>;
  defineRoute<typeof fromCase, undefined, undefined, EntryView, Released>(app, deps, {
    method: "POST",
    url: "/api/archive",
    access: "archive.manage",
    tag,
    summary: "Publish the released file of a case (attachmentId of a released redaction)",
    body: fromCase,
    status: 201,
    prepare: async (c) => {
      const f = await releasedFile(c.db, c.deps, c.agencyId, c.body.attachmentId);
      await guardArchive(c.db, c.deps, c.agencyId, f, c.body, actorOf(c));
      return f;
    },
    handler: async (c) =>
      entryView(await publishEntry(c.tx, c.deps, c.agencyId, { ...c.body, ...c.prepared }, actorOf(c))),
    audit: publishAudit,
  });

  type Upload = Awaited<ReturnType<typeof readArchiveUpload>>;
  defineRoute<undefined, undefined, undefined, EntryView, Upload>(app, deps, {
    method: "POST",
    url: "/api/archive/upload",
    access: "archive.manage",
    tag,
    summary: "Publish an uploaded PDF (multipart: file, title, summary, documentDate, unitId)",
    status: 201,
    prepare: async (c) => {
      const u = await readArchiveUpload(c.req, c.locale);
      await guardArchive(c.db, c.deps, c.agencyId, u.file, u.meta, actorOf(c));
      return u;
    },
    handler: async (c) =>
      entryView(
        await publishEntry(c.tx, c.deps, c.agencyId, { ...c.prepared.meta, ...c.prepared.file }, actorOf(c)),
      ),
    audit: publishAudit,
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/archive/:entryId/unpublish",
    access: "archive.manage",
    tag,
    summary: "Withdraw an entry from the public archive, with a reason",
    params: entryParams,
    body: z.object({ reason: longText({ min: 1, max: 2000 }) }),
    handler: async (c) => entryView(await unpublishEntry(c.tx, c.agencyId, c.params.entryId, c.body.reason)),
    audit: {
      action: "archive.entry.unpublish",
      resourceType: "archive_entry",
      resourceId: (r) => r.id,
      details: (r) => ({ title: r.title }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/portal/:agency/archive",
    access: "public",
    tag,
    summary: "Public archive of an agency: search by words in title and summary",
    params: agencyParams,
    query: z.object({
      q: text({ max: 200 }).optional(),
      page: z.coerce.number().int().min(1).max(1000).default(1),
    }),
    handler: async (c) => {
      await limitPublic(c);
      const a = await publicAgency(c.tx, c.params.agency);
      return {
        agency: { code: a.code, name: a.name },
        ...(await publicSearch(c.tx, a.id, c.query.q ?? "", c.query.page)),
      };
    },
    audit: { skip: "public by design: released documents that passed the PII guard" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/portal/:agency/archive/:entryId/file",
    access: "public",
    tag,
    summary: "Download a published document of the public archive",
    params: publicFileParams,
    raw: true,
    handler: async (c) => {
      await limitPublic(c);
      const a = await publicAgency(c.tx, c.params.agency);
      const f = await publicFile(c.tx, c.deps, a.id, c.params.entryId);
      return c.reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(f.data);
    },
    audit: { skip: "public by design: released documents that passed the PII guard" },
  });
}
