import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { formatNumber } from "../../components/format";
import { useSession } from "../../session";
import { formatDay, type Translate } from "../cases/due-format";
import type { AttachmentView, DisclosureCatalogue, DisclosureDetail } from "./types";
import { DECISION_OUTCOMES, groundLabel, groundShort, releaseIdsFor } from "./view";

type Props = { d: DisclosureDetail; onDone(msg: string): void };
const OPEN = ["received", "in_review", "extended"];
const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

function useDay() {
  const { t, i18n } = useTranslation();
  return (value: string, tz: string) => formatDay(value, t as Translate, i18n.language, tz);
}

/** KR §11③, §21① / TW §12②: third parties notified, their response date and the opinion recorded. */
export function ThirdPartiesPanel({ d, onDone }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const tz = d.case.timeZone;
  const open = OPEN.includes(d.case.state) && !d.case.decidedAt;
  return (
    <section className="card" aria-labelledby="ds-third">
      <h2 id="ds-third">{t("disclosure.third.title")}</h2>
      {d.thirdParties.length === 0 && <p className="muted">{t("disclosure.third.none")}</p>}
      {d.thirdParties.map((p) => (
        <div key={p.id} className="card-inner">
          <dl className="dl">
            <dt>{t("disclosure.third.name")}</dt>
            <dd>{p.name}</dd>
            <dt>{t("disclosure.third.notifiedAt")}</dt>
            <dd>{day(p.notifiedAt, tz)}</dd>
            <dt>{t("disclosure.third.responseDue")}</dt>
            <dd>{day(p.responseDueAt, tz)}</dd>
            <dt>{t("disclosure.third.opinion")}</dt>
            <dd>
              {p.opinion ? t(`disclosure.third.opinionValue.${p.opinion}`) : t("disclosure.third.pending")}
            </dd>
          </dl>
          {p.note && <p className="prewrap">{p.note}</p>}
          {!p.opinion && can("disclosure.process") && (
            <Form
              label={t("disclosure.third.record")}
              submitLabel={t("disclosure.third.record")}
              onSubmit={async (v) => {
                await api.post(`/api/disclosure/${d.case.id}/third-parties/${p.id}/opinion`, {
                  opinion: v.opinion,
                  note: v.note || undefined,
                });
                onDone(t("disclosure.third.recorded"));
              }}
            >
              <SelectField
                name="opinion"
                label={t("disclosure.third.opinion")}
                required
                options={(["agree", "object", "none"] as const).map((o) => ({
                  value: o,
                  label: t(`disclosure.third.opinionValue.${o}`),
                }))}
              />
              <TextAreaField name="note" label={t("disclosure.third.note")} rows={2} />
            </Form>
          )}
        </div>
      ))}
      {open && can("disclosure.process") && (
        <Form
          label={t("disclosure.third.add")}
          submitLabel={t("disclosure.third.add")}
          resetOnSuccess
          onSubmit={async (v) => {
            await api.post(`/api/disclosure/${d.case.id}/third-parties`, {
              name: v.name,
              contact: v.contact || undefined,
              notifiedAt: iso(v.notifiedAt),
            });
            onDone(t("disclosure.third.added"));
          }}
        >
          <Field name="name" label={t("disclosure.third.name")} required />
          <Field name="contact" label={t("disclosure.third.contact")} />
          <Field name="notifiedAt" type="datetime-local" label={t("disclosure.third.notifiedAt")} />
        </Form>
      )}
    </section>
  );
}

/**
 * The decision: outcome, grounds (each with its article and short label; required for partial and
 * non-disclosure, the server's refusal shown in the user's language), fees with reduction, the decision date
 * and, for full disclosure, the attachments released as they are.
 */
