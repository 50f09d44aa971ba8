import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, SelectField, TextAreaField } from "../../components/form";
import "./i18n";
import type { KindInfo } from "./types";
import { articleText, pickName } from "./use-catalogue";

export const BASES = {
  KR: ["poa", "child_under_14"],
  TW: ["poa", "minor", "guardianship", "assistance"],
} as const;

/**
 * The fields of the official request forms, shared by the staff entry screen and the citizen portal:
 * KR 개인정보 열람·정정·삭제·처리정지 요구서 (별지 제1호) with the power of attorney (별지 제2호), and the
 * TW application for exercising a data subject's rights with its 委任書. The person asking, the person
 * the data is about when that is someone else, what is asked, and how the answer should be delivered.
 */
export function RequestFields({
  jurisdiction,
  kinds,
  deliveryMethods,
  emailRequired,
}: {
  jurisdiction: "KR" | "TW";
  kinds: KindInfo[];
  deliveryMethods: readonly string[];
  emailRequired?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [requesterType, setRequesterType] = useState("self");
  const [kindCode, setKindCode] = useState("");
  const kindActions = kinds.find((k) => k.code === kindCode)?.actions ?? [];
  const [delivery, setDelivery] = useState("download");
  const other = requesterType !== "self";
  const j = jurisdiction;
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t(`requests.form.section.request.${j}`)}</legend>
        <SelectField
          name="kind"
          label={t("requests.field.kind")}
          required
          value={kindCode}
          onChange={(e) => setKindCode(e.target.value)}
          emptyLabel={t("common.choose")}
          options={kinds.map((k) => ({
            value: k.code,
            label: k.article
              ? `${pickName(k.names, i18n.language)} (${articleText(j, k.article, i18n.language)})`
              : pickName(k.names, i18n.language),
          }))}
        />
        {kindActions.length > 1 && (
          <fieldset className="fieldset">
            <legend>{t("requests.field.actions")}</legend>
            <p className="hint">{t("requests.field.actionsHint")}</p>
            {kindActions.map((a) => (
              <label key={a} className="inline-check">
                <input type="checkbox" name={`action_${a}`} defaultChecked={a === kindActions[0]} />{" "}
                {t(`requests.action.${a}`)}
              </label>
            ))}
          </fieldset>
        )}
        <TextAreaField
          name="content"
          label={t(`requests.field.content.${j}`)}
          hint={t("requests.field.contentHint")}
          required
          maxLength={5000}
          rows={4}
        />
        <TextAreaField
          name="targetDescription"
          label={t("requests.field.targetDescription")}
          hint={t("requests.field.targetDescriptionHint")}
          maxLength={2000}
          rows={2}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("requests.form.section.requester")}</legend>
        <SelectField
          name="requesterType"
          label={t("requests.field.requesterType")}
          required
          value={requesterType}
          onChange={(e) => setRequesterType(e.target.value)}
          options={["self", "proxy", "legal_representative"].map((v) => ({
            value: v,
            label: t(`requests.requesterType.${v}`),
          }))}
        />
        <Field
          name="requesterName"
          label={t("requests.field.name")}
          required
          maxLength={200}
          autoComplete="name"
        />
        <Field name="requesterBirthDate" type="date" label={t("requests.field.birthDate")} />
        <Field
          name="requesterEmail"
          type="email"
          label={t("requests.field.email")}
          required={emailRequired}
          hint={emailRequired ? t("requests.field.emailHintPortal") : undefined}
          maxLength={254}
          autoComplete="email"
        />
        <Field
          name="requesterPhone"
          type="tel"
          label={t("requests.field.phone")}
          maxLength={40}
          autoComplete="tel"
        />
        <Field
          name="requesterAddress"
          label={t("requests.field.address")}
          maxLength={500}
          autoComplete="street-address"
        />
      </fieldset>
      {other && (
        <fieldset className="fieldset">
          <legend>{t(`requests.form.section.subject.${j}`)}</legend>
          <p className="hint">{t(`requests.form.subjectHint.${requesterType}.${j}`, "")}</p>
          <SelectField
            name="basis"
            label={t("requests.field.basis")}
            required
            emptyLabel={t("common.choose")}
            options={(requesterType === "proxy" ? ["poa"] : BASES[j].filter((b) => b !== "poa")).map((b) => ({
              value: b,
              label: t(`requests.basis.${b}`),
            }))}
          />
          <Field name="relationship" label={t("requests.field.relationship")} maxLength={100} />
          <Field name="subjectName" label={t("requests.field.subjectName")} required maxLength={200} />
          <Field
            name="subjectBirthDate"
            type="date"
            label={t("requests.field.subjectBirthDate")}
            required={requesterType === "legal_representative"}
          />
          <Field name="subjectPhone" type="tel" label={t("requests.field.subjectPhone")} maxLength={40} />
          <Field name="subjectAddress" label={t("requests.field.subjectAddress")} maxLength={500} />
        </fieldset>
      )}
      <fieldset className="fieldset">
        <legend>{t("requests.form.section.delivery")}</legend>
        <SelectField
          name="deliveryMethod"
          label={t("requests.field.deliveryMethod")}
          value={delivery}
          onChange={(e) => setDelivery(e.target.value)}
          options={deliveryMethods.map((d) => ({ value: d, label: t(`requests.delivery.${d}`) }))}
        />
        {delivery === "post" && (
          <Field
            name="deliveryAddress"
            label={t("requests.field.deliveryAddress")}
            required
            maxLength={500}
          />
        )}
      </fieldset>
    </>
  );
}
