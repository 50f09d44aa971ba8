import { PETITION_GROUPS } from "@civicpims/core/petitions/catalogue";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useSession } from "../../session";
import "./i18n";
import type { PetitionType } from "./types";
import { nameIn, usePetitionTypes } from "./use-types";

const num = (v: string | undefined) => (v ? Number(v) : null);

function TypeForm({ x, onDone }: { x?: PetitionType; onDone(msg: string): void }) {
  const { t } = useTranslation();
  return (
    <Form
      label={x ? t("petitions.types.edit") : t("petitions.types.add")}
      submitLabel={x ? t("petitions.types.save") : t("petitions.types.add")}
      onSubmit={async (v) => {
        const body = {
          group: v.group,
          nameKo: v.nameKo,
          nameZh: v.nameZh,
          nameEn: v.nameEn,
          periodDays: num(v.periodDays),
          periodHours: num(v.periodHours),
          citation: v.citation,
          verify: v.verify === "on",
          active: x ? v.active === "on" : true,
        };
        if (x) await api.put(`/api/petitions/types/${x.code}`, body);
        else await api.post("/api/petitions/types", { ...body, code: v.code });
        onDone(t("petitions.types.saved"));
      }}
    >
      {!x && <Field name="code" label={t("petitions.types.code")} required />}
      <SelectField
        name="group"
        label={t("petitions.types.group")}
        required
        defaultValue={x?.group}
        options={PETITION_GROUPS.map((g) => ({ value: g, label: t(`petitions.group.${g}`) }))}
      />
      <Field name="nameKo" label={t("petitions.types.nameKo")} required defaultValue={x?.names.ko} />
      <Field name="nameZh" label={t("petitions.types.nameZh")} required defaultValue={x?.names["zh-TW"]} />
      <Field name="nameEn" label={t("petitions.types.nameEn")} required defaultValue={x?.names.en} />
      <Field
        name="periodDays"
        type="number"
        min={1}
        max={365}
        label={t("petitions.types.periodDays")}
        hint={t("petitions.types.periodHint")}
        defaultValue={x?.periodDays ?? ""}
      />
      <Field
        name="periodHours"
        type="number"
        min={1}
        max={40}
        label={t("petitions.types.periodHours")}
        defaultValue={x?.periodHours ?? ""}
      />
      <Field name="citation" label={t("petitions.types.citation")} required defaultValue={x?.citation} />
      <Field name="verify" type="checkbox" label={t("petitions.types.verify")} defaultChecked={x?.verify} />
      {x && (
        <Field name="active" type="checkbox" label={t("petitions.types.active")} defaultChecked={x.active} />
      )}
    </Form>
  );
}

/** /petitions/types: the agency's catalogue of petition types with period and legal basis. */
export function PetitionTypesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const types = usePetitionTypes();
  const [editing, setEditing] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const done = (m: string) => {
    setEditing(null);
    setMsg(m);
    types.reload();
  };
  return (
    <Page title={t("petitions.types.title")}>
      <StatusMessage text={msg} />
      <ErrorBox text={types.error} />
      {!types.data && <Loading />}
      {types.data && (
        <div className="table-wrap">
          <table className="table" data-testid="petition-types">
            <caption className="sr-only">{t("petitions.types.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("petitions.types.group")}</th>
                <th scope="col">{t("petitions.list.type")}</th>
                <th scope="col">{t("petitions.detail.period")}</th>
                <th scope="col">{t("petitions.types.citation")}</th>
                <th scope="col">{t("petitions.types.active")}</th>
                {can("petitions.types") && (
                  <th scope="col">
                    <span className="sr-only">{t("petitions.types.edit")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {types.data.types.map((x) => (
                <tr key={x.code}>
                  <td>{t(`petitions.group.${x.group}`)}</td>
                  <th scope="row">{nameIn(x.names, i18n.language)}</th>
                  <td>
                    {x.periodDays
                      ? t("petitions.detail.days", { count: x.periodDays })
                      : x.periodHours
                        ? t("petitions.detail.hours", { count: x.periodHours })
                        : "—"}
                    {x.verify && <span className="muted"> · {t("petitions.types.verify")}</span>}
                  </td>
                  <td>{x.citation}</td>
                  <td>{x.active ? "✓" : "—"}</td>
                  {can("petitions.types") && (
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setEditing(editing === x.code ? null : x.code)}
                      >
                        {t("petitions.types.edit")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && types.data && (
        <section className="card">
          <h2>{t("petitions.types.edit")}</h2>
          <TypeForm key={editing} x={types.data.types.find((x) => x.code === editing)} onDone={done} />
        </section>
      )}
      {can("petitions.types") && (
        <section className="card">
          <h2>{t("petitions.types.add")}</h2>
          <TypeForm onDone={done} />
        </section>
      )}
    </Page>
  );
}
