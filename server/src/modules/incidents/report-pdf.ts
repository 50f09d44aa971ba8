import type { LetterKind, LetterLayout } from "@civicpims/core/letters/index";
import type { Locale } from "../../i18n";
import { t } from "../../i18n";
import { renderLetterPdf } from "../letters/pdf-render";
import type { incidentView } from "./incidents.service";

type View = Awaited<ReturnType<typeof incidentView>>;

const fmt = (d: Date | string | null, tz: string, locale: Locale) =>
  d
    ? new Intl.DateTimeFormat(locale, { timeZone: tz, dateStyle: "long", timeStyle: "short" }).format(
        new Date(d),
      )
    : "-";

/**
 * The regulator report (KR: PIPA §34③ items; TW: the 004 四十五 report items and 施行細則 §22 facts) as a PDF:
 * each field the rule pack lists, with its value from the incident record, and the clocks with their rules.
 */
export async function regulatorReportPdf(
  v: View,
  agencyName: string,
  locale: Locale,
  now = new Date(),
): Promise<Buffer> {
  const tz = v.timeZone;
  const notice = v.notice ?? {};
  const value: Record<string, string> = {
    items: v.register.items.join(", ") || "-",
    when_how: `${fmt(v.occurredAt ?? v.detectedAt, tz, locale)} — ${v.details.description ?? "-"}`,
    advice: notice.advice ?? "-",
    measures: [notice.measures, v.details.containment].filter(Boolean).join("\n") || "-",
    contact: notice.contact ?? "-",
    subject_count: v.subjectCount === null ? "-" : String(v.subjectCount),
    reporter: v.detectedByName ?? "-",
    method: v.details.method ?? t(locale, `incidents.kind.${v.kind}`),
    time: fmt(v.occurredAt ?? v.detectedAt, tz, locale),
    place: v.details.place ?? "-",
    categories_volume: `${v.register.items.join(", ") || "-"} / ${v.subjectCount ?? "-"}`,
    containment: v.details.containment ?? "-",
    facts_measures: [notice.facts, notice.measures].filter(Boolean).join("\n") || "-",
  };
  const issued = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(now);
  const layout: LetterLayout = {
    // The renderer draws blocks only; the kind is metadata of letters, not used for this report.
    kind: "ack" as LetterKind,
    locale: locale as LetterLayout["locale"],
    jurisdiction: v.jurisdiction,
    number: v.number,
    title: t(locale, "incidents.report.title"),
    issuedDate: issued,
    templateVersion: "incident-report-1",
    meta: {
      title: t(locale, "incidents.report.title"),
      subject: v.number,
      author: agencyName,
      language: locale,
    },
    blocks: [
      { type: "letterhead", agencyName, lines: [] },
      { type: "title", text: t(locale, "incidents.report.title") },
      {
        type: "fields",
        rows: [
          { label: t(locale, "incidents.report.number"), value: v.number },
          { label: t(locale, "incidents.report.incidentTitle"), value: v.title },
          { label: t(locale, "incidents.report.kind"), value: t(locale, `incidents.kind.${v.kind}`) },
          { label: t(locale, "incidents.report.detected"), value: fmt(v.detectedAt, tz, locale) },
          {
            label: t(locale, "incidents.report.processing"),
            value: t(locale, v.automated ? "incidents.automated" : "incidents.manual"),
          },
        ],
      },
      { type: "heading", text: t(locale, "incidents.report.fields") },
      ...v.reportFields.flatMap((f) => [
        {
          type: "heading" as const,
          text: `${f.name}${f.verify ? ` (${t(locale, "incidents.verify")})` : ""}`,
        },
        { type: "paragraph" as const, text: value[f.code] ?? "-" },
        { type: "citation" as const, text: f.source },
      ]),
      { type: "heading", text: t(locale, "incidents.report.clocks") },
      {
        type: "table",
        columns: [
          t(locale, "incidents.report.clock"),
          t(locale, "incidents.report.due"),
          t(locale, "incidents.report.state"),
        ],
        widths: [0.5, 0.3, 0.2],
        rows: v.clocks.map((c) => [
          `${c.name}\n${c.citation}`,
          c.dueText,
          t(locale, `incidents.state.${c.state}`),
        ]),
      },
    ],
    footer: v.number,
  };
  return renderLetterPdf(layout, { createdAt: now });
}
