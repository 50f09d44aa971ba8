import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, nullIfEmpty } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { Agency } from "../../types";

const EDITABLE = [
  "nameLocal",
  "nameEn",
  "timeZone",
  "homepage",
  "phone",
  "fax",
  "email",
  "address",
  "mailFrom",
  "replyTo",
  "publicUrl",
] as const;
/** What letters print (issue 11 item 4); the 字 of the TW 發文字號 only for Taiwanese agencies. */
const letterFields = (a: Agency) =>
  a.jurisdiction === "TW"
    ? (["headTitle", "headName", "appealBody", "docNumberPrefix"] as const)
    : (["headTitle", "headName", "appealBody"] as const);

export function AgencyPage() {
  const { t } = useTranslation();
  const { can, refresh } = useSession();
  const { data, error, loading, setData } = useLoad(
    (signal) => api.get<Agency>("/api/org/agency", { signal }),
    [],
  );
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const mayEdit = can("org.agency.update");

  return (
    <Page
      title={t("org.agency.title")}
      actions={
        mayEdit && data && !editing ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setEditing(true);
              setStatus(null);
            }}
          >
            {t("common.edit")}
          </button>
        ) : null
      }
    >
      <StatusMessage text={status} />
      <ErrorBox text={error} />
      {loading && !data && <Loading />}
      {data && !editing && (
        <dl className="facts card">
          <dt>{t("org.agency.code")}</dt>
          <dd>{data.code}</dd>
          <dt>{t("org.agency.jurisdiction")}</dt>
          <dd>{t(`jurisdictions.${data.jurisdiction}`)}</dd>
          {EDITABLE.map((k) => (
            <FactRow key={k} label={t(`org.agency.${k}`)} value={data[k]} />
          ))}
          {letterFields(data).map((k) => (
            <FactRow key={k} label={t(`org.agency.${k}`)} value={data[k]} />
          ))}
          <dt>{t("org.agency.defaultLocale")}</dt>
          <dd>{t(`languages.${data.defaultLocale}`)}</dd>
        </dl>
      )}
      {data && editing && (
        <div className="card">
          <Form
            label={t("org.agency.title")}
            submitLabel={t("common.save")}
            onCancel={() => setEditing(false)}
            onSubmit={async (v) => {
              const next = await api.patch<Agency>(
                "/api/org/agency",
                nullIfEmpty(v, [...EDITABLE, ...letterFields(data)]),
              );
              setData({ ...data, ...(next ?? {}) });
              setEditing(false);
              setStatus(t("common.saved"));
              await refresh();
            }}
          >
            <div className="grid-2">
              <Field
                name="nameLocal"
                label={t("org.agency.nameLocal")}
                required
                defaultValue={data.nameLocal}
                maxLength={200}
              />
              <Field
                name="nameEn"
                label={t("org.agency.nameEn")}
                required
                defaultValue={data.nameEn}
                maxLength={200}
                lang="en"
              />
              <Field
                name="timeZone"
                label={t("org.agency.timeZone")}
                required
                defaultValue={data.timeZone}
                maxLength={64}
              />
              <Field
                name="homepage"
                type="url"
                label={t("org.agency.homepage")}
                defaultValue={data.homepage ?? ""}
                maxLength={300}
              />
              <Field
                name="phone"
                type="tel"
                label={t("org.agency.phone")}
                defaultValue={data.phone ?? ""}
                maxLength={40}
              />
              <Field
                name="fax"
                type="tel"
                label={t("org.agency.fax")}
                defaultValue={data.fax ?? ""}
                maxLength={40}
              />
              <Field
                name="email"
                type="email"
                label={t("org.agency.email")}
                defaultValue={data.email ?? ""}
                maxLength={200}
              />
              <Field
                name="address"
                label={t("org.agency.address")}
                defaultValue={data.address ?? ""}
                maxLength={300}
              />
              <Field
                name="mailFrom"
                label={t("org.agency.mailFrom")}
                hint={t("org.agency.mailFromHint")}
                defaultValue={data.mailFrom ?? ""}
                maxLength={300}
              />
              <Field
                name="replyTo"
                type="email"
                label={t("org.agency.replyTo")}
                defaultValue={data.replyTo ?? ""}
                maxLength={200}
              />
              <Field
                name="publicUrl"
                type="url"
                label={t("org.agency.publicUrl")}
                hint={t("org.agency.publicUrlHint")}
                defaultValue={data.publicUrl ?? ""}
                maxLength={300}
              />
            </div>
            <p className="muted">{t("org.agency.lettersHint")}</p>
            <div className="grid-2">
              <Field
                name="headTitle"
                label={t("org.agency.headTitle")}
                defaultValue={data.headTitle ?? ""}
                maxLength={100}
              />
              <Field
                name="headName"
                label={t("org.agency.headName")}
                defaultValue={data.headName ?? ""}
                maxLength={100}
              />
              <Field
                name="appealBody"
                label={t("org.agency.appealBody")}
                defaultValue={data.appealBody ?? ""}
                maxLength={200}
              />
              {data.jurisdiction === "TW" && (
                <Field
                  name="docNumberPrefix"
                  label={t("org.agency.docNumberPrefix")}
                  defaultValue={data.docNumberPrefix ?? ""}
                  maxLength={12}
                />
              )}
            </div>
          </Form>
        </div>
      )}
    </Page>
  );
}

function FactRow({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>{value || <span className="muted">{t("common.none")}</span>}</dd>
    </>
  );
}