export function DecisionPanel({
  d,
  cat,
  attachments,
  onDone,
}: Props & { cat: DisclosureCatalogue; attachments: AttachmentView[] }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const tz = d.case.timeZone;
  const names = (n: { ko?: string; "zh-TW"?: string; en: string }) =>
    n[i18n.language as "ko" | "zh-TW" | "en"] ?? n.en;
  if (d.outcome) {
    const cited = (d.grounds ?? []).map((code) => cat.grounds.find((g) => g.code === code));
    return (
      <section className="card" aria-labelledby="ds-decision">
        <h2 id="ds-decision">{t("disclosure.decision.title")}</h2>
        <p>
          <strong>{t(`disclosure.outcome.${d.outcome}`)}</strong>
          {d.case.decidedAt && (
            <> · {t("disclosure.decision.decided", { date: day(d.case.decidedAt, tz) })}</>
          )}
        </p>
        {cited.length > 0 && (
          <ul>
            {cited.map((g, i) => (
              <li key={d.grounds?.[i]}>{g ? groundLabel(g, i18n.language) : ""}</li>
            ))}
          </ul>
        )}
        {d.decisionNote && <p className="prewrap">{d.decisionNote}</p>}
        {d.transferTarget && (
          <p>
            {t("disclosure.detail.transferTarget")}: {d.transferTarget}
          </p>
        )}
        {d.fees.total !== null && (
          <p>
            {d.fees.waived
              ? t("disclosure.decision.feeWaived")
              : t("disclosure.decision.feeTotal", {
                  total: `${formatNumber(d.fees.total, i18n.language)} ${d.fees.currency ?? ""}`,
                })}
          </p>
        )}
      </section>
    );
  }
  if (!OPEN.includes(d.case.state) || !can("disclosure.decide")) return null;
  return (
    <>
      <section className="card" aria-labelledby="ds-decide">
        <h2 id="ds-decide">{t("disclosure.decision.title")}</h2>
        <Form
          label={t("disclosure.decision.title")}
          submitLabel={t("disclosure.decision.submit")}
          fieldAliases={{ groundCodes: "ground_all", releaseAttachmentIds: "release_all" }}
          onSubmit={async (v) => {
            const fees = cat.fees.entries
              .map((e) => ({ code: e.code, quantity: Number(v[`fee_${e.code}`] || "0") }))
              .filter((l) => l.quantity > 0);
            await api.post(`/api/disclosure/${d.case.id}/decision`, {
              outcome: v.outcome,
              groundCodes: cat.grounds.filter((g) => v[`ground_${g.code}`] === "true").map((g) => g.code),
              note: v.note || undefined,
              decidedAt: iso(v.decidedAt),
              ...(fees.length || v.waived === "true"
                ? { fees: { lines: fees, waived: v.waived === "true" } }
                : {}),
              releaseAttachmentIds: releaseIdsFor(
                v.outcome,
                attachments,
                (id) => v[`release_${id}`] === "true",
              ),
            });
            onDone(t("disclosure.decision.done"));
          }}
        >
          <SelectField
            name="outcome"
            label={t("disclosure.decision.outcome")}
            required
            options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`disclosure.outcome.${o}`) }))}
          />
          <fieldset id="ground_all">
            <legend>{t("disclosure.decision.grounds")}</legend>
            <p className="muted">{t("disclosure.decision.groundsHint")}</p>
            {cat.grounds.map((g) => (
              <Field
                key={g.code}
                name={`ground_${g.code}`}
                type="checkbox"
                label={groundLabel(g, i18n.language)}
              />
            ))}
          </fieldset>
          <TextAreaField name="note" label={t("disclosure.decision.note")} rows={3} />
          <Field
            name="decidedAt"
            type="datetime-local"
            label={t("disclosure.decision.decidedAt")}
            hint={t("disclosure.decision.decidedAtHint")}
          />
          <fieldset>
            <legend>{t("disclosure.decision.fees")}</legend>
            {cat.fees.entries.map((e) => (
              <Field
                key={e.code}
                name={`fee_${e.code}`}
                type="number"
                min={0}
                label={t("disclosure.decision.feeQty", {
                  name: names(e.names),
                  amount: `${formatNumber(e.unitAmount, i18n.language)} ${cat.fees.currency}`,
                })}
              />
            ))}
            <Field name="waived" type="checkbox" label={t("disclosure.decision.waived")} />
          </fieldset>
          {attachments.length > 0 && (
            <fieldset id="release_all">
              <legend>{t("disclosure.decision.release")}</legend>
              {attachments.map((a) => (
                <Field key={a.id} name={`release_${a.id}`} type="checkbox" label={a.filename} />
              ))}
            </fieldset>
          )}
        </Form>
      </section>
      <section className="card" aria-labelledby="ds-transfer">
        <h2 id="ds-transfer">{t("disclosure.decision.transfer")}</h2>
        <Form
          label={t("disclosure.decision.transfer")}
          submitLabel={t("disclosure.decision.transfer")}
          onSubmit={async (v) => {
            await api.post(`/api/disclosure/${d.case.id}/transfer`, {
              targetAgency: v.targetAgency,
              reason: v.reason,
            });
            onDone(t("disclosure.decision.transferDone"));
          }}
        >
          <Field name="targetAgency" label={t("disclosure.decision.targetAgency")} required />
          <TextAreaField name="reason" label={t("disclosure.decision.reason")} required rows={2} />
        </Form>
        <Form
          label={t("disclosure.decision.withdraw")}
          submitLabel={t("disclosure.decision.withdraw")}
          onSubmit={async (v) => {
            await api.post(`/api/disclosure/${d.case.id}/withdraw`, { reason: v.wreason });
            onDone(t("disclosure.decision.withdrawDone"));
          }}
        >
          <TextAreaField name="wreason" label={t("disclosure.decision.reason")} required rows={2} />
        </Form>
      </section>
    </>
  );
}

