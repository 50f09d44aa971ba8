import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useUnits } from "../org/use-units";
import { MEDIA, type RecordRow, useClasses, useDay, useSeries } from "./common";

/** /records/series: the agency's record series with a form to add one. */
export function SeriesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { series, reload, error } = useSeries();
  const { classes, className } = useClasses();
  const { units, unitName } = useUnits();
  const errorText = useErrorText();
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [f, setF] = useState({
    unitId: "",
    code: "",
    title: "",
    classificationCode: "",
    retentionClass: "",
    mediumDefault: "paper_volume",
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    try {
      await api.post("/api/records/series", { ...f, classificationCode: f.classificationCode || null });
      setMsg(t("records.msg.saved"));
      reload();
    } catch (x) {
      setErr(errorText(x));
    }
  };
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  return (
    <Page title={t("records.page.series")}>
      <ErrorBox text={error ?? err} />
      <StatusMessage text={msg} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("records.field.code")}</th>
            <th scope="col">{t("records.field.title")}</th>
            <th scope="col">{t("records.field.unit")}</th>
            <th scope="col">{t("records.field.retentionClass")}</th>
            <th scope="col">{t("records.field.medium")}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.id}>
              <td>{s.code}</td>
              <td>
                <Link to={`/records/list?seriesId=${s.id}`}>{s.title}</Link>
              </td>
              <td>{unitName(s.unitId)}</td>
              <td>{className(s.retentionClass)}</td>
              <td>{t(`records.medium.${s.mediumDefault}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can("records.write") && (
        <form className="form" onSubmit={submit}>
          <label>
            {t("records.field.unit")}
            <select required value={f.unitId} onChange={set("unitId")}>
              <option value="" />
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {unitName(u.id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("records.field.code")}
            <input required maxLength={64} value={f.code} onChange={set("code")} />
          </label>
          <label>
            {t("records.field.title")}
            <input required maxLength={300} value={f.title} onChange={set("title")} />
          </label>
          <label>
            {t("records.field.classificationCode")}
            <input maxLength={64} value={f.classificationCode} onChange={set("classificationCode")} />
          </label>
          <label>
            {t("records.field.retentionClass")}
            <select required value={f.retentionClass} onChange={set("retentionClass")}>
              <option value="" />
              {classes.map((c) => (
                <option key={c.code} value={c.code}>
                  {className(c.code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("records.field.medium")}
            <select value={f.mediumDefault} onChange={set("mediumDefault")}>
              {MEDIA.map((m) => (
                <option key={m} value={m}>
                  {t(`records.medium.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn primary">
            {t("records.action.add")}
          </button>
        </form>
      )}
    </Page>
  );
}

/** /records/list: the register of records with filters in the address. */
export function RecordListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const [params, setParams] = useSearchParams();
  const { series } = useSeries();
  const { classes, className } = useClasses();
  const query = Object.fromEntries([...params.entries()].filter(([, v]) => v));
  const load = useLoad(
    (signal) => api.get<RecordRow[]>("/api/records/items", { signal, query }),
    [params.toString()],
  );
  const filter = (k: string) => (e: { target: { value: string } }) => {
    const next = new URLSearchParams(params);
    if (e.target.value) next.set(k, e.target.value);
    else next.delete(k);
    setParams(next);
  };
  const sel = (k: string, label: string, options: Array<[string, string]>) => (
    <label>
      {label}
      <select value={params.get(k) ?? ""} onChange={filter(k)}>
        <option value="">{t("records.msg.all")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Page title={t("records.page.list")}>
      {can("records.write") && (
        <p>
          <Link className="btn primary" to="/records/items/new">
            {t("records.action.new")}
          </Link>
        </p>
      )}
      <div className="filters">
        {sel(
          "seriesId",
          t("records.field.series"),
          series.map((s) => [s.id, `${s.code} ${s.title}`]),
        )}
        {sel(
          "status",
          t("records.field.status"),
          Object.keys(t("records.status", { returnObjects: true }) as object).map((s) => [
            s,
            t(`records.status.${s}`),
          ]),
        )}
        {sel(
          "retentionClass",
          t("records.field.retentionClass"),
          classes.map((c) => [c.code, className(c.code)]),
        )}
        {sel(
          "medium",
          t("records.field.medium"),
          MEDIA.map((m) => [m, t(`records.medium.${m}`)]),
        )}
        <label>
          {t("records.field.search")}
          <input type="search" defaultValue={params.get("q") ?? ""} onBlur={filter("q")} />
        </label>
      </div>
      <ErrorBox text={load.error} />
      {load.loading ? <Loading /> : <RecordTable rows={load.data ?? []} day={day} className={className} />}
    </Page>
  );
}

