import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, nullIfEmpty, SelectField } from "../../components/form";
import { useSession } from "../../session";
import { ROLES, type RoleAssignment, type Staff } from "../../types";
import type { useUnits } from "./use-units";

interface Props {
  staff: Staff;
  units: ReturnType<typeof useUnits>;
  onChanged(message: string): void;
  onClose(): void;
}

/** One staff member: profile edit, role grant/revoke with a reason, credential resets. */
export function StaffDetail({ staff, units, onChanged, onClose }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [revoking, setRevoking] = useState<RoleAssignment | null>(null);
  const [resettingPassword, setResettingPassword] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);
  const mayWrite = can("org.staff.write");
  const mayGrant = can("org.roles.grant");
  const mayReset = can("org.staff.reset_credentials");
  const titleId = `staff-${staff.id}-title`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a staff member moves the keyboard (and the view) to their panel below the table.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="card detail" aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {staff.displayName} <span className="muted">({staff.username})</span>
        </h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>

      {mayWrite && (
        <details className="subsection">
          <summary>{t("org.staff.editProfile")}</summary>
          <Form
            label={t("org.staff.editProfile")}
            submitLabel={t("common.save")}
            onSubmit={async (v) => {
              await api.patch(`/api/org/staff/${staff.id}`, {
                ...nullIfEmpty(v, ["email", "phone", "position"]),
                displayName: v.displayName,
                unitId: v.unitId || null,
                status: v.status,
              });
              onChanged(t("common.saved"));
            }}
          >
            <div className="grid-2">
              <Field
                name="displayName"
                label={t("org.staff.displayName")}
                required
                maxLength={100}
                defaultValue={staff.displayName}
              />
              <SelectField
                name="unitId"
                label={t("org.staff.unit")}
                emptyLabel={t("common.none")}
                defaultValue={staff.unitId ?? ""}
                options={units.unitOptions(staff.unitId)}
              />
              <Field
                name="position"
                label={t("org.staff.position")}
                maxLength={100}
                defaultValue={staff.position ?? ""}
              />
              <Field
                name="email"
                type="email"
                label={t("org.staff.email")}
                maxLength={200}
                defaultValue={staff.email ?? ""}
              />
              <Field
                name="phone"
                type="tel"
                label={t("org.staff.phone")}
                maxLength={40}
                defaultValue={staff.phone ?? ""}
              />
              <SelectField
                name="status"
                label={t("org.staff.status")}
                defaultValue={staff.status}
                options={[
                  { value: "active", label: t("org.staff.statuses.active") },
                  { value: "disabled", label: t("org.staff.statuses.disabled") },
                ]}
              />
            </div>
          </Form>
        </details>
      )}

      <h3>{t("org.staff.roles")}</h3>
      {staff.roles.length === 0 ? (
        <p>{t("org.staff.noRoles")}</p>
      ) : (
        <ul className="role-list">
          {staff.roles.map((r) => (
            <li key={r.id}>
              <strong>{t(`roles.${r.role}`)}</strong>{" "}
              <span className="muted">· {units.unitName(r.unitId)}</span>{" "}
              {mayGrant && revoking?.id !== r.id && (
                <button type="button" className="btn btn-small btn-danger" onClick={() => setRevoking(r)}>
                  {t("org.staff.revoke")}
                  <span className="sr-only"> {t(`roles.${r.role}`)}</span>
                </button>
              )}
              {revoking?.id === r.id && (
                <Form
                  className="form inline-form"
                  label={t("org.staff.revokeTitle", { role: t(`roles.${r.role}`) })}
                  submitLabel={t("org.staff.revokeConfirm")}
                  onCancel={() => setRevoking(null)}
                  onSubmit={async (v) => {
                    await api.del(`/api/org/staff/${staff.id}/roles/${r.id}`, { reason: v.reason });
                    setRevoking(null);
                    onChanged(
                      t("org.staff.revoked", { role: t(`roles.${r.role}`), name: staff.displayName }),
                    );
                  }}
                >
                  <Field name="reason" label={t("org.staff.reason")} required maxLength={500} autoFocus />
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}

      {mayGrant && (
        <details className="subsection">
          <summary>{t("org.staff.grant")}</summary>
          <Form
            label={t("org.staff.grant")}
            submitLabel={t("org.staff.grantSubmit")}
            resetOnSuccess
            onSubmit={async (v) => {
              await api.post(`/api/org/staff/${staff.id}/roles`, {
                role: v.role,
                ...(v.unitId ? { unitId: v.unitId } : {}),
                ...(v.reason ? { reason: v.reason } : {}),
              });
              onChanged(t("org.staff.granted", { role: t(`roles.${v.role}`), name: staff.displayName }));
            }}
          >
            <div className="grid-2">
              <SelectField
                name="role"
                label={t("org.staff.role")}
                required
                emptyLabel={t("common.choose")}
                options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
              <SelectField
                name="unitId"
                label={t("org.staff.roleUnit")}
                emptyLabel={t("roles.wholeAgency")}
                defaultValue={staff.unitId ?? ""}
                options={units.unitOptions()}
              />
            </div>
            <Field name="reason" label={t("org.staff.reason")} required maxLength={500} />
          </Form>
        </details>
      )}

      {mayReset && (
        <div className="subsection">
          <h3>{t("org.staff.credentials")}</h3>
          {temporary && (
            <p className="notice" role="status">
              {t("org.staff.temporaryPassword")} <code className="secret">{temporary}</code>
            </p>
          )}
          {!resettingPassword ? (
            <div className="form-actions">
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setTemporary(null);
                  setResettingPassword(true);
                }}
              >
                {t("org.staff.resetPassword")}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                onClick={async () => {
                  if (!window.confirm(t("org.staff.confirmResetMfa", { name: staff.displayName }))) return;
                  try {
                    await api.post(`/api/org/staff/${staff.id}/reset-mfa`, {});
                    onChanged(t("org.staff.mfaReset", { name: staff.displayName }));
                  } catch (e) {
                    onChanged((e as Error).message);
                  }
                }}
              >
                {t("org.staff.resetMfa")}
              </button>
            </div>
          ) : (
            <Form
              label={t("org.staff.resetPassword")}
              submitLabel={t("org.staff.resetPasswordSubmit")}
              onCancel={() => setResettingPassword(false)}
              onSubmit={async (v) => {
                // An empty field lets the server generate a temporary password, shown here once.
                const r = await api.post<{ temporaryPassword?: string }>(
                  `/api/org/staff/${staff.id}/reset-password`,
                  v.password ? { password: v.password } : {},
                );
                setResettingPassword(false);
                setTemporary(r?.temporaryPassword ?? null);
                onChanged(t("org.staff.passwordReset", { name: staff.displayName }));
              }}
            >
              <Field
                name="password"
                type="password"
                label={t("org.staff.newPassword")}
                hint={`${t("org.staff.generateHint")} ${t("account.password.rules")}`}
                autoComplete="new-password"
                maxLength={200}
              />
            </Form>
          )}
        </div>
      )}
    </section>
  );
}
