// Forms of records management: register and edit a record, the records settings (A17 records unit, archive,
// transfer policy) and the history of transfers. Plain forms like the series form: the server checks every
// unit, series and class and answers in the caller's language.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useUnits } from "../org/use-units";
import { MEDIA, type RecordRow, useClasses, useDay, useSeries } from "./common";

type Change = { target: { value: string } };

/** /records/items/new (create) and /records/items/:id/edit (title, quantity, location, custodian unit). */
export function RecordFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const load = useLoad(
    (signal) => (id ? api.get<RecordRow>(`/api/records/items/${id}`, { signal }) : Promise.resolve(null)),
    [id],
  );
  if (id && !load.data)
    return (
      <Page title={t("records.page.edit")}>
        <ErrorBox text={load.error} />
        {load.loading && <Loading />}
      </Page>
    );
  return <RecordForm key={`${id ?? "new"}-${load.data?.version ?? 0}`} record={load.data} />;
}

function RecordForm({ record }: { record: RecordRow | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { series } = useSeries();
  const { classes, className } = useClasses();
  const { units, unitName } = useUnits();
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [f, setF] = useState({
    seriesId: "",
    refNo: "",
    title: record?.title ?? "",
    producedOn: "",
    closedOn: "",
    retentionClass: "",
    medium: "",
    quantity: String(record?.quantity ?? 1),
    location: record?.location ?? "",
    custodianUnitId: record?.custodianUnitId ?? "",
  });
  const set = (k: keyof typeof f) => (e: Change) => setF({ ...f, [k]: e.target.value });
  const chosen = series.find((s) => s.id === f.seriesId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    const quantity = Number(f.quantity);
    if (!Number.isInteger(quantity) || quantity < 1) {
      setErr(t("records.msg.badQuantity"));
      return;
    }
    setBusy(true);
    try {
      if (record) {
        await api.patch(`/api/records/items/${record.id}`, {
          title: f.title.trim(),
          quantity,
          location: f.location.trim() || null,
          ...(f.custodianUnitId ? { custodianUnitId: f.custodianUnitId } : {}),
          version: record.version,
        });
        navigate(`/records/items/${record.id}`);
      } else {
        const created = await api.post<{ id: string }>("/api/records/items", {
          seriesId: f.seriesId,
          refNo: f.refNo.trim(),
          title: f.title.trim(),
          producedOn: f.producedOn,
          closedOn: f.closedOn,
          quantity,
          ...(f.retentionClass ? { retentionClass: f.retentionClass } : {}),
          ...(f.medium ? { medium: f.medium } : {}),
          ...(f.location.trim() ? { location: f.location.trim() } : {}),
          ...(f.custodianUnitId ? { custodianUnitId: f.custodianUnitId } : {}),
        });
        navigate(`/records/items/${created.id}`);
      }
    } catch (x) {
      setErr(errorText(x));
    } finally {
      setBusy(false);
    }
  };
  const title = record ? `${record.refNo} ${record.title}` : t("records.page.new");
  return (
    <Page title={title}>
      <ErrorBox text={err} />
      <form className="form" onSubmit={submit} aria-label={title}>
        {!record && (
          <>
            <label>
              {t("records.field.series")}
              <select required name="seriesId" value={f.seriesId} onChange={set("seriesId")}>
                <option value="" />
                {series.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.code} {s.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("records.field.refNo")}
              <input required name="refNo" maxLength={64} value={f.refNo} onChange={set("refNo")} />
            </label>
          </>
        )}
        <label>
          {t("records.field.title")}
          <input required name="title" maxLength={300} value={f.title} onChange={set("title")} />
        </label>
        {!record && (
          <>
            <label>
              {t("records.field.producedOn")}
              <input
                required
                type="date"
                name="producedOn"
                value={f.producedOn}
                onChange={set("producedOn")}
              />
            </label>
            <label>
              {t("records.field.closedOn")}
              <input required type="date" name="closedOn" value={f.closedOn} onChange={set("closedOn")} />
            </label>
            <label>
              {t("records.field.retentionClass")}
              <select name="retentionClass" value={f.retentionClass} onChange={set("retentionClass")}>
                <option value="">
                  {chosen ? t("records.msg.fromSeries", { value: className(chosen.retentionClass) }) : ""}
                </option>
                {classes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {className(c.code)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("records.field.medium")}
              <select name="medium" value={f.medium} onChange={set("medium")}>
                <option value="">
                  {chosen
                    ? t("records.msg.fromSeries", { value: t(`records.medium.${chosen.mediumDefault}`) })
                    : ""}
                </option>
                {MEDIA.map((m) => (
                  <option key={m} value={m}>
                    {t(`records.medium.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          {t("records.field.quantity")}
          <input
            required
            name="quantity"
            inputMode="numeric"
            pattern="[0-9]+"
            value={f.quantity}
            onChange={set("quantity")}
          />
        </label>
        <label>
          {t("records.field.location")}
          <input name="location" maxLength={200} value={f.location} onChange={set("location")} />
        </label>
        <label>
          {t("records.field.custodianUnit")}
          <select name="custodianUnitId" value={f.custodianUnitId} onChange={set("custodianUnitId")}>
            <option value="">{record ? "" : t("records.msg.seriesUnit")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {unitName(u.id)}
              </option>
            ))}
          </select>
        </label>
        <p className="row-actions">
          <button type="submit" className="btn primary" disabled={busy}>
            {t("records.action.save")}
          </button>
          <Link className="btn" to={record ? `/records/items/${record.id}` : "/records/list"}>
            {t("records.action.cancel")}
          </Link>
        </p>
      </form>
    </Page>
  );
}

interface SettingsAnswer {
  recordsUnitId: string | null;
  archiveName: string | null;
  holdingYears: number;
  keepAtUnit: string[];
  verify: boolean;
  classes: Array<{ code: string; years: number | null }>;
}

/** /records/settings: the records unit (A17 기록물관리 전담부서), the archive and the transfer policy. */
export function RecordsSettingsPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => api.get<SettingsAnswer>("/api/records/settings", { signal }), []);
  return (
    <Page title={t("records.page.settings")}>
      <ErrorBox text={load.error} />
      {load.loading && <Loading />}
      {load.data && (
        <SettingsForm key={JSON.stringify(load.data)} current={load.data} onSaved={load.reload} />
      )}
    </Page>
  );
}

function SettingsForm({ current, onSaved }: { current: SettingsAnswer; onSaved(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const errorText = useErrorText();
  const { units, unitName } = useUnits();
  const { className } = useClasses();
  const [f, setF] = useState({
    recordsUnitId: current.recordsUnitId ?? "",
    archiveName: current.archiveName ?? "",
    holdingYears: String(current.holdingYears),
    keepAtUnit: new Set(current.keepAtUnit),
  });
  const [err, setErr] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const editable = can("records.settings");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    setMsg(null);
    const holdingYears = Number(f.holdingYears);
    if (!Number.isInteger(holdingYears) || holdingYears < 0 || holdingYears > 30) {
      setErr(t("records.msg.badHoldingYears"));
      return;
    }
    try {
      await api.put("/api/records/settings", {
        recordsUnitId: f.recordsUnitId || null,
        archiveName: f.archiveName.trim() || null,
        holdingYears,
        keepAtUnit: [...f.keepAtUnit],
      });
      setMsg(t("records.msg.saved"));
      onSaved();
    } catch (x) {
      setErr(errorText(x));
    }
  };
  const toggle = (code: string) => {
    const next = new Set(f.keepAtUnit);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setF({ ...f, keepAtUnit: next });
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t("records.page.settings")}>
      <ErrorBox text={err} />
      <StatusMessage text={msg} />
      {current.verify && <p className="notice">{t("records.msg.verify")}</p>}
      <fieldset disabled={!editable}>
        <label>
          {t("records.field.recordsUnit")}
          <select
            name="recordsUnitId"
            value={f.recordsUnitId}
            onChange={(e) => setF({ ...f, recordsUnitId: e.target.value })}
          >
            <option value="" />
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {unitName(u.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("records.field.archiveName")}
          <input
            name="archiveName"
            maxLength={200}
            value={f.archiveName}
            onChange={(e) => setF({ ...f, archiveName: e.target.value })}
          />
        </label>
        <label>
          {t("records.field.holdingYears")}
          <input
            name="holdingYears"
            inputMode="numeric"
            pattern="[0-9]+"
            value={f.holdingYears}
            onChange={(e) => setF({ ...f, holdingYears: e.target.value })}
          />
          <small className="hint">{t("records.msg.holdingYearsHint")}</small>
        </label>
        <fieldset>
          <legend>{t("records.field.keepAtUnit")}</legend>
          {current.classes.map((c) => (
            <label key={c.code} className="check">
              <input type="checkbox" checked={f.keepAtUnit.has(c.code)} onChange={() => toggle(c.code)} />
              {className(c.code)}
            </label>
          ))}
        </fieldset>
        {editable && (
          <button type="submit" className="btn primary">
            {t("records.action.save")}
          </button>
        )}
      </fieldset>
    </form>
  );
}

interface Transfer {
  id: string;
  transferredOn: string;
  destination: "archive" | "external";
  archiveLocation: string;
  recordIds: string[];
  note: string | null;
}

/** /records/transfers/history: transfers made, newest first. */
export function TransferHistoryPage() {
  const { t } = useTranslation();
  const day = useDay();
  const load = useLoad((signal) => api.get<Transfer[]>("/api/records/transfers", { signal }), []);
  const rows = load.data ?? [];
  return (
    <Page title={t("records.page.transferHistory")}>
      <p>
        <Link to="/records/transfers">{t("records.page.transfers")}</Link>
      </p>
      <ErrorBox text={load.error} />
      {load.loading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>{t("records.msg.none")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("records.field.transferredOn")}</th>
              <th scope="col">{t("records.field.destination")}</th>
              <th scope="col">{t("records.field.archiveLocation")}</th>
              <th scope="col">{t("records.field.recordCount")}</th>
              <th scope="col">{t("records.field.note")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{day(r.transferredOn)}</td>
                <td>{t(`records.dest.${r.destination}`)}</td>
                <td>{r.archiveLocation}</td>
                <td>{r.recordIds.length}</td>
                <td>{r.note ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
