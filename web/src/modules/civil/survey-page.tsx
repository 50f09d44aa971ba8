// /petitions/surveys: results of the resident satisfaction survey (I6) for staff. Scores only: the server
// never sends the residents' comments. Averages per question with counts, per unit and per month, and a
// bar chart whose text alternative is the summary table under it.
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { Field, Form, SelectField } from "../../components/form";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useUnits } from "../org/use-units";
import { useDay } from "./format";
import { SurveyChart } from "./survey-chart";
import "./print.css";

const QUESTIONS = ["speed", "kindness", "clarity", "overall"] as const;
type Question = (typeof QUESTIONS)[number];
type Scores = { count: number } & Record<Question, number | null>;
interface SurveyResults {
  total: Scores;
  byUnit: Array<Scores & { unitId: string | null; unit: string | null; unitEn: string | null }>;
  byMonth: Array<Scores & { year: number; month: number }>;
}

export function SurveyResultsPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const day = useDay();
  const { unitName, unitOptions } = useUnits();
  const year = new Date().getFullYear();
  const [filter, setFilter] = useState({ from: `${year}-01-01`, to: `${year}-12-31`, unitId: "" });
  const load = useLoad(
    (signal) =>
      api.get<SurveyResults>("/api/petitions/surveys", {
        signal,
        query: { from: filter.from, to: filter.to, ...(filter.unitId ? { unitId: filter.unitId } : {}) },
      }),
    [filter.from, filter.to, filter.unitId],
  );
  const lang = i18n.language;
  const avg = (v: number | null) =>
    v === null
      ? "—"
      : new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
  const num = (v: number) => new Intl.NumberFormat(lang).format(v);
  const monthName = (y: number, m: number) =>
    new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(
      Date.UTC(y, m - 1, 1),
    );
  const unitLabel = (u: SurveyResults["byUnit"][number]) =>
    u.unitId
      ? lang === "en" && u.unitEn
        ? u.unitEn
        : (u.unit ?? unitName(u.unitId))
      : t("civil.surveys.noUnit");
  const q = (k: Question) => t(`civil.surveys.questions.${k}`);
  const d = load.data;
  const labels = useMemo(() => QUESTIONS.map((k) => t(`civil.surveys.questions.${k}`)), [t]);
  const series = useMemo(
    () => (d ? [{ label: t("civil.surveys.average"), data: QUESTIONS.map((k) => d.total[k]) }] : []),
    [d, t],
  );
  const summaryId = `${id}-summary`;

  const scoreTable = <R extends Scores>(
    caption: string,
    head: string,
    rows: R[],
    rowLabel: (r: R) => string,
  ) => (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t("civil.surveys.count")}</th>
            {QUESTIONS.map((k) => (
              <th key={k} scope="col">
                {q(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowLabel(r)}>
              <th scope="row">{rowLabel(r)}</th>
              <td className="num">{num(r.count)}</td>
              {QUESTIONS.map((k) => (
                <td key={k} className="num">
                  {avg(r[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <Page
      title={t("civil.surveys.title")}
      actions={
        <button type="button" className="btn" onClick={() => window.print()}>
          {t("civil.analysis.print")}
        </button>
      }
    >
      <p className="hint no-print">{t("civil.surveys.intro")}</p>
      <p className="print-only">
        {t("civil.analysis.printedPeriod", { from: day(filter.from), to: day(filter.to) })}
        {filter.unitId ? ` · ${unitName(filter.unitId)}` : ""}
      </p>
      <div className="no-print">
        <Form
          label={t("civil.surveys.filters")}
          submitLabel={t("civil.common.apply")}
          onSubmit={async (v) => {
            // Checked here as the analysis page's server does: a reversed period is a mistake, not "no answers".
            if (v.to < v.from)
              throw new ApiError(400, "civil.period_order", t("civil.surveys.periodOrder"), null, null);
            setFilter({ from: v.from, to: v.to, unitId: v.unitId });
          }}
        >
          <Field name="from" type="date" label={t("civil.common.from")} defaultValue={filter.from} required />
          <Field name="to" type="date" label={t("civil.common.to")} defaultValue={filter.to} required />
          <SelectField
            name="unitId"
            label={t("civil.surveys.unit")}
            emptyLabel={t("civil.surveys.allUnits")}
            options={unitOptions()}
            defaultValue={filter.unitId}
          />
        </Form>
      </div>
      <ErrorBox text={load.error} />
      {load.loading && !d && <Loading />}
      {d && d.total.count === 0 && <p>{t("civil.surveys.empty")}</p>}
      {d && d.total.count > 0 && (
        <>
          <section className="card comp-analysis" aria-labelledby={`${id}-h1`}>
            <h2 id={`${id}-h1`}>{t("civil.surveys.summary")}</h2>
            <SurveyChart
              labels={labels}
              series={series}
              locale={lang}
              label={t("civil.surveys.chartOf")}
              tableId={summaryId}
            />
            <div className="table-wrap">
              <table className="table" id={summaryId}>
                <caption>{t("civil.surveys.summaryCaption", { count: d.total.count })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("civil.surveys.question")}</th>
                    <th scope="col">{t("civil.surveys.average")}</th>
                    <th scope="col">{t("civil.surveys.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {QUESTIONS.map((k) => (
                    <tr key={k}>
                      <th scope="row">{q(k)}</th>
                      <td className="num">{avg(d.total[k])}</td>
                      <td className="num">{num(d.total.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">{t("civil.surveys.scale")}</p>
          </section>
          <section className="card comp-analysis" aria-labelledby={`${id}-h2`}>
            <h2 id={`${id}-h2`}>{t("civil.surveys.byUnit")}</h2>
            {scoreTable(t("civil.surveys.byUnit"), t("civil.surveys.unit"), d.byUnit, unitLabel)}
          </section>
          <section className="card comp-analysis" aria-labelledby={`${id}-h3`}>
            <h2 id={`${id}-h3`}>{t("civil.surveys.byMonth")}</h2>
            {scoreTable(t("civil.surveys.byMonth"), t("civil.surveys.month"), d.byMonth, (r) =>
              monthName(r.year, r.month),
            )}
          </section>
        </>
      )}
    </Page>
  );
}
