import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../api";
import { Field, Form, type FormValues, SelectField, TextAreaField } from "../../../components/form";
import { ErrorBox, Loading } from "../../../components/page";
import { useLoad } from "../../../components/use-load";
import { ACCEPT } from "../../cases/case-attachments";
import "../../cases/cases.css";
import { usePortal } from "../portal-context";
import { PortalPageFrame } from "../portal-page-frame";
import "../requests/i18n";
import { uploadToSubmission } from "../requests/portal-api";
import { ConsentNotice } from "../requests/request-form-page";
import { type Started, SubmissionSteps } from "../submission-steps";
import "./i18n";

type Names = { ko: string; "zh-TW": string; en: string };
interface PetitionTypes {
  available: boolean;
  types: Array<{ code: string; group: string; names: Names; period: { days?: number; hours?: number } }>;
}
const MAX_FILES = 3;
// The kind route reports field errors under /data/...: each finds its flat input.
const FIELD_ALIASES: Record<string, string> = {
  "data.typeCode": "typeCode",
  "data.title": "title",
  "data.content": "content",
  "data.petitioner.name": "name",
  "data.petitioner.email": "email",
  "data.petitioner.phone": "phone",
  "data.petitioner.address": "address",
};

/**
 * /portal/:agency/petitions: a petition (민원) filed online. Same three steps as a data request (form,
 * e-mailed one-time code, receipt number + access code shown once); the type picker lists the agency's
 * types that are open to online filing, with their processing period.
 */
export default function PetitionFormPage() {
  const { t, i18n } = useTranslation();
  const { agency, agencyName, base } = usePortal();
  const lang = (i18n.language in { ko: 1, "zh-TW": 1, en: 1 } ? i18n.language : "ko") as keyof Names;
  const def = useLoad(
    (signal) => api.get<PetitionTypes>(`/api/portal/agencies/${agency.code}/petition-types`, { signal }),
    [agency.code],
  );
  const [started, setStarted] = useState<(Started & { email: string }) | null>(null);
  const title = t("portalPetitions.title");

  const submit = async (v: FormValues, form: HTMLFormElement) => {
    const files = Array.from(
      { length: MAX_FILES },
      (_, i) => (form.elements.namedItem(`file_${i}`) as HTMLInputElement | null)?.files?.[0],
    ).filter((f): f is File => !!f);
    const s = await api.post<Started>("/api/portal/kinds/petition/submissions", {
      agencyCode: agency.code,
      locale: i18n.language,
      consent: v.consent === "true",
      data: {
        typeCode: v.typeCode,
        title: v.title,
        content: v.content,
        petitioner: {
          name: v.name,
          email: v.email,
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.address ? { address: v.address } : {}),
        },
      },
    });
    for (const f of files)
      await uploadToSubmission(s.submissionId, s.submissionToken, "evidence", f, i18n.language);
    setStarted({ ...s, email: v.email });
  };

  if (started)
    return (
      <SubmissionSteps
        title={title}
        started={started}
        email={started.email}
        receiptIntro={t("portalPetitions.receiptIntro")}
      />
    );

  const period = (p: { days?: number; hours?: number }) =>
    p.days
      ? t("portalPetitions.days", { count: p.days })
      : t("portalPetitions.hours", { count: p.hours ?? 0 });
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
      {def.data && !def.data.available && <p className="notice">{t("portalPetitions.notAvailable")}</p>}
      {def.data?.available && (
        <>
          <p className="lead">{t("portalPetitions.intro")}</p>
          <Form
            label={title}
            submitLabel={t("portalPetitions.submit")}
            onSubmit={submit}
            fieldAliases={FIELD_ALIASES}
          >
            <SelectField
              name="typeCode"
              label={t("portalPetitions.type")}
              hint={t("portalPetitions.typeHint")}
              required
              emptyLabel={t("portalPetitions.choose")}
              options={def.data.types.map((x) => ({
                value: x.code,
                label: `${x.names[lang]} (${period(x.period)})`,
              }))}
            />
            <Field name="title" label={t("portalPetitions.subject")} required maxLength={200} />
            <TextAreaField
              name="content"
              label={t("portalPetitions.content")}
              required
              maxLength={10000}
              rows={8}
            />
            <fieldset className="fieldset">
              <legend>{t("portalPetitions.petitioner")}</legend>
              <Field
                name="name"
                label={t("portalPetitions.name")}
                required
                maxLength={200}
                autoComplete="name"
              />
              <Field
                name="email"
                type="email"
                label={t("portalPetitions.email")}
                hint={t("portalPetitions.emailHint")}
                required
                maxLength={254}
                autoComplete="email"
              />
              <Field
                name="phone"
                type="tel"
                label={t("portalPetitions.phone")}
                maxLength={40}
                autoComplete="tel"
              />
              <TextAreaField name="address" label={t("portalPetitions.address")} maxLength={500} rows={2} />
            </fieldset>
            <fieldset className="fieldset">
              <legend>{t("portalRequests.form.attachments")}</legend>
              <p className="hint">{t("portalPetitions.filesHint", { count: MAX_FILES })}</p>
              {Array.from({ length: MAX_FILES }, (_, i) => (
                <Field
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed file slots
                  key={i}
                  name={`file_${i}`}
                  type="file"
                  accept={ACCEPT}
                  label={t("portalPetitions.file", { n: i + 1 })}
                />
              ))}
            </fieldset>
            <ConsentNotice jurisdiction={agency.jurisdiction} agencyName={agencyName} />
          </Form>
        </>
      )}
    </PortalPageFrame>
  );
}
