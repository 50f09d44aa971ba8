import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { formatNumber } from "../../components/format";
import { useSession } from "../../session";
import "./i18n";
import type { Catalogue, RequestDetail } from "./types";
import { articleText, pickName, useStaff } from "./use-catalogue";

/** Local datetime-local value of an instant (browser zone) and back. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Fees from the pack's schedule (KR copy fee and postage, TW fee schedule) with waiver, and the
 * delivery of the answer: online download, e-mail, post, or in-person viewing with an appointment and
 * a staff companion (TW 004 requires one so no one else's data is seen).
 */
export function FeesDeliveryPanel({
  r,
  cat,
  onDone,
}: {
  r: RequestDetail;
  cat: Catalogue;
  onDone: (m?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const staff = useStaff(can("org.staff.read"));
  const editable = can("requests.process");
  const qty = (code: string) => r.fees.items.find((f) => f.code === code)?.quantity ?? 0;
  const unit = (code: string) => r.fees.items.find((f) => f.code === code)?.unitAmount;
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="req-fees">
        <h2 id="req-fees">{t("requests.fees.title")}</h2>
        {r.fees.total !== null && (
          <p data-testid="fees-total">
            {t("requests.fees.total")}: {formatNumber(r.fees.total ?? 0, i18n.language)} {r.fees.currency}
            {r.fees.waived && <span className="badge"> {t("requests.fees.waived")}</span>}
          </p>
        )}
        {editable && (
          <Form
            label={t("requests.fees.title")}
            submitLabel={t("common.save")}
            onSubmit={async (v) => {
              const items = cat.fees.entries
                .map((e) => ({
                  code: e.code,
                  quantity: Number(v[`q_${e.code}`] || 0),
                  unitAmount: v[`u_${e.code}`] ? Number(v[`u_${e.code}`]) : undefined,
                }))
                .filter((x) => x.quantity > 0);
              await api.put(`/api/requests/${r.case.id}/fees`, {
                items,
                waived: v.waived === "true",
                waiverReason: v.waiverReason || undefined,
              });
              onDone(t("common.saved"));
            }}
          >
            {cat.fees.entries.map((e) => {
              const fixed = e.attributes?.amountTwd ?? e.attributes?.amountKrw;
              return (
                <fieldset className="fieldset" key={e.code}>
                  <legend>
                    {pickName(e.names, i18n.language)}{" "}
                    <span className="small muted">
                      {articleText(cat.jurisdiction, e.article, i18n.language)}
                    </span>
                  </legend>
                  <Field
                    name={`q_${e.code}`}
                    type="number"
                    min={0}
                    label={t("requests.fees.quantity")}
                    defaultValue={qty(e.code) || ""}
                  />
                  {typeof fixed === "number" ? (
                    <p className="hint">
                      {t("requests.fees.unitAmount")}: {formatNumber(fixed, i18n.language)}{" "}
                      {cat.fees.currency}
                    </p>
                  ) : (
                    <Field
                      name={`u_${e.code}`}
                      type="number"
                      min={0}
                      label={t("requests.fees.unitAmount")}
                      defaultValue={unit(e.code) ?? ""}
                    />
                  )}
                </fieldset>
              );
            })}
            <div className="field field-check">
              <label>
                <input type="checkbox" name="waived" defaultChecked={r.fees.waived} />{" "}
                {t("requests.fees.waived")}
              </label>
            </div>
            <TextAreaField
              name="waiverReason"
              label={t("requests.fees.waiverReason")}
              maxLength={1000}
              rows={2}
              defaultValue={r.fees.waiverReason ?? ""}
            />
          </Form>
        )}
      </section>
      <section className="card" aria-labelledby="req-delivery">
        <h2 id="req-delivery">{t("requests.form.section.delivery")}</h2>
        <p>
          {r.delivery.method ? t(`requests.delivery.${r.delivery.method}`) : "—"}
          {r.delivery.address ? ` · ${r.delivery.address}` : ""}
        </p>
        {editable && (
          <Form
            label={t("requests.form.section.delivery")}
            submitLabel={t("common.save")}
            onSubmit={async (v) => {
              await api.put(`/api/requests/${r.case.id}/delivery`, {
                method: v.method,
                address: v.address || undefined,
                appointmentAt: v.appointmentAt ? new Date(v.appointmentAt).toISOString() : undefined,
                companionStaffId: v.companionStaffId || undefined,
                location: v.location || undefined,
              });
              onDone(t("common.saved"));
            }}
          >
            <SelectField
              name="method"
              label={t("requests.field.deliveryMethod")}
              required
              defaultValue={r.delivery.method ?? "download"}
              options={cat.deliveryMethods.map((d) => ({ value: d, label: t(`requests.delivery.${d}`) }))}
            />
            <Field
              name="address"
              label={t("requests.field.deliveryAddress")}
              maxLength={500}
              defaultValue={r.delivery.address ?? ""}
            />
            <fieldset className="fieldset">
              <legend>{t("requests.delivery.viewing")}</legend>
              <Field
                name="appointmentAt"
                type="datetime-local"
                label={t("requests.delivery.appointmentAt")}
                defaultValue={toLocalInput(r.delivery.appointmentAt)}
              />
              <SelectField
                key={staff.length}
                name="companionStaffId"
                label={t("requests.delivery.companion")}
                hint={cat.jurisdiction === "TW" ? t("requests.delivery.companionHintTW") : undefined}
                defaultValue={r.delivery.companionStaffId ?? ""}
                emptyLabel={t("common.none")}
                options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
              />
              <Field
                name="location"
                label={t("requests.delivery.location")}
                maxLength={300}
                defaultValue={r.delivery.location ?? ""}
              />
            </fieldset>
          </Form>
        )}
      </section>
    </div>
  );
}
