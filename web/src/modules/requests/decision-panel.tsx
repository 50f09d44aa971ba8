import { roleFor } from "@civicpims/core/cases/next-step";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField, useErrorText } from "../../components/form";
import { useSession } from "../../session";
import "./i18n";
import type { Catalogue, RequestDetail } from "./types";
import { undecided } from "./types";
import { articleText, pickName } from "./use-catalogue";

const DECISIONS = ["granted", "partly", "refused", "deferred"];

/** One item's decision row: the ground picker appears for a refusal or a partial grant. */
function ItemDecision({
  n,
  label,
  grounds,
}: {
  n: number;
  label: string;
  grounds: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState("granted");
  return (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <SelectField
        name={`decision_${n}`}
        label={t("requests.decision.decision")}
        required
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        options={DECISIONS.map((d) => ({ value: d, label: t(`requests.decision.value.${d}`) }))}
      />
      {(decision === "refused" || decision === "partly" || decision === "deferred") && (
        <SelectField
          name={`ground_${n}`}
          label={t("requests.decision.ground")}
          hint={t("requests.decision.groundHint")}
          required={decision !== "deferred"}
          emptyLabel={t("common.choose")}
          options={grounds}
        />
      )}
      {decision === "deferred" && (
        <Field name={`defer_${n}`} type="date" label={t("requests.decision.deferUntil")} />
      )}
      <Field name={`note_${n}`} label={t("requests.decision.note")} maxLength={2000} />
    </fieldset>
  );
}

/**
 * Per-item decisions with the refusal grounds of the agency's rule pack (each with its article). The
 * server generates the decision letter with the decision; it then appears under Letters.
 */
export function DecisionPanel({
  r,
  cat,
  onDone,
}: {
  r: RequestDetail;
  cat: Catalogue;
  onDone: (m?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const pending = r.items.filter((i) => undecided(i));
  const decidable = ["received", "identity_check", "in_review", "extended", "waiting_requester"].includes(
    r.case.state,
  );
  if (!decidable) return null;
  // Issue 11: a user who cannot decide sees who does, never a missing panel.
  if (!can("requests.decide"))
    return (
      <section aria-labelledby="req-decision" className="card">
        <h2 id="req-decision">{t("requests.decision.title")}</h2>
        <p className="who-can" data-testid="who-can">
          {t("cases.who.decide", { who: t(`cases.whoRole.${roleFor("requests.decide")}`) })}
        </p>
      </section>
    );
  return (
    <section aria-labelledby="req-decision" className="card">
      <h2 id="req-decision">{t("requests.decision.title")}</h2>
      {!r.identityVerifiedAt && <p className="notice">{t("requests.decision.identityFirst")}</p>}
      {pending.length === 0 ? (
        <p className="muted">{t("requests.decision.noItems")}</p>
      ) : (
        <Form
          label={t("requests.decision.title")}
          submitLabel={t("requests.decision.submit")}
          onSubmit={async (v) => {
            await api.post(`/api/requests/${r.case.id}/decision`, {
              items: pending.map((i, n) => ({
                itemId: i.id,
                decision: v[`decision_${n}`],
                groundCode: v[`ground_${n}`] || undefined,
                note: v[`note_${n}`] || undefined,
                deferUntil: v[`defer_${n}`] || undefined,
              })),
              summary: v.summary || undefined,
            });
            onDone(t("requests.decision.saved"));
          }}
        >
          {pending.map((i, n) => {
            const grounds = cat.grounds[r.requestKind]?.[i.action] ?? [];
            return (
              <ItemDecision
                key={i.id}
                n={n}
                label={`${n + 1}. ${i.fileLabel ?? ""} · ${t(`requests.action.${i.action}`)}`}
                grounds={grounds.map((g) => ({
                  value: g.code,
                  label: `${pickName(g.names, i18n.language)}${g.article ? ` — ${articleText(cat.jurisdiction, g.article, i18n.language)}` : ""}`,
                }))}
              />
            );
          })}
          <TextAreaField name="summary" label={t("requests.decision.summary")} maxLength={4000} rows={2} />
        </Form>
      )}
    </section>
  );
}

/** decided -> notified: the requester is told (e-mail with the letters, or a portal link). */
export function NotifyButton({ r, onDone }: { r: RequestDetail; onDone: (m?: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        aria-busy={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await api.post(`/api/requests/${r.case.id}/notify`, {});
            onDone(t("requests.notify.done"));
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("cases.event.notify")}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
