import { useTranslation } from "react-i18next";
import { actionKey, KNOWN_ACTIONS } from "./known-actions";

type Values = Record<"actor" | "subject" | "action" | "from" | "to" | "result", string>;

/** Filter form for the ledger; values live in the URL so a filtered view can be bookmarked. */
export function LedgerFilters({ values, onApply }: { values: Values; onApply(v: Values): void }) {
  const { t } = useTranslation();
  const key = JSON.stringify(values);
  return (
    <form
      key={key}
      className="filters card"
      aria-label={t("audit.ledger.filters")}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const get = (k: string) => String(fd.get(k) ?? "").trim();
        onApply({
          actor: get("actor"),
          subject: get("subject"),
          action: get("action"),
          from: get("from"),
          to: get("to"),
          result: get("result"),
        });
      }}
    >
      <div className="field">
        <label htmlFor="lf-actor">{t("audit.ledger.actor")}</label>
        <input id="lf-actor" name="actor" defaultValue={values.actor} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="lf-subject">{t("audit.ledger.subjectFilter")}</label>
        <input
          id="lf-subject"
          name="subject"
          defaultValue={values.subject}
          maxLength={200}
          autoComplete="off"
          aria-describedby="lf-subject-hint"
        />
        <p className="hint" id="lf-subject-hint">
          {t("audit.ledger.subjectHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="lf-action">{t("audit.ledger.action")}</label>
        <input
          id="lf-action"
          name="action"
          defaultValue={values.action}
          maxLength={100}
          list="lf-action-list"
        />
        <datalist id="lf-action-list">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(actionKey(a))}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="lf-from">{t("audit.ledger.from")}</label>
        <input id="lf-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="field">
        <label htmlFor="lf-to">{t("audit.ledger.to")}</label>
        <input id="lf-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="field">
        <label htmlFor="lf-result">{t("audit.ledger.result")}</label>
        <select id="lf-result" name="result" defaultValue={values.result}>
          <option value="">{t("common.all")}</option>
          <option value="ok">{t("audit.results.ok")}</option>
          <option value="denied">{t("audit.results.denied")}</option>
          <option value="failed">{t("audit.results.failed")}</option>
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t("common.applyFilters")}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onApply({ actor: "", subject: "", action: "", from: "", to: "", result: "" })}
        >
          {t("common.clearFilters")}
        </button>
      </div>
    </form>
  );
}
