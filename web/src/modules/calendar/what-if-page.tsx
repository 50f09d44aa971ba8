import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { Field, Form, type FormValues, SelectField, TextAreaField } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { type CalendarSettings, type DeadlineAnswer, OVERRIDE_KINDS } from "./types";
import "./i18n";
import "./calendar.css";

function fieldError(path: string, message: string): never {
  throw new ApiError(400, "calendar.form", message, [{ path: `/${path}`, message }], null);
}

/** The engine's answer with the agency calendar, and with a draft entry before it is saved. */
export function CalendarWhatIfPage() {
  const { t } = useTranslation();
  const settings = useLoad((signal) => api.get<CalendarSettings>("/api/calendar/settings", { signal }), []);
  const [answer, setAnswer] = useState<{ current: DeadlineAnswer; withDraft?: DeadlineAnswer } | null>(null);

  const submit = async (v: FormValues) => {
    const pauses: Array<{ from: string; to: string }> = [];
    for (const line of (v.pauses ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [from, to, extra] = line.split("/");
      if (!from || !to || extra !== undefined) fieldError("pauses", t("calendar.whatIf.badPauses"));
      pauses.push({ from: from.trim(), to: to.trim() });
    }
    const body = {
      kind: v.kind,
      received: v.received,
      ...(v.days ? { days: Number(v.days) } : {}),
      ...(v.hours ? { hours: Number(v.hours) } : {}),
      ...(pauses.length ? { pauses } : {}),
      ...(v.extend ? { extend: v.extendDays ? Number(v.extendDays) : true } : {}),
      ...(v.draftKind && v.draftFrom && v.draftReason
        ? {
            draft: {
              kind: v.draftKind,
              dateFrom: v.draftFrom,
              ...(v.draftTo ? { dateTo: v.draftTo } : {}),
              reason: v.draftReason,
            },
          }
        : {}),
    };
    setAnswer(await api.post("/api/calendar/what-if", body));
  };

  const s = settings.data;
  return (
    <Page title={t("calendar.whatIf.title")}>
      <p className="lead">{t("calendar.whatIf.lead")}</p>
      <ErrorBox text={settings.error} />
      {settings.loading && !s && <Loading />}
      {s && (
        <Form label={t("calendar.whatIf.title")} submitLabel={t("calendar.whatIf.compute")} onSubmit={submit}>
          <SelectField
            name="kind"
            label={t("calendar.whatIf.kind")}
            required
            options={s.kinds.map((k) => ({ value: k.kind, label: `${k.kind} — ${k.title}` }))}
          />
          <Field
            name="received"
            type="datetime-local"
            label={`${t("calendar.whatIf.received")} (${s.timeZone})`}
            required
          />
          <div className="cal-hours">
            <Field name="days" type="number" min={1} max={3650} label={t("calendar.whatIf.days")} />
            <Field
              name="hours"
              type="number"
              min={0.5}
              step={0.5}
              max={87600}
              label={t("calendar.whatIf.hours")}
            />
          </div>
          <div className="field-check">
            <label>
              <input type="checkbox" name="extend" /> {t("calendar.whatIf.extend")}
            </label>
          </div>
          <Field name="extendDays" type="number" min={1} max={3650} label={t("calendar.whatIf.extendDays")} />
          <TextAreaField
            name="pauses"
            rows={2}
            label={t("calendar.whatIf.pauses")}
            hint={t("calendar.whatIf.pausesHint")}
          />
          <fieldset className="fieldset">
            <legend>{t("calendar.whatIf.draft")}</legend>
            <SelectField
              name="draftKind"
              label={t("calendar.whatIf.draftKind")}
              emptyLabel="—"
              options={OVERRIDE_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
            />
            <div className="cal-hours">
              <Field name="draftFrom" type="date" label={t("calendar.entries.dateFrom")} />
              <Field name="draftTo" type="date" label={t("calendar.entries.dateTo")} />
            </div>
            <Field name="draftReason" maxLength={500} label={t("calendar.entries.reason")} />
          </fieldset>
        </Form>
      )}
      {answer && (
        <div className="cal-answers" aria-live="polite">
          <Answer title={t("calendar.whatIf.current")} a={answer.current} />
          {answer.withDraft && <Answer title={t("calendar.whatIf.withDraft")} a={answer.withDraft} />}
        </div>
      )}
    </Page>
  );
}

/** One computed deadline and the engine's explanation, step by step (skipped days with their reasons). */
export function Answer({ title, a }: { title: string; a: DeadlineAnswer }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card cal-answer" aria-label={title}>
      <h2>{title}</h2>
      <dl className="facts">
        <dt>{t("calendar.whatIf.due")}</dt>
        <dd>
          <strong>
            <time dateTime={a.due}>{formatDateTime(a.due, i18n.language, a.timeZone)}</time>
          </strong>{" "}
          <span className="small muted mono">{a.due}</span>
        </dd>
        <dt>{t("calendar.whatIf.counting")}</dt>
        <dd>{t(`calendar.counting.${a.counting}`)}</dd>
      </dl>
      {a.verify && (
        <p className="notice" role="note">
          {t("calendar.whatIf.verify")}
        </p>
      )}
      <h3>{t("calendar.whatIf.explanation")}</h3>
      <ol className="cal-explanation">
        {a.explanation.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the engine's steps are an ordered list replaced as a whole
          <li key={`${s.step}-${i}`}>
            <code>{s.step}</code> {s.date && <time dateTime={s.date}>{s.date}</time>} {s.detail}
          </li>
        ))}
      </ol>
    </section>
  );
}
