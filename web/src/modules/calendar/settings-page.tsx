import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { Field, Form, type FormValues } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { CalendarSettings, DueMove, RuleOverride } from "./types";
import "./i18n";
import "./calendar.css";

const COUNTING: Record<string, string[]> = { KR: ["kr_civil_act", "kr_petition_19"], TW: ["tw_apa_48"] };

/** "12:00-13:00, 15:00-15:15" -> breaks; null when the text is not in that form. */
export function parseBreaks(text: string): Array<{ from: string; to: string }> | null {
  const parts = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const out: Array<{ from: string; to: string }> = [];
  for (const p of parts) {
    const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(p);
    if (!m) return null;
    out.push({ from: m[1], to: m[2] });
  }
  return out;
}

/** Office hours and the per-kind counting-rule overrides, checked by the engine's schema on the server. */
export function CalendarSettingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const load = useLoad((signal) => api.get<CalendarSettings>("/api/calendar/settings", { signal }), []);
  const [message, setMessage] = useState<string | null>(null);
  const mayWrite = can("calendar.write");
  const s = load.data;

  const submit = async (v: FormValues) => {
    if (!s) return;
    let officeHours: CalendarSettings["officeHours"] = null;
    if (v.open || v.close) {
      const breaks = parseBreaks(v.breaks ?? "");
      if (breaks === null) {
        const msg = t("calendar.settings.badBreaks");
        throw new ApiError(400, "calendar.bad_breaks", msg, [{ path: "/breaks", message: msg }], null);
      }
      officeHours = { open: v.open, close: v.close, ...(breaks.length ? { breaks } : {}) };
    }
    const rules: Record<string, RuleOverride> = {};
    for (const k of s.kinds) {
      const r: RuleOverride = {};
      if (v[`counting__${k.kind}`]) r.counting = v[`counting__${k.kind}`];
      if (v[`days__${k.kind}`]) r.days = Number(v[`days__${k.kind}`]);
      if (v[`ext__${k.kind}`]) r.extensionMaxDays = Number(v[`ext__${k.kind}`]);
      if (v[`reason__${k.kind}`]) r.reason = v[`reason__${k.kind}`];
      if (Object.keys(r).length) rules[k.kind] = r;
    }
    const res = await api.put<{ moved: DueMove[] }>("/api/calendar/settings", {
      officeHours,
      rules,
      version: s.version,
    });
    setMessage(
      `${t("calendar.settings.saved")} ${t("calendar.entries.moved", { count: res.moved.length, list: res.moved.map((m) => m.number).join(", ") })}`,
    );
    load.reload();
  };

  const fields = s && (
    <>
      <fieldset className="fieldset" disabled={!mayWrite}>
        <legend>{t("calendar.settings.officeHours")}</legend>
        <p className="hint">{t("calendar.settings.officeHoursHint")}</p>
        <div className="cal-hours">
          <Field
            name="open"
            type="time"
            label={t("calendar.settings.open")}
            defaultValue={s.officeHours?.open ?? ""}
          />
          <Field
            name="close"
            type="time"
            label={t("calendar.settings.close")}
            defaultValue={s.officeHours?.close ?? ""}
          />
          <Field
            name="breaks"
            label={t("calendar.settings.breaks")}
            hint={t("calendar.settings.breaksHint")}
            defaultValue={(s.officeHours?.breaks ?? []).map((b) => `${b.from}-${b.to}`).join(", ")}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!mayWrite}>
        <legend>{t("calendar.settings.rules")}</legend>
        <p className="hint">{t("calendar.settings.rulesHint")}</p>
        <div className="table-wrap">
          <table className="table cal-rules">
            <thead>
              <tr>
                <th scope="col">{t("calendar.settings.kind")}</th>
                <th scope="col">{t("calendar.settings.packDefault")}</th>
                <th scope="col">{t("calendar.settings.counting")}</th>
                <th scope="col">{t("calendar.settings.days")}</th>
                <th scope="col">{t("calendar.settings.extensionMaxDays")}</th>
                <th scope="col">{t("calendar.settings.ruleReason")}</th>
              </tr>
            </thead>
            <tbody>
              {s.kinds.map((k) => {
                const r = s.rules[k.kind] ?? {};
                const label = (what: string) => `${t(`calendar.settings.${what}`)}: ${k.kind}`;
                return (
                  <tr key={k.kind}>
                    <th scope="row">
                      <code>{k.kind}</code>
                      <div className="small muted">{k.title}</div>
                    </th>
                    <td className="small">
                      {t(`calendar.counting.${k.counting}`)}
                      {k.period ? ` · ${k.period.amount} ${k.period.unit}` : ""}
                    </td>
                    <td>
                      <select
                        name={`counting__${k.kind}`}
                        aria-label={label("counting")}
                        defaultValue={r.counting ?? ""}
                      >
                        <option value="">{t("calendar.settings.default")}</option>
                        {(COUNTING[s.jurisdiction] ?? []).map((c) => (
                          <option key={c} value={c}>
                            {t(`calendar.counting.${c}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        name={`days__${k.kind}`}
                        type="number"
                        min={1}
                        max={3650}
                        aria-label={label("days")}
                        defaultValue={r.days ?? ""}
                        className="cal-num"
                      />
                    </td>
                    <td>
                      <input
                        name={`ext__${k.kind}`}
                        type="number"
                        min={1}
                        max={3650}
                        aria-label={label("extensionMaxDays")}
                        defaultValue={r.extensionMaxDays ?? ""}
                        className="cal-num"
                      />
                    </td>
                    <td>
                      <input
                        name={`reason__${k.kind}`}
                        maxLength={500}
                        aria-label={label("ruleReason")}
                        defaultValue={r.reason ?? ""}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
    </>
  );

  return (
    <Page title={t("calendar.settings.title")}>
      <StatusMessage text={message} />
      <ErrorBox text={load.error} />
      {!mayWrite && <p className="muted">{t("calendar.entries.readOnly")}</p>}
      {load.loading && !s && <Loading />}
      {s &&
        (mayWrite ? (
          <Form
            key={s.version}
            className="form cal-wide"
            label={t("calendar.settings.title")}
            submitLabel={t("calendar.settings.save")}
            onSubmit={submit}
          >
            {fields}
          </Form>
        ) : (
          <div className="form cal-wide">{fields}</div>
        ))}
    </Page>
  );
}
