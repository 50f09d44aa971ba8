import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { Field, Form } from "../../components/form";
import { Page, StatusMessage } from "../../components/page";

/** One's own password; `onDone` is given when the change is forced after an administrator's reset. */
export function PasswordPage({ onDone }: { onDone?: () => Promise<void> } = {}) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Page title={t("account.password.title")}>
      <p className="hint">{t("account.password.rules")}</p>
      <StatusMessage text={done} />
      <Form
        label={t("account.password.title")}
        submitLabel={t("account.password.submit")}
        resetOnSuccess
        onSubmit={async (v) => {
          setDone(null);
          if (v.newPassword !== v.confirm) {
            const msg = t("account.password.mismatch");
            throw new ApiError(400, "validation", msg, [{ path: "/confirm", message: msg }], null);
          }
          await api.post("/api/auth/password", {
            currentPassword: v.currentPassword,
            newPassword: v.newPassword,
          });
          setDone(t("account.password.done"));
          if (onDone) await onDone();
        }}
      >
        <Field
          name="currentPassword"
          type="password"
          label={t("account.password.current")}
          required
          autoComplete="current-password"
        />
        <Field
          name="newPassword"
          type="password"
          label={t("account.password.new")}
          required
          autoComplete="new-password"
          minLength={8}
          maxLength={200}
        />
        <Field
          name="confirm"
          type="password"
          label={t("account.password.confirm")}
          required
          autoComplete="new-password"
        />
      </Form>
    </Page>
  );
}
