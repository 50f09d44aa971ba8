import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { Field, Form, type FormValues, SelectField, TextAreaField } from "../../components/form";
import { ErrorBox, Loading, Page } from "../../components/page";
import "./i18n";
import type { DisclosureDetail } from "./types";
import { useDisclosureCatalogue } from "./use-catalogue";
import { identityErrors } from "./view";

const CHANNELS = ["visit", "mail", "fax", "email", "online"] as const;
const opt = (v: string) => v.trim() || undefined;

/** The country's form (KR 정보공개 청구서 / TW 申請書) as the staff intake body. */
export function intakeBody(j: "KR" | "TW", methods: string[], v: FormValues) {
  const tw = j === "TW";
  const representative =
    tw && v.repName?.trim()
      ? {
          name: v.repName,
          idNumber: opt(v.repIdNumber ?? ""),
          address: opt(v.repAddress ?? ""),
          phone: opt(v.repPhone ?? ""),
        }
      : undefined;
  return {
    form: j,
    channel: v.channel,
    receivedAt: v.receivedAt ? new Date(v.receivedAt).toISOString() : undefined,
    requester: {
      name: v.name,
      ...(tw
        ? { idNumber: v.idNumber, birthDate: opt(v.birthDate ?? "") }
        : { birthDate: opt(v.birthDate ?? ""), businessNumber: opt(v.businessNumber ?? "") }),
      address: v.address,
      phone: v.phone,
      email: opt(v.email ?? ""),
    },
    ...(representative ? { representative } : {}),
    content: v.content,
    ...(tw ? { itemCount: Number(v.itemCount || "1"), purpose: v.purpose } : {}),
    methods: methods.filter((m) => v[`method_${m}`] === "true"),
    methodOther: opt(v.methodOther ?? ""),
    receipt: v.receipt,
    ...(v.feeWaiver === "true"
      ? { feeWaiver: { requested: true, reason: opt(v.feeWaiverReason ?? "") } }
      : {}),
  };
}

/** /disclosure/new: a request received at the counter, by post, fax, e-mail or online, on the country's form. */
export function NewDisclosurePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cat = useDisclosureCatalogue();
  const c = cat.data;
  const f = (k: string) => t(`disclosure.form.${k}`);
  return (
    <Page title={c ? f(c.jurisdiction) : t("disclosure.nav.new")}>
      <ErrorBox text={cat.error} />
      {!c && cat.loading && <Loading />}
      {c && (
        <Form
          label={f(c.jurisdiction)}
          submitLabel={f("submit")}
          fieldAliases={{
            "requester.name": "name",
            "requester.birthDate": "birthDate",
            "requester.businessNumber": "businessNumber",
            "requester.idNumber": "idNumber",
            "requester.address": "address",
            "requester.phone": "phone",
            "requester.email": "email",
            "representative.name": "repName",
          }}
          validate={(v) => identityErrors(c.jurisdiction, v, f("identityRequired"))}
          onSubmit={async (v) => {
            const d = await api.post<DisclosureDetail>(
              "/api/disclosure",
              intakeBody(c.jurisdiction, c.methods, v),
            );
            navigate(`/disclosure/${d.case.id}`);
          }}
        >
          <fieldset>
            <legend>{f("intake")}</legend>
            <SelectField
              name="channel"
              label={f("channel")}
              required
              options={CHANNELS.map((x) => ({ value: x, label: t(`disclosure.channel.${x}`) }))}
            />
            <Field name="receivedAt" type="datetime-local" label={f("receivedAt")} />
          </fieldset>
          <fieldset>
            <legend>{f("requester")}</legend>
            <Field name="name" label={f("name")} required autoComplete="off" />
            {c.jurisdiction === "TW" && <Field name="idNumber" label={f("idNumber")} required />}
            <Field
              name="birthDate"
              type="date"
              label={f("birthDate")}
              hint={c.jurisdiction === "KR" ? f("identityHint") : undefined}
            />
            {c.jurisdiction === "KR" && (
              <Field name="businessNumber" label={f("businessNumber")} hint={f("businessHint")} />
            )}
            <Field name="address" label={f("address")} required />
            <Field name="phone" type="tel" label={f("phone")} required />
            <Field name="email" type="email" label={f("email")} />
          </fieldset>
          {c.formFields.includes("representative") && (
            <fieldset>
              <legend>{f("representative")}</legend>
              <Field name="repName" label={f("repName")} />
              <Field name="repIdNumber" label={f("repIdNumber")} />
              <Field name="repAddress" label={f("repAddress")} />
              <Field name="repPhone" type="tel" label={f("repPhone")} />
            </fieldset>
          )}
          <TextAreaField name="content" label={f("content")} required rows={5} />
          {c.formFields.includes("itemCount") && (
            <Field
              name="itemCount"
              type="number"
              min={1}
              max={1000}
              defaultValue="1"
              label={f("itemCount")}
              required
            />
          )}
          {c.formFields.includes("purpose") && <Field name="purpose" label={f("purpose")} required />}
          <fieldset>
            <legend>{f("methods")}</legend>
            {c.methods.map((m) => (
              <Field key={m} name={`method_${m}`} type="checkbox" label={t(`disclosure.method.${m}`)} />
            ))}
            <Field name="methodOther" label={f("methodOther")} />
          </fieldset>
          <SelectField
            name="receipt"
            label={f("receiptWay")}
            required
            options={c.receipts.map((x) => ({ value: x, label: t(`disclosure.receipt.${x}`) }))}
          />
          <Field name="feeWaiver" type="checkbox" label={f("feeWaiver")} />
          <Field name="feeWaiverReason" label={f("feeWaiverReason")} />
        </Form>
      )}
    </Page>
  );
}
