import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import type { LedgerFacets } from "./types";

export const FILTER_KEYS = ["actorId", "subject", "action", "from", "to", "result"] as const;
export type LedgerFilterValues = Record<(typeof FILTER_KEYS)[number], string>;

/**
 * Filter form for the ledger. Values live in the URL so a filtered view can be bookmarked, except
 * what identifies a person: the name, birth date or identifier typed here go to the server once (in
 * a POST body), come back as blind indexes, and only those enter the URL.
 */
export function LedgerFilters({
  values,
  facets,
  onApply,
}: {
  values: LedgerFilterValues;
  facets: LedgerFacets | null;
  onApply(v: LedgerFilterValues): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(values);
  return (
    <form
      key={key}
      className="filters card ledger-filters"
      aria-label={t("audit.ledger.filters")}
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const get = (k: string) => String(fd.get(k) ?? "").trim();
        const next: LedgerFilterValues = {
          actorId: get("actorId"),
          subject: values.subject,
          action: get("action"),
          from: get("from"),
          to: get("to"),
          result: get("result"),
        };
        const name = get("subjectName");
        const birthdate = get("subjectBirthdate");
        const identifier = get("subjectIdentifier");
        setSubjectError(null);
        if (name || birthdate || identifier) {
          setBusy(true);
          try {
            const r = await api.post<{ refs: string[] }>(
              "/api/audit/ledger/subject-refs",
              identifier ? { identifier } : { name, birthdate: birthdate || undefined },
            );
            next.subject = r.refs.join(",");
          } catch (err) {
            setSubjectError(errorText(err));
            return;
          } finally {
            setBusy(false);
          }
        }
        onApply(next);
      }}
    >
      <div className="field">
        <label htmlFor="lf-action">{t("auditView.action")}</label>
        <select id="lf-action" name="action" defaultValue={values.action}>
          <option value="">{t("auditView.anyAction")}</option>
          {facets?.actions.map((a) => (
            <option key={a.action} value={a.action}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lf-staff">{t("auditView.staff")}</label>
        <select id="lf-staff" name="actorId" defaultValue={values.actorId}>
          <option value="">{t("auditView.anyStaff")}</option>
          {facets?.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName} ({s.username})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lf-from">{t("auditView.from")}</label>
        <input id="lf-from" name="from" type="date" defaultValue={values.from} aria-describedby="lf-zone" />
      </div>
      <div className="field">
        <label htmlFor="lf-to">{t("auditView.to")}</label>
        <input id="lf-to" name="to" type="date" defaultValue={values.to} aria-describedby="lf-zone" />
        {facets && (
          <p className="hint" id="lf-zone">
            {t("auditView.dateZone", { zone: facets.timeZone })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="lf-result">{t("auditView.result")}</label>
        <select id="lf-result" name="result" defaultValue={values.result}>
          <option value="">{t("common.all")}</option>
          <option value="ok">{t("audit.results.ok")}</option>
          <option value="denied">{t("audit.results.denied")}</option>
          <option value="failed">{t("audit.results.failed")}</option>
        </select>
      </div>
      <fieldset className="ledger-subject" aria-describedby="lf-subject-hint">
        <legend>{t("auditView.subjectLegend")}</legend>
        {values.subject && (
          <p className="notice">
            {t("auditView.subjectActive")}{" "}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onApply({ ...values, subject: "" })}
            >
              {t("auditView.subjectClear")}
            </button>
          </p>
        )}
        <div className="ledger-subject-fields">
          <div className="field">
            <label htmlFor="lf-subject-name">{t("auditView.subjectName")}</label>
            <input id="lf-subject-name" name="subjectName" maxLength={200} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="lf-subject-birth">{t("auditView.subjectBirthdate")}</label>
            <input id="lf-subject-birth" name="subjectBirthdate" type="date" autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="lf-subject-id">{t("auditView.subjectIdentifier")}</label>
            <input id="lf-subject-id" name="subjectIdentifier" maxLength={200} autoComplete="off" />
          </div>
        </div>
        <p className="hint" id="lf-subject-hint">
          {t("auditView.subjectHint")}
        </p>
        {subjectError && (
          <p className="error" role="alert">
            {subjectError}
          </p>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
          {t("common.applyFilters")}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onApply({ actorId: "", subject: "", action: "", from: "", to: "", result: "" })}
        >
          {t("common.clearFilters")}
        </button>
      </div>
    </form>
  );
}
