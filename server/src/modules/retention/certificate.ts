import type { LetterKind, LetterLayout } from "@civicpims/core/letters/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { AppError } from "../../http/errors";
import { type Locale, t } from "../../i18n";
import { renderLetterPdf } from "../letters/pdf-render";
import { agencyInfo, rows } from "./context";

interface CertRow {
  certificateNo: string;
  planNumber: string;
  batchNo: number;
  fileName: string | null;
  unitName: string | null;
  items: string[];
  itemCount: number;
  subjectCount: number;
  methodCode: string;
  destroyedOn: string;
  executor: string | null;
  approver: string | null;
  witness: string | null;
  reason: string | null;
  ledgerSeq: number | null;
  source: string;
  ownKind: string | null;
}

/**
 * The numbered destruction certificate (D5, D8) drawn with the letters renderer (Noto CJK). Built from the
 * destruction record on each download: the record is the evidence, the PDF its printable form.
 */
export async function certificatePdf(q: Queryable, agencyId: string, id: string, locale: Locale) {
  const [r] = await rows<CertRow>(
    q,
    sql`SELECT r.certificate_no AS "certificateNo", p.number AS "planNumber", r.batch_no AS "batchNo", r.file_name AS "fileName",
          u.name_local AS "unitName", r.items, r.item_count AS "itemCount", r.subject_count AS "subjectCount",
          r.method_code AS "methodCode", r.destroyed_on::text AS "destroyedOn", ex.display_name AS executor,
          ap.display_name AS approver, r.witness, r.reason, r.ledger_seq AS "ledgerSeq", p.source, p.own_kind AS "ownKind"
        FROM destruction_records r JOIN destruction_plans p ON p.id = r.plan_id
        LEFT JOIN units u ON u.id = r.unit_id
        LEFT JOIN staff ex ON ex.id = r.executor_id LEFT JOIN staff ap ON ap.id = r.approver_id
        WHERE r.id = ${id} AND r.agency_id = ${agencyId}`,
  );
  if (!r) throw new AppError(404, "retention.certificate_not_found");
  const a = await agencyInfo(q, agencyId);
  const L = (k: string, params?: Record<string, unknown>) => t(locale, `retention.cert.${k}`, params);
  const what = r.fileName ?? L(`own.${r.ownKind ?? r.source}`);
  const layout: LetterLayout = {
    kind: "destruction_certificate" as LetterKind,
    locale,
    jurisdiction: a.j,
    number: r.certificateNo,
    title: L("title"),
    issuedDate: r.destroyedOn,
    templateVersion: "retention-1",
    meta: {
      title: `${L("title")} ${r.certificateNo}`,
      subject: r.planNumber,
      author: a.name,
      language: locale,
    },
    blocks: [
      { type: "letterhead", agencyName: a.name, lines: [] },
      { type: "title", text: L("title") },
      {
        type: "fields",
        rows: [
          { label: L("number"), value: r.certificateNo },
          { label: L("plan"), value: `${r.planNumber} / ${r.batchNo}` },
          { label: L("file"), value: what },
          { label: L("unit"), value: r.unitName ?? "-" },
          { label: L("items"), value: r.items.join(", ") },
          { label: L("itemCount"), value: String(r.itemCount) },
          { label: L("subjectCount"), value: String(r.subjectCount) },
          { label: L("method"), value: L(`methods.${r.methodCode}`) },
          { label: L("date"), value: r.destroyedOn },
          { label: L("executor"), value: r.executor ?? "-" },
          { label: L("approver"), value: r.approver ?? "-" },
          { label: L("witness"), value: r.witness ?? "-" },
          { label: L("ledger"), value: r.ledgerSeq ? `#${r.ledgerSeq}` : "-" },
        ],
      },
      { type: "paragraph", text: L("statement") },
      { type: "signature", signer: r.approver ?? a.name, date: r.destroyedOn },
    ],
    footer: r.certificateNo,
  };
  return { pdf: await renderLetterPdf(layout), certificateNo: r.certificateNo };
}
