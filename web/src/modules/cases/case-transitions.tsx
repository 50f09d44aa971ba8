import type { Permission } from "@civicpims/core/auth/permissions";
import { allowedEvents, type CaseEventType, type CaseState } from "@civicpims/core/cases/machine";
import { roleFor } from "@civicpims/core/cases/next-step";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, TextAreaField } from "../../components/form";
import { StatusMessage } from "../../components/page";
import { useSession } from "../../session";
import "./i18n";
import "./queue.css";
import type { CaseDetail } from "./types";

/** Generic steps with their route, permission and form fields. decide/notify belong to the case kind. */
const STEPS: Partial<
  Record<
    CaseEventType,
    {
      path: string;
      permission: string;
      fields: Array<"reason" | "requesterDeadline" | "days" | "to" | "note">;
    }
  >
> = {
  pause: { path: "pause", permission: "cases.process", fields: ["reason", "requesterDeadline"] },
  resume: { path: "resume", permission: "cases.process", fields: ["note"] },
  extend: { path: "extend", permission: "cases.decide", fields: ["reason", "days"] },
  withdraw: { path: "withdraw", permission: "cases.process", fields: ["reason"] },
  transfer: { path: "transfer", permission: "cases.decide", fields: ["to", "reason"] },
  close: { path: "close", permission: "cases.process", fields: [] },
};

/**
 * The buttons for the steps the state machine allows from the case's current state (and the user's
 * role), each opening its small form. `kindSteps` are the case kind's own steps (e.g. decide, notify),
 * rendered by the caller for the events in `allowed`.
 */
export function CaseTransitions({
  c,
  onChanged,
  kindSteps,
  without = [],
}: {
  c: CaseDetail;
  onChanged: (msg: string) => void;
  kindSteps?: (allowed: CaseEventType[]) => ReactNode[];
  /** Generic steps the kind takes through its own action (a petition's 이송 sends its letter). */
  without?: readonly CaseEventType[];
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState<CaseEventType | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const allowed = allowedEvents(c.state as CaseState).filter((e) => !without.includes(e));
  const generic = allowed.filter((e) => {
    const s = STEPS[e];
    return s && can(s.permission);
  });
  // Issue 11: steps the machine allows but the user's role does not are named with who can take them.
  const others = new Map<string, CaseEventType[]>();
  for (const e of allowed) {
    const st = STEPS[e];
    if (!st || can(st.permission)) continue;
    const role = roleFor(st.permission as Permission);
    if (role) others.set(role, [...(others.get(role) ?? []), e]);
  }
  const step = open ? STEPS[open] : undefined;
  const extra = (kindSteps?.(allowed) ?? []).filter(Boolean);
  return (
    <section aria-labelledby="case-steps" className="card">
      <h2 id="case-steps">{t("cases.steps.title")}</h2>
      <p className="muted">
        {t("cases.steps.current")}: <strong data-testid="case-state">{t(`cases.state.${c.state}`)}</strong>
      </p>
      <div className="toolbar">
        {extra}
        {generic.map((e) => (
          <button
            key={e}
            type="button"
            className="btn"
            aria-expanded={open === e}
            onClick={() => setOpen(open === e ? null : e)}
          >
            {t(`cases.event.${e}`)}
          </button>
        ))}
      </div>
      {generic.length === 0 && extra.length === 0 && others.size === 0 && (
        <p className="muted">{t("cases.steps.none")}</p>
      )}
      {[...others].map(([role, events]) => (
        <p key={role} className="who-can">
          {t("cases.who.steps", {
            who: t(`cases.whoRole.${role}`),
            steps: events.map((e) => t(`cases.event.${e}`)).join(", "),
          })}
        </p>
      ))}
      {open && step && (
        <Form
          label={t(`cases.event.${open}`)}
          submitLabel={t(`cases.event.${open}`)}
          onCancel={() => setOpen(null)}
          onSubmit={async (v) => {
            const body: Record<string, unknown> = {};
            for (const f of step.fields) {
              if (!v[f]) continue;
              body[f] = f === "days" ? Number(v[f]) : v[f];
            }
            await api.post(`/api/cases/${c.id}/${step.path}`, body);
            const text = t("cases.steps.done", { step: t(`cases.event.${open}`) });
            setOpen(null);
            setMsg(text);
            onChanged(text);
          }}
        >
          {step.fields.includes("to") && (
            <Field name="to" label={t("cases.steps.to")} required maxLength={300} />
          )}
          {step.fields.includes("reason") && (
            <TextAreaField name="reason" label={t("cases.reason")} required maxLength={2000} rows={2} />
          )}
          {step.fields.includes("requesterDeadline") && (
            <Field
              name="requesterDeadline"
              type="date"
              label={t("cases.clock.requesterDeadline")}
              hint={t("cases.steps.requesterDeadlineHint")}
            />
          )}
          {step.fields.includes("days") && (
            <Field
              name="days"
              type="number"
              min={1}
              max={60}
              label={t("cases.steps.days")}
              hint={t("cases.steps.daysHint")}
            />
          )}
          {step.fields.includes("note") && (
            <Field name="note" label={t("cases.steps.note")} maxLength={2000} />
          )}
        </Form>
      )}
      <StatusMessage text={msg} />
    </section>
  );
}
