import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { Field, Form, SelectField, useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page } from "../../components/page";
import { upload } from "../../components/upload";
import { useReadySession, useSession } from "../../session";
import { ACCEPT } from "../cases/case-attachments";
import { useUnits } from "../org/use-units";
import "./i18n";
import { RequestFields } from "./request-fields";
import { requestInput } from "./request-input";
import type { RequestDetail } from "./types";
import { useCatalogue, useStaff } from "./use-catalogue";

const STAFF_CHANNELS = ["visit", "mail", "fax", "email"];

/**
 * /requests/new: a request that arrived on paper, by fax, e-mail or at the counter. The channel is
 * recorded and the scan of the paper form is attached right after the request is created.
 */
export function NewRequestPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const cat = useCatalogue();
  const { unitOptions } = useUnits();
  const staff = useStaff(can("org.staff.read"));
  return (
    <Page title={t("requests.new.title")}>
      <ErrorBox text={cat.error} />
      {!cat.data && cat.loading && <Loading />}
      {cat.data && (
        <Form
          label={t("requests.new.title")}
          submitLabel={t("requests.new.submit")}
          onSubmit={async (v, form) => {
            const body = {
              ...requestInput(v),
              channel: v.channel,
              receivedAt: v.receivedAt ? new Date(v.receivedAt).toISOString() : undefined,
              unitId: v.unitId || undefined,
              assigneeId: v.assigneeId || undefined,
            };
            const created = await api.post<RequestDetail>("/api/requests", body);
            const file = (form.elements.namedItem("scan") as HTMLInputElement | null)?.files?.[0];
            let notice: string | null = null;
            if (file)
              try {
                await upload(
                  `/api/cases/${created.case.id}/attachments`,
                  { kind: "scan", file },
                  { csrfToken: session.csrfToken, locale: i18n.language },
                );
              } catch (e) {
                // The request exists now; say why the scan is missing and open the attachments tab.
                notice = `${t("requests.new.scanFailed")} ${errorText(e)}`;
              }
            navigate(`/requests/${created.case.id}${notice ? "?tab=notes" : ""}`, { state: { notice } });
          }}
        >
          <fieldset className="fieldset">
            <legend>{t("requests.new.receipt")}</legend>
            <SelectField
              name="channel"
              label={t("requests.field.channel")}
              required
              emptyLabel={t("common.choose")}
              options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
            />
            <Field
              name="receivedAt"
              type="datetime-local"
              label={t("requests.field.receivedAt")}
              hint={t("requests.field.receivedAtHint")}
            />
            <Field
              name="scan"
              type="file"
              accept={ACCEPT}
              label={t("requests.field.scan")}
              hint={t("cases.attachments.hint")}
            />
            <SelectField
              name="unitId"
              label={t("requests.list.unit")}
              emptyLabel={t("common.none")}
              options={unitOptions()}
            />
            {staff.length > 0 && (
              <SelectField
                name="assigneeId"
                label={t("requests.list.assignee")}
                emptyLabel={t("common.none")}
                options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
              />
            )}
          </fieldset>
          <RequestFields
            jurisdiction={cat.data.jurisdiction}
            kinds={cat.data.kinds}
            deliveryMethods={cat.data.deliveryMethods}
          />
        </Form>
      )}
    </Page>
  );
}
