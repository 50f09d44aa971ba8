import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, withoutEmpty } from "../../components/form";
import { ROLES, type Role, type Staff } from "../../types";
import type { useUnits } from "./use-units";

interface Props {
  units: ReturnType<typeof useUnits>;
  onCancel(): void;
  onCreated(s: Staff, message: string): void;
}

/** New staff member with an initial password and, optionally, a first role in their unit. */
export function StaffCreate({ units, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="staff-create-title">
      <h2 id="staff-create-title">{t("org.staff.create")}</h2>
      <Form
        label={t("org.staff.create")}
        submitLabel={t("org.staff.createSubmit")}
        onCancel={onCancel}
        onSubmit={async (v) => {
          const created = await api.post<Staff>("/api/org/staff", {
            ...withoutEmpty(v, ["email", "phone", "position"]),
            username: v.username,
            displayName: v.displayName,
            unitId: v.unitId,
            password: v.password,
          });
          if (v.role) {
            await api.post(`/api/org/staff/${created.id}/roles`, {
              role: v.role as Role,
              unitId: v.roleScope === "agency" ? undefined : v.unitId,
              ...(v.reason ? { reason: v.reason } : {}),
            });
          }
          onCreated(created, t("org.staff.created", { name: v.displayName }));
        }}
      >
        <div className="grid-2">
          <Field name="username" label={t("org.staff.username")} required maxLength={64} autoComplete="off" />
          <Field name="displayName" label={t("org.staff.displayName")} required maxLength={100} />
          <SelectField
            name="unitId"
            label={t("org.staff.unit")}
            required
            emptyLabel={t("common.choose")}
            options={units.unitOptions()}
          />
          <Field name="position" label={t("org.staff.position")} maxLength={100} />
          <Field name="email" type="email" label={t("org.staff.email")} maxLength={200} />
          <Field name="phone" type="tel" label={t("org.staff.phone")} maxLength={40} />
        </div>
        <Field
          name="password"
          type="password"
          label={t("org.staff.initialPassword")}
          hint={t("account.password.rules")}
          required
          autoComplete="new-password"
          maxLength={200}
        />
        <fieldset className="fieldset">
          <legend>{t("org.staff.initialRole")}</legend>
          <div className="grid-2">
            <SelectField
              name="role"
              label={t("org.staff.role")}
              emptyLabel={t("org.staff.noRole")}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <SelectField
              name="roleScope"
              label={t("org.staff.roleScope")}
              options={[
                { value: "unit", label: t("org.staff.scopeUnit") },
                { value: "agency", label: t("roles.wholeAgency") },
              ]}
            />
          </div>
          <Field name="reason" label={t("org.staff.reason")} maxLength={500} />
        </fieldset>
      </Form>
    </section>
  );
}
