import { entryName } from "@civicpims/core/registry/catalogue";
import type { RegistryLists } from "@civicpims/core/registry/lists";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Queryable } from "../../db/client";
import { agencies, registryEntrustments, registryFiles, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import type { Locale } from "../../i18n";
import { publishableOnly } from "../pii/guard.service";
import {
  publicEntrustmentGuardText,
  publicFileGuardText,
  REGISTRY_PUBLIC_ENTRUSTMENT,
  REGISTRY_PUBLIC_FILE,
} from "../pii/registry-hook";
import { agencyInfo, agencyLists } from "./context";
import { type FileRow, getFileRow } from "./files.service";
import * as s from "./schemas";

const tag = "registry-public";

async function agencyByCode(q: Queryable, code: string) {
  const [a] = await q.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  if (!a) throw notFound();
  return agencyInfo(q, a.id);
}

const named = (lists: RegistryLists, list: keyof RegistryLists, codes: readonly string[], locale: Locale) =>
  codes.map((code) => {
    const e = lists[list].find((x) => x.code === code);
    return { code, name: e ? entryName(e, locale, ["ko", "zh-TW"]) : code };
  });

/**
 * One public entry: the union of what PIPA Art 32 (KR file list: name, basis, purpose, items, processing
 * method, retention, recipients, access-request unit) and PDPA Art 17 (TW: name, holding agency and
 * contact, basis and specific purposes, data categories) ask to publish. Never internal notes or staff.
 */
export function publicFileEntry(
  f: FileRow,
  lists: RegistryLists,
  locale: Locale,
  unitName: (id: string | null) => { name: string; phone: string | null } | null,
) {
  return {
    id: f.id,
    name: f.name,
    legalBasis: { text: f.legalBasisText, codes: named(lists, "legalBases", f.legalBasisCodes, locale) },
    purpose: f.purposeText,
    purposes: named(lists, "purposes", f.purposeCodes, locale),
    categories: named(lists, "dataCategories", f.categoryCodes, locale),
    items: f.items.map((i) => i.name),
    subjectCategories: f.subjectCategories,
    processingMethod: f.processingMethod,
    retentionPeriod: f.retentionPeriod,
    recipients: f.routineRecipients,
    managingUnit: unitName(f.unitId),
    accessRequestUnit: unitName(f.accessRequestUnitId ?? f.unitId),
    publishedOn: f.publishedOn,
  };
}

/** Names and phones of the units the files point to, for their public entries. */
async function unitNames(q: Queryable, agencyId: string, files: readonly FileRow[]) {
  const unitIds = [
    ...new Set(files.flatMap((f) => [f.unitId, f.accessRequestUnitId].filter((x): x is string => !!x))),
  ];
  const us = unitIds.length
    ? await q
        .select({ id: units.id, name: units.nameLocal, phone: units.phone })
        .from(units)
        .where(and(eq(units.agencyId, agencyId), inArray(units.id, unitIds)))
    : [];
  const byId = new Map(us.map((u) => [u.id, { name: u.name, phone: u.phone }]));
  return (id: string | null) => (id ? (byId.get(id) ?? null) : null);
}

/** Citizen portal JSON (issue item 10): public file list and entrustment list; no login. */
export function registerPublicRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/public/registry/:agencyCode/files",
    access: "public",
    tag,
    summary: "Public list of personal-data files (KR 개인정보파일 목록 / TW 個人資料檔案公開項目)",
    params: s.publicParams,
    handler: async (c) => {
      const agency = await agencyByCode(c.tx, c.params.agencyCode);
      const lists = await agencyLists(c.tx, agency);
      const files = await c.tx
        .select()
        .from(registryFiles)
        .where(
          and(
            eq(registryFiles.agencyId, agency.id),
            eq(registryFiles.isPublic, true),
            eq(registryFiles.status, "active"),
          ),
        )
        .orderBy(asc(registryFiles.name));
      const unitName = await unitNames(c.tx, agency.id, files);
      const locale = c.locale;
      return {
        agency: {
          code: agency.code,
          name: locale === "en" ? agency.nameEn : agency.nameLocal,
          jurisdiction: agency.jurisdiction,
        },
        // Publication guard (issue 7 item 6): an entry holding personal data is withheld until fixed or overridden.
        files: await publishableOnly(
          c.tx,
          c.deps,
          agency.id,
          REGISTRY_PUBLIC_FILE,
          files.map((f) => publicFileEntry(f, lists, locale, unitName)),
          publicFileGuardText,
        ),
      };
    },
    audit: { skip: "published register, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/public/registry/:agencyCode/entrustments",
    access: "public",
    tag,
    summary: "Public entrustment list (B7: 연번, 위탁업무 내용, 수탁기관)",
    params: s.publicParams,
    handler: async (c) => {
      const agency = await agencyByCode(c.tx, c.params.agencyCode);
      const rows = await c.tx
        .select({
          id: registryEntrustments.id,
          seq: registryEntrustments.seq,
          tasks: registryEntrustments.tasks,
          vendor: registryEntrustments.vendor,
        })
        .from(registryEntrustments)
        .where(
          and(
            eq(registryEntrustments.agencyId, agency.id),
            eq(registryEntrustments.isPublic, true),
            eq(registryEntrustments.status, "active"),
          ),
        )
        .orderBy(asc(registryEntrustments.seq));
      return {
        agency: {
          code: agency.code,
          name: c.locale === "en" ? agency.nameEn : agency.nameLocal,
          jurisdiction: agency.jurisdiction,
        },
        // The same publication guard as the file list: an entry holding personal data is withheld until
        // fixed or overridden (with a reason, ledgered) by the privacy officer for that exact text.
        entrustments: (
          await publishableOnly(
            c.tx,
            c.deps,
            agency.id,
            REGISTRY_PUBLIC_ENTRUSTMENT,
            rows,
            publicEntrustmentGuardText,
          )
        ).map(({ id: _id, ...entry }) => entry),
      };
    },
    audit: { skip: "published entrustment list, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/files/:id/public-preview",
    access: "registry.read",
    tag,
    summary:
      "What the portal's file list would show for this file, before it is made public (issue 11 item 3)",
    params: s.idParams,
    handler: async (c) => {
      const row = await getFileRow(c.tx, c.agencyId, c.params.id);
      const agency = await agencyInfo(c.tx, c.agencyId);
      const lists = await agencyLists(c.tx, agency);
      const unitName = await unitNames(c.tx, agency.id, [row]);
      return {
        jurisdiction: agency.jurisdiction,
        isPublic: row.isPublic,
        entry: publicFileEntry(row, lists, c.locale, unitName),
      };
    },
    audit: { skip: "register metadata: the public entry of a file, no data about any person" },
  });
}