export function RecordTable({
  rows,
  day,
  className,
  select,
}: {
  rows: RecordRow[];
  day: (d: string | null) => string;
  className: (c: string) => string;
  select?: { chosen: Set<string>; toggle(id: string): void };
}) {
  const { t } = useTranslation();
  if (!rows.length) return <p>{t("records.msg.none")}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          {select && <th scope="col" aria-label={t("records.action.transfer")} />}
          <th scope="col">{t("records.field.refNo")}</th>
          <th scope="col">{t("records.field.title")}</th>
          <th scope="col">{t("records.field.retentionClass")}</th>
          <th scope="col">{t("records.field.medium")}</th>
          <th scope="col">{t("records.field.quantity")}</th>
          <th scope="col">{t("records.field.closedOn")}</th>
          <th scope="col">{t("records.field.retentionEnd")}</th>
          <th scope="col">{t("records.field.status")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {select && (
              <td>
                <input
                  type="checkbox"
                  aria-label={r.refNo}
                  checked={select.chosen.has(r.id)}
                  onChange={() => select.toggle(r.id)}
                />
              </td>
            )}
            <td>{r.refNo}</td>
            <td>
              <Link to={`/records/items/${r.id}`}>{r.title}</Link>
            </td>
            <td>{className(r.retentionClass)}</td>
            <td>{t(`records.medium.${r.medium}`)}</td>
            <td>{r.quantity}</td>
            <td>{day(r.closedOn)}</td>
            <td>{r.retentionEnd ? day(r.retentionEnd) : "—"}</td>
            <td>{t(`records.status.${r.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Review {
  id: string;
  decision: string;
  newClass: string | null;
  reason: string;
  status: string;
  proposedAt: string;
}

/** /records/items/:id: one record with its schedule and review history. */
export function RecordDetailPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { id } = useParams();
  const day = useDay();
  const { className } = useClasses();
  const { unitName } = useUnits();
  const load = useLoad(
    (signal) => api.get<RecordRow & { reviews: Review[] }>(`/api/records/items/${id}`, { signal }),
    [id],
  );
  const r = load.data;
  const row = (label: string, value: string | number | null) => (
    <>
      <dt>{label}</dt>
      <dd>{value ?? "—"}</dd>
    </>
  );
  return (
    <Page title={r ? `${r.refNo} ${r.title}` : t("records.page.detail")}>
      <ErrorBox text={load.error} />
      {r && (
        <>
          {can("records.write") && (
            <p>
              <Link className="btn" to={`/records/items/${r.id}/edit`}>
                {t("records.action.edit")}
              </Link>
            </p>
          )}
          <dl className="dl">
            {row(t("records.field.retentionClass"), className(r.retentionClass))}
            {row(t("records.field.medium"), t(`records.medium.${r.medium}`))}
            {row(t("records.field.quantity"), r.quantity)}
            {row(t("records.field.producedOn"), day(r.producedOn))}
            {row(t("records.field.closedOn"), day(r.closedOn))}
            {row(t("records.field.retentionEnd"), r.retentionEnd ? day(r.retentionEnd) : "—")}
            {row(t("records.field.transferDueOn"), r.transferDueOn ? day(r.transferDueOn) : "—")}
            {row(t("records.field.unit"), unitName(r.custodianUnitId))}
            {row(t("records.field.location"), r.location)}
            {row(t("records.field.status"), t(`records.status.${r.status}`))}
            {row(t("records.field.archiveLocation"), r.archiveLocation)}
          </dl>
          <h2>{t("records.page.history")}</h2>
          <ul>
            {r.reviews.map((v) => (
              <li key={v.id}>
                {t(`records.decision.${v.decision}`)}
                {v.newClass ? ` → ${className(v.newClass)}` : ""} · {v.reason} ·{" "}
                {t(v.status === "approved" ? "records.msg.approved" : "records.msg.proposed")}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
