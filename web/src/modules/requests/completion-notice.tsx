import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, TextAreaField } from "../../components/form";
import "./i18n";
import type { RequestDetail } from "./types";

/**
 * Completion notice (C6; TW 限期補正): what is missing and the date by which to supply it. The server
 * pauses the clock with that deadline, writes the notice letter where the pack has one (TW) and e-mails it.
 */
export function CompletionNoticeForm({
  r,
  onDone,
  onCancel,
}: {
  r: RequestDetail;
  onDone: (m?: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="req-completion">
      <h2 id="req-completion">{t("requests.completion.title")}</h2>
      <Form
        label={t("requests.completion.title")}
        submitLabel={t("requests.completion.submit")}
        onCancel={onCancel}
        onSubmit={async (v) => {
          await api.post(`/api/requests/${r.case.id}/completion-notice`, {
            missing: v.missing,
            fixBy: v.fixBy,
          });
          onDone(t("requests.completion.done"));
        }}
      >
        <TextAreaField
          name="missing"
          label={t("requests.completion.missing")}
          required
          maxLength={2000}
          rows={3}
        />
        <Field name="fixBy" type="date" label={t("requests.completion.fixBy")} required />
      </Form>
    </section>
  );
}
