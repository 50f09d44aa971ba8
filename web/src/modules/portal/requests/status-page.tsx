import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../api";
import { Field, Form, useErrorText } from "../../../components/form";
import { formatDay, type Translate } from "../../cases/due-format";
import "../../cases/i18n";
import "../../letters/i18n";
import "../../requests/i18n";
import { usePortal } from "../portal-context";
import { PortalPageFrame } from "../portal-page-frame";
import { SurveyForm } from "../progress/survey-form";
import "./i18n";
import "../progress/i18n";
import { downloadLetter } from "./portal-api";
import { nextStepSentences } from "./status-next";
import { type PortalDelivery, YourDocuments } from "./your-documents";

interface Progress {
  receiptNumber: string;
  kind: string;
  state: string;
  outcome: string | null;
  receivedAt: string;
  dueAt: string;
  dueUnit?: "days" | "hours";
  timeZone?: string;
  paused: boolean;
  requesterDeadline: string | null;
  requestedItem?: string | null;
  extended?: boolean;
  extensionReason?: string | null;
  transferredTo?: string | null;
  /** Public stage (seed 003 민원처리 인터넷 공개), the same word the receipt-number search shows. */
  stage?: string;
  steps: Array<{ at: string; event: string; letter?: string | null }>;
  letters: Array<{ id: string; kind: string; number: string; createdAt: string }>;
  /** Responsible unit, by name only (I3). */
  unit?: { name: string; nameEn: string | null } | null;
  /** The satisfaction survey of a petition (I6): open once answered, done after one answer. */
  survey?: { open: boolean; done: boolean } | null;
  /** Released files or the viewing appointment (issue 11 item 4); null before the decision. */
  delivery?: PortalDelivery | null;
}

const TZ = { KR: "Asia/Seoul", TW: "Asia/Taipei" } as const;

/**
 * /portal/:agency/requests/status: receipt number + access code -> progress and decision letters.
 * A wrong code and an unknown number get the same neutral answer from the server, shown as is.
 */
export default function RequestStatusPage() {
  const { t, i18n } = useTranslation();
  const { agency, base } = usePortal();
  const errorText = useErrorText();
  const tr = t as unknown as Translate;
  const [access, setAccess] = useState<{ receiptNumber: string; accessCode: string } | null>(null);
  const [p, setP] = useState<Progress | null>(null);
  const [dlError, setDlError] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const tz = p?.timeZone ?? TZ[agency.jurisdiction];
  const day = (iso: string) => formatDay(iso, tr, i18n.language, tz);
  const title = t("portalRequests.status.title");
  // Once the progress is shown, its heading takes the focus so it is announced.
  useEffect(() => {
    if (p) resultRef.current?.focus();
  }, [p]);
  return (
    <PortalPageFrame
      title={title}
      actions={
        <Link className="btn" to={`${base}/requests`}>
          {t("portalRequests.form.title")}
        </Link>
      }
    >
      <Form
        label={title}
        submitLabel={t("portalRequests.status.submit")}
        onSubmit={async (v) => {
          setP(null);
          const r = await api.post<Progress>("/api/portal/status", {
            agencyCode: agency.code,
            receiptNumber: v.receiptNumber,
            accessCode: v.accessCode,
          });
          setAccess({ receiptNumber: v.receiptNumber, accessCode: v.accessCode });
          setP(r);
        }}
      >
        <Field
          name="receiptNumber"
          label={t("portalRequests.receipt.number")}
          required
          maxLength={40}
          autoComplete="off"
        />
        <Field
          name="accessCode"
          label={t("portalRequests.receipt.accessCode")}
          hint={t("portalRequests.status.codeHint")}
          required
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
        />
      </Form>
      {p && access && (
        <section aria-labelledby="progress-h" className="card" data-testid="portal-progress">
          <h2 id="progress-h" ref={resultRef} tabIndex={-1}>
            {t("portalRequests.status.progress")} · <span className="mono">{p.receiptNumber}</span>
          </h2>
          <p className="lead" data-testid="portal-next">
            {nextStepSentences(p, tr, i18n.language, tz).map((line) => (
              <span key={line} className="next-line">
                {line}{" "}
              </span>
            ))}
          </p>
          <dl className="facts">
            <dt>{t("portalRequests.status.state")}</dt>
            <dd data-testid="portal-state">
              {t(`cases.state.${p.state}`)}
              {p.outcome && ` · ${t(`requests.outcome.${p.outcome}`)}`}
            </dd>
            {p.stage && (
              <>
                <dt>{t("portalProgress.stage")}</dt>
                <dd data-testid="portal-stage">{t(`portalProgress.stages.${p.stage}`)}</dd>
              </>
            )}
            <dt>{t("portalRequests.status.received")}</dt>
            <dd>{day(p.receivedAt)}</dd>
            {p.unit && (
              <>
                <dt>{t("portalProgress.unit")}</dt>
                <dd>{i18n.language === "en" && p.unit.nameEn ? p.unit.nameEn : p.unit.name}</dd>
              </>
            )}
            <dt>{t("portalProgress.due")}</dt>
            <dd>{day(p.dueAt)}</dd>
          </dl>
          <h3>{t("portalRequests.status.steps")}</h3>
          <ol className="steps">
            {p.steps.map((s, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are ordered and have no id
              <li key={n}>
                <time dateTime={s.at}>{day(s.at)}</time> ·{" "}
                {t(`cases.event.${s.event}`, t("portalRequests.status.letter"))}
              </li>
            ))}
          </ol>
          <h3>{t("portalRequests.status.letters")}</h3>
          <div className="error-box" role="alert" hidden={!dlError}>
            {dlError}
          </div>
          {p.letters.length === 0 ? (
            <p className="muted">{t("portalRequests.status.noLetters")}</p>
          ) : (
            <ul className="link-list" data-testid="portal-letters">
              {p.letters.map((l) => (
                <li key={l.id}>
                  <span className="mono">{l.number}</span> ·{" "}
                  {t(`letters.kinds.${l.kind}`, t("portalRequests.status.letter"))} · {day(l.createdAt)}{" "}
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={async () => {
                      setDlError(null);
                      try {
                        await downloadLetter(
                          l.id,
                          { agencyCode: agency.code, ...access },
                          `${l.number}.pdf`,
                          i18n.language,
                        );
                      } catch (e) {
                        setDlError(errorText(e));
                      }
                    }}
                  >
                    {t("portalRequests.status.download")}
                    <span className="sr-only"> {l.number}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {p.delivery && (
            <YourDocuments d={p.delivery} access={{ agencyCode: agency.code, ...access }} timeZone={tz} />
          )}
          {p.survey && (p.survey.open || p.survey.done) && (
            <SurveyForm access={{ agencyCode: agency.code, ...access }} done={p.survey.done} />
          )}
        </section>
      )}
    </PortalPageFrame>
  );
}