/** Notice to the requester, then the remedy due dates (objection, appeal, litigation) and the objection record. */
export function RemediesPanel({ d, onDone }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const tz = d.case.timeZone;
  if (!d.case.decidedAt) return null;
  return (
    <section className="card" aria-labelledby="ds-remedy">
      <h2 id="ds-remedy">{t("disclosure.remedy.title")}</h2>
      {d.case.state === "decided" && can("disclosure.decide") && (
        <Form
          label={t("disclosure.decision.notify")}
          submitLabel={t("disclosure.decision.notify")}
          onSubmit={async (v) => {
            await api.post(`/api/disclosure/${d.case.id}/notify`, { notifiedAt: iso(v.notifiedAt) });
            onDone(t("disclosure.decision.notifyDone"));
          }}
        >
          <Field name="notifiedAt" type="datetime-local" label={t("disclosure.decision.notifiedAt")} />
        </Form>
      )}
      {d.remedies.length === 0 ? (
        <p className="muted">{t("disclosure.remedy.none")}</p>
      ) : (
        <ul>
          {d.remedies.map((r) => (
            <li key={r.code}>
              {t("disclosure.remedy.due", {
                name: t(`disclosure.remedy.code.${r.code}`),
                date: day(r.dueAt, tz),
                days: r.days,
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("disclosure.objection.title")}</h3>
      {d.objection ? (
        <p>
          {t("disclosure.objection.filed", { date: day(d.objection.at, tz) })}
          {d.objection.note && <span className="prewrap"> · {d.objection.note}</span>}
        </p>
      ) : (
        can("disclosure.process") && (
          <Form
            label={t("disclosure.objection.record")}
            submitLabel={t("disclosure.objection.record")}
            onSubmit={async (v) => {
              await api.post(`/api/disclosure/${d.case.id}/objection`, {
                filedAt: iso(v.filedAt),
                note: v.note || undefined,
              });
              onDone(t("disclosure.objection.done"));
            }}
          >
            <Field name="filedAt" type="datetime-local" label={t("disclosure.objection.filedAt")} required />
            <TextAreaField name="note" label={t("disclosure.objection.note")} rows={2} />
          </Form>
        )
      )}
    </section>
  );
}

/**
 * The released files with the grounds of each redacted one, and for partial disclosure a "redact" action per
 * attachment, linking to the redaction editor (/cases/:caseId/redact/:attachmentId) when it is enabled.
 */
export function ReleasedFilesPanel({
  d,
  cat,
  attachments,
  redactionEditor,
}: {
  d: DisclosureDetail;
  cat: DisclosureCatalogue;
  attachments: AttachmentView[];
  redactionEditor: boolean;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const short = (code: string) => {
    const g = cat.grounds.find((x) => x.code === code);
    return g ? groundShort(g) : code;
  };
  const partial = d.outcome === "partial" || (!d.outcome && OPEN.includes(d.case.state));
  // A redaction's own output is released as it is; redacting it again would label labels.
  const redactable = attachments.filter((a) => a.kind !== "released_record");
  return (
    <section className="card" aria-labelledby="ds-files">
      <h2 id="ds-files">{t("disclosure.files.released")}</h2>
      {d.released.length === 0 ? (
        <p className="muted">{t("disclosure.files.none")}</p>
      ) : (
        <ul>
          {d.released.map((f) => (
            <li key={f.id}>
              {f.filename} · {f.redactionId ? t("disclosure.files.redacted") : t("disclosure.files.asIs")}
              {f.grounds?.length ? (
                <> · {t("disclosure.files.grounds", { grounds: f.grounds.map(short).join(", ") })}</>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!d.outcome && <p className="muted">{t("disclosure.files.pickHint")}</p>}
      {partial && can("disclosure.process") && can("cases.redact") && redactable.length > 0 && (
        <ul>
          {redactable.map((a) => (
            <li key={a.id}>
              {a.filename}{" "}
              {redactionEditor ? (
                <Link className="btn btn-small" to={`/cases/${d.case.id}/redact/${a.id}`}>
                  {t("disclosure.files.redact")}
                </Link>
              ) : (
                <span className="muted">· {t("disclosure.files.redactPending")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
