import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../api";
import { Field, Form, useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { usePortal } from "./portal-context";
import { PortalPageFrame } from "./portal-page-frame";
import "./requests/i18n";
import { StepHeading } from "./requests/request-form-page";

/** What POST /api/portal/kinds/:kind/submissions answers: the pending submission. */
export interface Started {
  submissionId: string;
  submissionToken: string;
}
/** What the confirmation answers: shown once. */
export interface Receipt {
  receiptNumber: string;
  accessCode: string;
  dueAt: string;
}

const TZ = { KR: "Asia/Seoul", TW: "Asia/Taipei" } as const;

/**
 * Steps 2 and 3 of every portal kind (petition, disclosure): the one-time code e-mailed to `email`, then
 * the receipt number + access code shown once. The form of step 1 is the kind's own page.
 */
export function SubmissionSteps({
  title,
  started,
  email,
  receiptIntro,
}: {
  title: string;
  started: Started;
  email: string;
  receiptIntro: string;
}) {
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  return (
    <PortalPageFrame title={title}>
      {receipt ? (
        <ReceiptCard receipt={receipt} intro={receiptIntro} />
      ) : (
        <CodeStep started={started} email={email} onReceipt={setReceipt} />
      )}
    </PortalPageFrame>
  );
}

function ReceiptCard({ receipt, intro }: { receipt: Receipt; intro: string }) {
  const { t, i18n } = useTranslation();
  const { agency, base } = usePortal();
  return (
    <section aria-labelledby="receipt-h" className="card receipt" data-testid="portal-receipt">
      <StepHeading id="receipt-h" text={t("portalRequests.receipt.title")} />
      <p>{intro}</p>
      <dl className="facts">
        <dt>{t("portalRequests.receipt.number")}</dt>
        <dd className="mono big" data-testid="receipt-number">
          {receipt.receiptNumber}
        </dd>
        <dt>{t("portalRequests.receipt.accessCode")}</dt>
        <dd className="mono big" data-testid="access-code">
          {receipt.accessCode}
        </dd>
        <dt>{t("portalRequests.receipt.due")}</dt>
        <dd>{formatDateTime(receipt.dueAt, i18n.language, TZ[agency.jurisdiction])}</dd>
      </dl>
      <p className="notice" role="note">
        {t("portalRequests.receipt.once")}
      </p>
      <div className="toolbar no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t("portalRequests.receipt.print")}
        </button>
        <Link className="btn" to={`${base}/requests/status`}>
          {t("portalRequests.status.title")}
        </Link>
      </div>
    </section>
  );
}

function CodeStep({
  started,
  email,
  onReceipt,
}: {
  started: Started;
  email: string;
  onReceipt(r: Receipt): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [resent, setResent] = useState<string | null>(null);
  return (
    <section aria-labelledby="code-h">
      <StepHeading id="code-h" text={t("portalRequests.code.title")} />
      <p>{t("portalRequests.code.intro", { email })}</p>
      <Form
        label={t("portalRequests.code.title")}
        submitLabel={t("portalRequests.code.confirm")}
        onSubmit={async (v) => {
          try {
            onReceipt(
              await api.post<Receipt>(`/api/portal/submissions/${started.submissionId}/confirm`, {
                submissionToken: started.submissionToken,
                code: v.code,
              }),
            );
          } catch (e) {
            // A wrong or expired code belongs beside the code input.
            if (
              e instanceof ApiError &&
              (e.code === "portal.code_invalid" || e.code === "portal.code_expired")
            )
              throw new ApiError(
                e.status,
                e.code,
                e.message,
                [{ path: "/code", message: e.message }],
                e.requestId,
              );
            throw e;
          }
        }}
        extraActions={
          <button
            type="button"
            className="btn"
            onClick={async () => {
              try {
                await api.post(`/api/portal/submissions/${started.submissionId}/resend`, {
                  submissionToken: started.submissionToken,
                });
                setResent(t("portalRequests.code.resent"));
              } catch (e) {
                setResent(errorText(e));
              }
            }}
          >
            {t("portalRequests.code.resend")}
          </button>
        }
      >
        <Field
          name="code"
          label={t("portalRequests.code.label")}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          title={t("portalRequests.code.format")}
          maxLength={6}
          className="code-input"
        />
      </Form>
      <p role="status" aria-live="polite">
        {resent}
      </p>
    </section>
  );
}
