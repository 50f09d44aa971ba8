import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, buildUrl } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { UnconfirmedMark } from "../../components/unconfirmed-mark";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useUnits } from "../org/use-units";
import { CasePicker } from "./case-picker";
import { useDay, useLossTypes, useMoney } from "./format";
import "./print.css";

export interface Compensation {
  id: string;
  occurredOn: string;
  lossType: string;
  amount: number;
  currency: string;
  caseId: string | null;
  caseNumber?: string | null;
  unitId: string | null;
  status: "recorded" | "approved" | "paid";
  recordedBy: string;
  approvedBy: string | null;
  approvedOn: string | null;
  paidOn: string | null;
  payee: { name: string; bank: string | null; account: string | null } | null;
  description?: string;
}

/** List of claims with the record form (I4). The payee is masked by the server. */
export function CompensationListPage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const day = useDay();
  const money = useMoney();
  const loss = useLossTypes();
  const { unitName, unitOptions } = useUnits();
  const list = useLoad((signal) => api.get<Compensation[]>("/api/civil/compensation", { signal }), []);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const currency = session?.agency.jurisdiction === "TW" ? "TWD" : "KRW";
  return (
    <Page
      title={t("civil.comp.title")}
      actions={
        can("civil.compensation.record") ? (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t("civil.comp.new")}
          </button>
        ) : null
      }
    >
      <p className="hint">{t("civil.comp.intro")}</p>
      <StatusMessage text={status} />
      <ErrorBox text={list.error} />
      {adding && (
        <section className="card" aria-labelledby="comp-new">
          <h2 id="comp-new">{t("civil.comp.new")}</h2>
          <Form
            label={t("civil.comp.new")}
            submitLabel={t("civil.common.save")}
            onCancel={() => setAdding(false)}
            onSubmit={async (v) => {
              await api.post("/api/civil/compensation", {
                occurredOn: v.occurredOn,
                description: v.description,
                lossType: v.lossType,
                amount: Number(v.amount),
                currency: v.currency,
                caseId: v.caseId || null,
                unitId: v.unitId || null,
                payee: v.payeeName
                  ? { name: v.payeeName, bank: v.payeeBank || null, account: v.payeeAccount || null }
                  : null,
              });
              setAdding(false);
              setStatus(t("civil.comp.recorded"));
              list.reload();
            }}
          >
            <Field name="occurredOn" type="date" label={t("civil.comp.occurredOn")} required />
            <TextAreaField
              name="description"
              label={t("civil.comp.description")}
              required
              maxLength={4000}
              rows={3}
            />
            <SelectField
              name="lossType"
              label={t("civil.comp.lossType")}
              required
              emptyLabel={t("common.choose")}
              options={loss.types.map((e) => ({ value: e.code, label: loss.name(e.code) }))}
            />
            <Field name="amount" type="number" min={0} step={1} label={t("civil.comp.amount")} required />
            <Field
              name="currency"
              label={t("civil.comp.currency")}
              required
              maxLength={3}
              defaultValue={currency}
            />
            <SelectField
              name="unitId"
              label={t("civil.comp.unit")}
              emptyLabel={t("civil.common.none")}
              options={unitOptions()}
            />
            <CasePicker name="caseId" label={t("civil.comp.caseId")} hint={t("civil.comp.caseHint")} />
            <Field name="payeeName" label={t("civil.comp.payeeName")} maxLength={200} autoComplete="off" />
            <Field name="payeeBank" label={t("civil.comp.payeeBank")} maxLength={100} autoComplete="off" />
            <Field
              name="payeeAccount"
              label={t("civil.comp.payeeAccount")}
              maxLength={60}
              autoComplete="off"
            />
          </Form>
        </section>
      )}
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <p>{t("civil.common.empty")}</p>}
      {!!list.data?.length && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("civil.comp.occurredOn")}</th>
                <th scope="col">{t("civil.comp.lossType")}</th>
                <th scope="col">{t("civil.comp.amount")}</th>
                <th scope="col">{t("civil.comp.unit")}</th>
                <th scope="col">{t("civil.comp.payee")}</th>
                <th scope="col">{t("civil.comp.status")}</th>
                <th scope="col">
                  <span className="sr-only">{t("civil.comp.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>{day(c.occurredOn)}</td>
                  <td>
                    {loss.name(c.lossType)} <UnconfirmedMark entry={loss.entry(c.lossType)} />
                  </td>
                  <td>{money(c.amount, c.currency)}</td>
                  <td>{c.unitId ? unitName(c.unitId) : ""}</td>
                  <td>{c.payee?.name ?? ""}</td>
                  <td>{t(`civil.comp.statuses.${c.status}`)}</td>
                  <td>
                    <Link to={`/civil/compensation/${c.id}`}>{t("civil.comp.open")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

/** One claim with approval (by someone other than its recorder) and payment (after approval). */
export function CompensationDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const money = useMoney();
  const loss = useLossTypes();
  const { unitName } = useUnits();
  const item = useLoad((signal) => api.get<Compensation>(`/api/civil/compensation/${id}`, { signal }), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const c = item.data;
  const mayDecide = can("civil.compensation.approve");
  return (
    <Page
      title={t("civil.comp.title")}
      actions={<Link to="/civil/compensation">{t("civil.comp.back")}</Link>}
    >
      <StatusMessage text={status} />
      <ErrorBox text={item.error} />
      {item.loading && !c && <Loading />}
      {c && (
        <>
          <section className="card">
            <dl className="facts">
              <dt>{t("civil.comp.status")}</dt>
              <dd>{t(`civil.comp.statuses.${c.status}`)}</dd>
              <dt>{t("civil.comp.occurredOn")}</dt>
              <dd>{day(c.occurredOn)}</dd>
              <dt>{t("civil.comp.description")}</dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{c.description}</dd>
              <dt>{t("civil.comp.lossType")}</dt>
              <dd>
                {loss.name(c.lossType)} <UnconfirmedMark entry={loss.entry(c.lossType)} />
              </dd>
              <dt>{t("civil.comp.amount")}</dt>
              <dd>{money(c.amount, c.currency)}</dd>
              <dt>{t("civil.comp.unit")}</dt>
              <dd>{c.unitId ? unitName(c.unitId) : t("civil.common.none")}</dd>
              <dt>{t("civil.comp.case")}</dt>
              <dd>{c.caseNumber ?? t("civil.common.none")}</dd>
              <dt>{t("civil.comp.payee")}</dt>
              <dd>
                {c.payee
                  ? [c.payee.name, c.payee.bank, c.payee.account].filter(Boolean).join(" · ")
                  : t("civil.common.none")}
              </dd>
              <dt>{t("civil.comp.approvedOn")}</dt>
              <dd>{day(c.approvedOn) || t("civil.common.none")}</dd>
              <dt>{t("civil.comp.paidOn")}</dt>
              <dd>{day(c.paidOn) || t("civil.common.none")}</dd>
            </dl>
          </section>
          {mayDecide && c.status === "recorded" && (
            <section className="card" aria-labelledby="comp-approve">
              <h2 id="comp-approve">{t("civil.comp.approve")}</h2>
              <Form
                label={t("civil.comp.approve")}
                submitLabel={t("civil.comp.approve")}
                onSubmit={async (v) => {
                  await api.post(
                    `/api/civil/compensation/${c.id}/approve`,
                    v.approvedOn ? { approvedOn: v.approvedOn } : {},
                  );
                  setStatus(t("civil.comp.approved"));
                  item.reload();
                }}
              >
                <Field
                  name="approvedOn"
                  type="date"
                  label={t("civil.comp.approvedOn")}
                  hint={t("civil.comp.approveHint")}
                />
              </Form>
            </section>
          )}
          {mayDecide && c.status !== "paid" && (
            <section className="card" aria-labelledby="comp-pay">
              <h2 id="comp-pay">{t("civil.comp.pay")}</h2>
              <Form
                label={t("civil.comp.pay")}
                submitLabel={t("civil.comp.pay")}
                onSubmit={async (v) => {
                  await api.post(`/api/civil/compensation/${c.id}/pay`, { paidOn: v.paidOn });
                  setStatus(t("civil.comp.paidDone"));
                  item.reload();
                }}
              >
                <Field
                  name="paidOn"
                  type="date"
                  label={t("civil.comp.paidOn")}
                  hint={t("civil.comp.payHint")}
                  required
                />
              </Form>
            </section>
          )}
        </>
      )}
    </Page>
  );
}

interface Group {
  key: string | null;
  count: number;
  paidCount: number;
  amount: Record<string, number>;
  paid: Record<string, number>;
}
interface Analysis {
  total: Group;
  byLossType: Group[];
  byUnit: Group[];
}

/** Counts and sums per loss type and per unit for a period (K9: de-identified). */
export function CompensationAnalysisPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const money = useMoney();
  const loss = useLossTypes();
  const { unitName } = useUnits();
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  const data = useLoad(
    (signal) => api.get<Analysis>("/api/civil/compensation/analysis", { signal, query: period }),
    [period.from, period.to],
  );
  const sums = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([c, v]) => money(v, c))
      .join(", ");
  const table = (title: string, rows: Group[], label: (g: Group) => string) => (
    <section className="card comp-analysis" aria-label={title}>
      <h2>{title}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{t("civil.analysis.count")}</th>
              <th scope="col">{t("civil.analysis.amount")}</th>
              <th scope="col">{t("civil.analysis.paidCount")}</th>
              <th scope="col">{t("civil.analysis.paid")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.key ?? "-"}>
                <th scope="row">{label(g)}</th>
                <td>{g.count}</td>
                <td>{sums(g.amount)}</td>
                <td>{g.paidCount}</td>
                <td>{sums(g.paid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
  return (
    <Page
      title={t("civil.analysis.title")}
      actions={
        <>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t("civil.analysis.print")}
          </button>
          {/* The workbook is the statistics one: its K9 sheet is this analysis by loss type. */}
          {can("statistics.read") && (
            <a
              className="btn"
              href={buildUrl("/api/statistics/export.xlsx", { year: period.from.slice(0, 4) })}
              download
            >
              {t("civil.analysis.xlsx")}
            </a>
          )}
        </>
      }
    >
      <p className="hint no-print">{t("civil.analysis.intro")}</p>
      <p className="print-only">
        {t("civil.analysis.printedPeriod", { from: day(period.from), to: day(period.to) })}
      </p>
      <div className="no-print">
        <Form
          label={t("civil.analysis.title")}
          submitLabel={t("civil.common.apply")}
          onSubmit={async (v) => setPeriod({ from: v.from, to: v.to })}
        >
          <Field name="from" type="date" label={t("civil.common.from")} defaultValue={period.from} required />
          <Field name="to" type="date" label={t("civil.common.to")} defaultValue={period.to} required />
        </Form>
      </div>
      <ErrorBox text={data.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          {table(t("civil.analysis.byType"), [...data.data.byLossType, data.data.total], (g) =>
            g.key ? loss.name(g.key) : t("civil.analysis.total"),
          )}
          {table(t("civil.analysis.byUnit"), data.data.byUnit, (g) =>
            g.key ? unitName(g.key) : t("civil.analysis.noUnit"),
          )}
        </>
      )}
    </Page>
  );
}
