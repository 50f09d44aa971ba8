import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { useSession } from "../../session";
import "./i18n";
import type { RequestDetail } from "./types";

const METHODS = [
  "id_card_in_person",
  "mobile_phone",
  "ipin",
  "digital_certificate",
  "document_copy",
  "explanation",
  "other",
];

/**
 * Identity verification records (C5): how, which document was seen, by whom. An identifier typed
 * here is masked and blind-indexed by the server; the full number is never stored or shown again.
 */
export function IdentityPanel({ r, onDone }: { r: RequestDetail; onDone: (m?: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const roles = r.requesterType === "self" ? ["requester"] : ["requester", "representative", "subject"];
  return (
    <section aria-labelledby="req-identity">
      <h2 id="req-identity">{t("requests.identity.title")}</h2>
      {r.identityChecks.length === 0 ? (
        <p className="muted">{t("requests.identity.none")}</p>
      ) : (
        <table className="table" data-testid="identity-checks">
          <thead>
            <tr>
              <th scope="col">{t("requests.identity.checkedAt")}</th>
              <th scope="col">{t("requests.identity.personRole")}</th>
              <th scope="col">{t("requests.identity.method")}</th>
              <th scope="col">{t("requests.identity.documentType")}</th>
              <th scope="col">{t("requests.identity.identifierMasked")}</th>
              <th scope="col">{t("requests.identity.result")}</th>
              <th scope="col">{t("requests.identity.checkedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {r.identityChecks.map((k) => (
              <tr key={k.id}>
                <td className="nowrap">{formatDateTime(k.checkedAt, i18n.language, r.case.timeZone)}</td>
                <td>{t(`requests.identity.role.${k.personRole}`)}</td>
                <td>{t(`requests.identity.methods.${k.method}`)}</td>
                <td>{k.documentType}</td>
                <td className="mono">{k.identifierMasked}</td>
                <td>
                  <span className={k.result === "verified" ? "badge badge-ok" : "badge badge-failed"}>
                    {t(`requests.identity.results.${k.result}`)}
                  </span>
                </td>
                <td>{k.checkedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.requesterType === "proxy" && <p className="hint">{t("requests.identity.poaHint")}</p>}
      {can("requests.process") &&
        ["received", "identity_check", "in_review", "waiting_requester", "extended"].includes(
          r.case.state,
        ) && (
          <Form
            label={t("requests.identity.record")}
            submitLabel={t("requests.identity.record")}
            resetOnSuccess
            onSubmit={async (v) => {
              await api.post(`/api/requests/${r.case.id}/identity`, {
                personRole: v.personRole,
                method: v.method,
                documentType: v.documentType,
                identifier: v.identifier || undefined,
                result: v.result,
                notes: v.notes || undefined,
              });
              onDone(t("requests.identity.saved"));
            }}
          >
            <div className="grid-2">
              <SelectField
                name="personRole"
                label={t("requests.identity.personRole")}
                required
                options={roles.map((x) => ({ value: x, label: t(`requests.identity.role.${x}`) }))}
              />
              <SelectField
                name="method"
                label={t("requests.identity.method")}
                required
                emptyLabel={t("common.choose")}
                options={METHODS.map((m) => ({ value: m, label: t(`requests.identity.methods.${m}`) }))}
              />
              <Field
                name="documentType"
                label={t("requests.identity.documentType")}
                hint={t("requests.identity.documentTypeHint")}
                required
                maxLength={100}
              />
              <Field
                name="identifier"
                label={t("requests.identity.identifier")}
                hint={t("requests.identity.identifierHint")}
                maxLength={40}
                autoComplete="off"
              />
              <SelectField
                name="result"
                label={t("requests.identity.result")}
                required
                options={["verified", "failed"].map((x) => ({
                  value: x,
                  label: t(`requests.identity.results.${x}`),
                }))}
              />
            </div>
            <TextAreaField name="notes" label={t("requests.identity.notes")} maxLength={1000} rows={2} />
          </Form>
        )}
    </section>
  );
}
