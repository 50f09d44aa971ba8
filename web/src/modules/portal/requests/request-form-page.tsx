import { noticeText } from "@civicpims/core/jurisdictions/consent";
import { krRequestConsent } from "@civicpims/core/jurisdictions/kr/consent";
import { twRequestConsent } from "@civicpims/core/jurisdictions/tw/consent";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../../api";
import { Field, Form, type FormValues } from "../../../components/form";
import { ErrorBox, Loading } from "../../../components/page";
import { useLoad } from "../../../components/use-load";
import { ACCEPT } from "../../cases/case-attachments";
import "../../cases/cases.css";
import { RequestFields } from "../../requests/request-fields";
import { requestInput } from "../../requests/request-input";
import type { KindInfo } from "../../requests/types";
import { usePortal } from "../portal-context";
import { PortalPageFrame } from "../portal-page-frame";
import { type Started, SubmissionSteps } from "../submission-steps";
import "./i18n";
import { uploadToSubmission } from "./portal-api";

interface FormDef {
  jurisdiction: "KR" | "TW";
  kinds: KindInfo[];
  deliveryMethods: string[];
  form: { request: string; powerOfAttorney: string };
  limits: { attachmentBytes: number; attachments: number; allowedTypes: string[] };
}
// The rule packs' notices (KR PIPA §15(2), TW PDPA Art. 8(1)), shown before the citizen agrees.
const CONSENT = { KR: krRequestConsent, TW: twRequestConsent } as const;
// The API body is nested; the form's inputs are flat (request-input.ts): server details find their input.
const FIELD_ALIASES: Record<string, string> = {
  "requester.name": "requesterName",
  "requester.email": "requesterEmail",
  "requester.phone": "requesterPhone",
  "requester.address": "requesterAddress",
  "requester.birthDate": "requesterBirthDate",
  "subject.name": "subjectName",
  "subject.birthDate": "subjectBirthDate",
  "subject.phone": "subjectPhone",
  "subject.address": "subjectAddress",
  "representation.basis": "basis",
  "representation.relationship": "relationship",
  "delivery.method": "deliveryMethod",
  "delivery.address": "deliveryAddress",
};
const FILE_FIELDS = [
  ["file_poa", "power_of_attorney"],
  ["file_id", "identity_document"],
  ["file_other", "other"],
] as const;

/** Moves keyboard focus to a step's heading when the step appears. */
export function StepHeading({ id, text }: { id: string; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {text}
    </h2>
  );
}

/**
 * /portal/:agency/requests: the citizen's request form (KR 별지 제1호 with 제2호 for a proxy; the TW
 * application with its 委任書), then the e-mailed one-time code, then the receipt number and access
 * code, shown once, with a print button.
 */
export default function RequestFormPage() {
  const { t, i18n } = useTranslation();
  const { agency, agencyName, base } = usePortal();
  const def = useLoad(
    (signal) => api.get<FormDef>(`/api/portal/agencies/${agency.code}/form`, { signal }),
    [agency.code],
  );
  const [started, setStarted] = useState<(Started & { email: string }) | null>(null);

  const submit = async (v: FormValues, form: HTMLFormElement) => {
    const files = FILE_FIELDS.map(([name, kind]) => ({
      kind,
      file: (form.elements.namedItem(name) as HTMLInputElement | null)?.files?.[0],
    })).filter((f): f is { kind: (typeof FILE_FIELDS)[number][1]; file: File } => !!f.file);
    const limit = def.data?.limits.attachmentBytes ?? 10 * 1024 * 1024;
    const tooBig = files.find((f) => f.file.size > limit);
    if (tooBig)
      throw new ApiError(
        413,
        "client.too_large",
        t("portalRequests.form.tooLarge", { name: tooBig.file.name }),
        undefined,
        null,
      );
    const s = await api.post<Started>("/api/portal/submissions", {
      agencyCode: agency.code,
      locale: i18n.language,
      consent: v.consent === "true",
      ...requestInput(v),
    });
    for (const f of files)
      await uploadToSubmission(s.submissionId, s.submissionToken, f.kind, f.file, i18n.language);
    setStarted({ ...s, email: v.requesterEmail });
  };

  const title = t("portalRequests.form.title");
  // Steps 2 and 3 (the e-mailed code, then receipt number + access code) are those of every portal kind.
  if (started)
    return (
      <SubmissionSteps
        title={title}
        started={started}
        email={started.email}
        receiptIntro={t("portalRequests.receipt.intro")}
      />
    );

  return (
    <PortalPageFrame
      title={title}
      actions={
        <Link className="btn" to={`${base}/requests/status`}>
          {t("portalRequests.status.title")}
        </Link>
      }
    >
      <ErrorBox text={def.error} />
      {!def.data && def.loading && <Loading />}
      {def.data && (
        <>
          <p className="lead">
            {t(`portalRequests.form.intro.${def.data.jurisdiction}`, { form: def.data.form.request })}
          </p>
          <Form
            label={title}
            submitLabel={t("portalRequests.form.submit")}
            onSubmit={submit}
            fieldAliases={FIELD_ALIASES}
          >
            <RequestFields
              jurisdiction={def.data.jurisdiction}
              kinds={def.data.kinds}
              deliveryMethods={def.data.deliveryMethods}
              emailRequired
            />
            <fieldset className="fieldset">
              <legend>{t("portalRequests.form.attachments")}</legend>
              <p className="hint">
                {t("portalRequests.form.attachmentsHint", {
                  poa: def.data.form.powerOfAttorney,
                  mb: Math.floor(def.data.limits.attachmentBytes / 1024 / 1024),
                })}
              </p>
              {FILE_FIELDS.map(([name, kind]) => (
                <Field
                  key={name}
                  name={name}
                  type="file"
                  accept={ACCEPT}
                  label={t(`portalRequests.form.file.${kind}`)}
                />
              ))}
            </fieldset>
            <ConsentNotice jurisdiction={def.data.jurisdiction} agencyName={agencyName} />
          </Form>
        </>
      )}
    </PortalPageFrame>
  );
}

/**
 * What the citizen is told before agreeing (the items the rule pack lists for its law, with the
 * citation in a quieter line), and the check box whose emptiness says that consent is needed.
 */
export function ConsentNotice({
  jurisdiction,
  agencyName,
}: {
  jurisdiction: "KR" | "TW";
  agencyName: string;
}) {
  const { t, i18n } = useTranslation();
  const n = CONSENT[jurisdiction];
  const lang = i18n.language;
  return (
    <section className="consent" aria-labelledby="consent-h">
      <div id="consent-notice" data-testid="consent-notice">
        <h2 id="consent-h" className="consent-title">
          {t("portalRequests.form.consentTitle")}
        </h2>
        <dl className="consent-items">
          {n.items.map((item) => (
            <div key={item.key} className="consent-item">
              <dt>{noticeText(item.label, lang)}</dt>
              <dd>{noticeText(item.text, lang, agencyName)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted consent-citation">{noticeText(n.citation, lang)}</p>
      </div>
      <Field
        name="consent"
        type="checkbox"
        required
        label={noticeText(n.agree, lang)}
        requiredMessage={t("portalRequests.form.consentRequired")}
        describedBy="consent-notice"
      />
    </section>
  );
}
