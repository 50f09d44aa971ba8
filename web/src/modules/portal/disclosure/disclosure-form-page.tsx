import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../api";
import { Field, Form, type FormValues, SelectField, TextAreaField } from "../../../components/form";
import { ErrorBox, Loading } from "../../../components/page";
import { useLoad } from "../../../components/use-load";
import { identityErrors } from "../../disclosure/view";
import { usePortal } from "../portal-context";
import { PortalPageFrame } from "../portal-page-frame";
import "../requests/i18n";
import { ConsentNotice } from "../requests/request-form-page";
import { type Started, SubmissionSteps } from "../submission-steps";
import { type KindField, payloadOf } from "./payload";
import "./i18n";

type Lang = "ko" | "zh-TW" | "en";
interface Services {
  kinds: Array<{ kind: string; fields: KindField[] | null }>;
}

/** One input per field of the kind; a choice of several is a group of checkboxes named `<field>.<value>`. */
function KindInput({ field, lang, hint }: { field: KindField; lang: Lang; hint?: string }) {
  const label = field.label[lang];
  const common = { name: field.name, label, required: field.required, hint };
  if (field.type === "choice" && field.multiple)
    return (
      <fieldset className="fieldset">
        <legend>{label}</legend>
        {hint && <p className="hint">{hint}</p>}
        {(field.options ?? []).map((o) => (
          <Field key={o.value} name={`${field.name}.${o.value}`} type="checkbox" label={o.label[lang]} />
        ))}
      </fieldset>
    );
  if (field.type === "choice")
    return (
      <SelectField
        {...common}
        options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))}
      />
    );
  if (field.type === "longText") return <TextAreaField {...common} rows={field.name === "content" ? 6 : 2} />;
  if (field.type === "number")
    return <Field {...common} type="number" min={1} max={1000} defaultValue="1" inputMode="numeric" />;
  if (field.type === "date") return <Field {...common} type="date" />;
  if (field.type === "email") return <Field {...common} type="email" autoComplete="email" />;
  return <Field {...common} />;
}

/**
 * /portal/:agency/disclosure: an information disclosure request (KR 정보공개 청구서, TW 政府資訊申請書) laid
 * out from the fields the agency's rule pack gives (GET /api/portal/agencies/:code/services), sent through
 * the generic kind route, then the same e-mailed code and receipt steps as a petition.
 */
export default function DisclosureFormPage() {
  const { t, i18n } = useTranslation();
  const { agency, agencyName, base } = usePortal();
  const j = agency.jurisdiction;
  const lang = (i18n.language in { ko: 1, "zh-TW": 1, en: 1 } ? i18n.language : "ko") as Lang;
  const def = useLoad(
    (signal) => api.get<Services>(`/api/portal/agencies/${agency.code}/services`, { signal }),
    [agency.code],
  );
  const [started, setStarted] = useState<(Started & { email: string }) | null>(null);
  const title = t(`portalDisclosure.title.${j}`);
  const fields = def.data?.kinds.find((k) => k.kind === "disclosure")?.fields ?? null;

  if (started)
    return (
      <SubmissionSteps
        title={title}
        started={started}
        email={started.email}
        receiptIntro={t("portalDisclosure.receiptIntro")}
      />
    );

  const multi = (fields ?? []).filter((f) => f.type === "choice" && f.multiple);
  // Server errors come under /data/<field>; a choice of several shows its error on its first box.
  const aliases: Record<string, string> = Object.fromEntries(
    (fields ?? []).map((f) => [
      `data.${f.name}`,
      f.multiple && f.options?.length ? `${f.name}.${f.options[0].value}` : f.name,
    ]),
  );
  const validate = (v: FormValues) => {
    const errors: Record<string, string> = identityErrors(j, v, t("portalDisclosure.identityRequired"), {
      birthDate: "requester.birthDate",
      businessNumber: "requester.businessNumber",
    });
    for (const f of multi)
      if (f.required && f.options?.length && !f.options.some((o) => v[`${f.name}.${o.value}`] === "true"))
        errors[`${f.name}.${f.options[0].value}`] = t("portalDisclosure.chooseOne");
    if (v["methods.other"] === "true" && !v.methodOther)
      errors.methodOther = t("portalDisclosure.otherRequired");
    return errors;
  };
  const hintOf = (f: KindField) =>
    j === "KR" && f.name === "requester.birthDate"
      ? t("portalDisclosure.identityHint")
      : f.name === "requester.email"
        ? t("portalDisclosure.emailHint")
        : f.multiple
          ? t("portalDisclosure.severalHint")
          : undefined;

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
      {def.data && !fields && <p className="notice">{t("portalDisclosure.notAvailable")}</p>}
      {fields && (
        <>
          <p className="lead">{t(`portalDisclosure.intro.${j}`)}</p>
          <Form
            label={title}
            submitLabel={t("portalDisclosure.submit")}
            fieldAliases={aliases}
            validate={validate}
            onSubmit={async (v) => {
              const data = payloadOf(fields, v);
              const s = await api.post<Started>("/api/portal/kinds/disclosure/submissions", {
                agencyCode: agency.code,
                locale: i18n.language,
                consent: v.consent === "true",
                data,
              });
              setStarted({ ...s, email: v["requester.email"] });
            }}
          >
            <fieldset className="fieldset">
              <legend>{t("portalDisclosure.requester")}</legend>
              {fields
                .filter((f) => f.name.startsWith("requester."))
                .map((f) => (
                  <KindInput key={f.name} field={f} lang={lang} hint={hintOf(f)} />
                ))}
            </fieldset>
            {fields
              .filter((f) => !f.name.startsWith("requester."))
              .map((f) => (
                <KindInput key={f.name} field={f} lang={lang} hint={hintOf(f)} />
              ))}
            <ConsentNotice jurisdiction={j} agencyName={agencyName} />
          </Form>
        </>
      )}
    </PortalPageFrame>
  );
}
