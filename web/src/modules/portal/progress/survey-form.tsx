import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { Form, SelectField, TextAreaField } from "../../../components/form";
import "./i18n";

const QUESTIONS = ["speed", "kindness", "clarity", "overall"] as const;

/**
 * The satisfaction survey on the status page once the case was answered (I6): four scores 1-5 and an
 * optional comment; one answer per case (the server refuses a second one with a clear message).
 */
export function SurveyForm({
  access,
  done,
}: {
  access: { agencyCode: string; receiptNumber: string; accessCode: string };
  done: boolean;
}) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const scores = [1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: t("portalProgress.survey.score", { n }),
  }));
  return (
    <section aria-labelledby="survey-h" className="card" data-testid="portal-survey">
      <h3 id="survey-h">{t("portalProgress.survey.title")}</h3>
      {done || sent ? (
        <p role="status">{t(sent ? "portalProgress.survey.thanks" : "portalProgress.survey.done")}</p>
      ) : (
        <>
          <p>{t("portalProgress.survey.intro")}</p>
          <Form
            label={t("portalProgress.survey.title")}
            submitLabel={t("portalProgress.survey.submit")}
            onSubmit={async (v) => {
              await api.post("/api/portal/survey", {
                ...access,
                ...Object.fromEntries(QUESTIONS.map((q) => [q, Number(v[q])])),
                ...(v.comment ? { comment: v.comment } : {}),
              });
              setSent(true);
            }}
          >
            {QUESTIONS.map((q) => (
              <SelectField
                key={q}
                name={q}
                label={t(`portalProgress.survey.${q}`)}
                required
                options={scores}
                emptyLabel={t("portalProgress.survey.choose")}
              />
            ))}
            <TextAreaField
              name="comment"
              label={t("portalProgress.survey.comment")}
              hint={t("portalProgress.survey.commentHint")}
              maxLength={1000}
            />
          </Form>
        </>
      )}
    </section>
  );
}
