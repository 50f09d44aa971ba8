import { PETITION_CHANNELS } from "@civicpims/core/petitions/catalogue";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useSession } from "../../session";
import { useAgencyStaff } from "../cases/case-list-page";
import { useUnits } from "../org/use-units";
import { CandidatesPanel } from "./candidates-panel";
import "./i18n";
import type { Candidates, PetitionDetail } from "./types";
import { nameIn, usePetitionTypes } from "./use-types";

/** /petitions/new: a petition received at the counter, by post, fax, kiosk, phone, e-mail or on patrol. */
export function NewPetitionPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const types = usePetitionTypes();
  const { unitOptions } = useUnits();
  const staff = useAgencyStaff(can("org.staff.read"));
  const [cand, setCand] = useState<Candidates | null>(null);
  const petitioner = (v: Record<string, string>) => ({
    name: v.name,
    email: v.email || undefined,
    phone: v.phone || undefined,
    address: v.address || undefined,
  });
  const checkCandidates = async (form: HTMLFormElement | null) => {
    if (!form) return;
    const v = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
    if (!v.content || !v.name) return;
    setCand(
      await api.post<Candidates>("/api/petitions/candidates", {
        content: v.content,
        petitioner: petitioner(v),
      }),
    );
  };
  return (
    <Page title={t("petitions.new.title")}>
      <ErrorBox text={types.error} />
      {!types.data && types.loading && <Loading />}
      {types.data && (
        <Form
          label={t("petitions.new.title")}
          submitLabel={t("petitions.new.submit")}
          fieldAliases={{
            "petitioner.name": "name",
            "petitioner.email": "email",
            "petitioner.phone": "phone",
          }}
          extraActions={
            <button
              type="button"
              className="btn"
              onClick={(e) => checkCandidates((e.currentTarget as HTMLButtonElement).form)}
            >
              {t("petitions.new.check")}
            </button>
          }
          onSubmit={async (v) => {
            const created = await api.post<PetitionDetail>("/api/petitions", {
              typeCode: v.typeCode,
              channel: v.channel,
              title: v.title,
              content: v.content,
              petitioner: petitioner(v),
              receivedAt: v.receivedAt ? new Date(v.receivedAt).toISOString() : undefined,
              unitId: v.unitId || undefined,
              assigneeId: v.assigneeId || undefined,
            });
            navigate(`/petitions/${created.case.id}`);
          }}
        >
          <fieldset className="fieldset">
            <legend>{t("petitions.new.receipt")}</legend>
            <SelectField
              name="channel"
              label={t("petitions.field.channel")}
              required
              emptyLabel={t("common.choose")}
              options={PETITION_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channel.${c}`) }))}
            />
            <SelectField
              name="typeCode"
              label={t("petitions.field.type")}
              required
              emptyLabel={t("common.choose")}
              options={types.data.types
                .filter((x) => x.active)
                .map((x) => ({
                  value: x.code,
                  label: `${t(`petitions.group.${x.group}`)} · ${nameIn(x.names, i18n.language)}`,
                }))}
            />
            <Field
              name="receivedAt"
              type="datetime-local"
              label={t("petitions.field.receivedAt")}
              hint={t("petitions.field.receivedAtHint")}
            />
            <SelectField
              name="unitId"
              label={t("petitions.field.unit")}
              emptyLabel={t("common.none")}
              options={unitOptions()}
            />
            {staff.length > 0 && (
              <SelectField
                name="assigneeId"
                label={t("petitions.field.assignee")}
                emptyLabel={t("common.none")}
                options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
              />
            )}
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t("petitions.new.petitioner")}</legend>
            <Field name="name" label={t("petitions.field.name")} required autoComplete="off" />
            <Field name="email" type="email" label={t("petitions.field.email")} autoComplete="off" />
            <Field name="phone" label={t("petitions.field.phone")} autoComplete="off" />
            <Field name="address" label={t("petitions.field.address")} autoComplete="off" />
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t("petitions.new.petition")}</legend>
            <Field name="title" label={t("petitions.field.title")} required />
            <TextAreaField name="content" label={t("petitions.field.content")} required rows={6} />
          </fieldset>
        </Form>
      )}
      {cand && <CandidatesPanel data={cand} />}
    </Page>
  );
}
