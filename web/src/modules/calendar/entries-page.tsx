import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api";
import {
  Field,
  Form,
  type FormValues,
  SelectField,
  TextAreaField,
  useErrorText,
} from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { type DueMove, OVERRIDE_KINDS, type OverrideEntry } from "./types";
import { todayIn } from "./year-page";
import "./i18n";
import "./calendar.css";

/** Closures, temporary holidays, make-up workdays and holiday removals: list, add, edit, delete. */
export function CalendarEntriesPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const preset = params.get("date");
  const [year, setYear] = useState(Number((preset ?? todayIn(session.agency.timeZone)).slice(0, 4)));
  const [editing, setEditing] = useState<OverrideEntry | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useLoad(
    (signal) => api.get<OverrideEntry[]>("/api/calendar/overrides", { signal, query: { year } }),
    [year],
  );
  const mayWrite = can("calendar.write");

  const movedText = (moved: DueMove[]) =>
    t("calendar.entries.moved", {
      count: moved.length,
      list: moved
        .slice(0, 20)
        .map(
          (m) =>
            `${m.number} (${formatDateTime(m.from, i18n.language, session.agency.timeZone)} → ${formatDateTime(m.to, i18n.language, session.agency.timeZone)})`,
        )
        .join(", "),
    });

  const submit = async (v: FormValues) => {
    const body = {
      kind: v.kind,
      dateFrom: v.dateFrom,
      ...(v.dateTo ? { dateTo: v.dateTo } : editing ? { dateTo: v.dateFrom } : {}),
      reason: v.reason,
      scopeNote: v.scopeNote || null,
    };
    const r = editing
      ? await api.patch<{ moved: DueMove[] }>(`/api/calendar/overrides/${editing.id}`, {
          ...body,
          version: editing.version,
        })
      : await api.post<{ moved: DueMove[] }>("/api/calendar/overrides", body);
    setMessage(`${t("calendar.entries.saved")} ${movedText(r.moved)}`);
    setEditing(null);
    list.reload();
  };

  const remove = async (e: OverrideEntry) => {
    if (!window.confirm(t("calendar.entries.confirmDelete", { reason: e.reason }))) return;
    setActionError(null);
    try {
      const r = await api.del<{ moved: DueMove[] }>(`/api/calendar/overrides/${e.id}`);
      setMessage(`${t("calendar.entries.deleted")} ${movedText(r.moved)}`);
      if (editing?.id === e.id) setEditing(null);
      list.reload();
    } catch (err) {
      setActionError(errorText(err));
    }
  };

  return (
    <Page title={t("calendar.entries.title")}>
      <div className="filters">
        <label>
          {t("calendar.entries.year")}{" "}
          <input
            type="number"
            className="cal-num"
            min={1900}
            max={2200}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
        </label>
      </div>
      <StatusMessage text={message} />
      <ErrorBox text={actionError ?? list.error} />
      {!mayWrite && <p className="muted">{t("calendar.entries.readOnly")}</p>}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="table">
            <caption className="sr-only">{t("calendar.entries.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("calendar.entries.dates")}</th>
                <th scope="col">{t("calendar.entries.kind")}</th>
                <th scope="col">{t("calendar.entries.reason")}</th>
                <th scope="col">{t("calendar.entries.scopeNote")}</th>
                <th scope="col">{t("calendar.entries.createdBy")}</th>
                {mayWrite && (
                  <th scope="col">
                    <span className="sr-only">{t("common.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.data.length === 0 && (
                <tr>
                  <td colSpan={mayWrite ? 6 : 5}>{t("calendar.entries.none")}</td>
                </tr>
              )}
              {list.data.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">
                    <time dateTime={e.dateFrom}>{e.dateFrom}</time>
                    {e.dateTo !== e.dateFrom && (
                      <>
                        {" – "}
                        <time dateTime={e.dateTo}>{e.dateTo}</time>
                      </>
                    )}
                  </td>
                  <td>
                    <span className={`cal-swatch cal-kind-${e.kind}`} aria-hidden="true" />{" "}
                    {t(`calendar.kinds.${e.kind}`)}
                  </td>
                  <td>{e.reason}</td>
                  <td className="small">{e.scopeNote}</td>
                  <td className="small">
                    {e.createdByLabel} · {formatDateTime(e.createdAt, i18n.language, session.agency.timeZone)}
                  </td>
                  {mayWrite && (
                    <td className="row-actions">
                      <button type="button" className="btn btn-small" onClick={() => setEditing(e)}>
                        {t("calendar.entries.edit")}
                        <span className="sr-only"> {e.reason}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        onClick={() => void remove(e)}
                      >
                        {t("calendar.entries.delete")}
                        <span className="sr-only"> {e.reason}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayWrite && (
        <section aria-labelledby="cal-entry-form" className="subsection">
          <h2 id="cal-entry-form">{editing ? t("calendar.entries.editing") : t("calendar.entries.add")}</h2>
          <EntryForm
            key={editing?.id ?? `new-${preset ?? ""}`}
            entry={editing}
            preset={preset}
            onSubmit={submit}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        </section>
      )}
    </Page>
  );
}

/** The fields of one entry; the kind's hint says what it does to deadlines. */
export function EntryForm({
  entry,
  preset,
  onSubmit,
  onCancel,
}: {
  entry: OverrideEntry | null;
  preset: string | null;
  onSubmit(v: FormValues): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(entry?.kind ?? "closure");
  return (
    <Form
      label={entry ? t("calendar.entries.editing") : t("calendar.entries.add")}
      submitLabel={entry ? t("calendar.entries.save") : t("calendar.entries.add")}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <SelectField
        name="kind"
        label={t("calendar.entries.kind")}
        required
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        hint={t(`calendar.kindHints.${kind}`)}
        options={OVERRIDE_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
      />
      <Field
        name="dateFrom"
        type="date"
        label={t("calendar.entries.dateFrom")}
        required
        defaultValue={entry?.dateFrom ?? preset ?? ""}
      />
      <Field
        name="dateTo"
        type="date"
        label={t("calendar.entries.dateTo")}
        hint={t("calendar.entries.dateToHint")}
        defaultValue={entry && entry.dateTo !== entry.dateFrom ? entry.dateTo : ""}
      />
      <Field
        name="reason"
        label={t("calendar.entries.reason")}
        hint={t("calendar.entries.reasonHint")}
        required
        maxLength={500}
        defaultValue={entry?.reason ?? ""}
      />
      <TextAreaField
        name="scopeNote"
        label={t("calendar.entries.scopeNote")}
        hint={t("calendar.entries.scopeHint")}
        maxLength={1000}
        rows={2}
        defaultValue={entry?.scopeNote ?? ""}
      />
    </Form>
  );
}
