import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import "./i18n";
import type { NextStepView, QueueItem } from "./types";

/** "12 working days left", "Due today", "Overdue by 2 working days", "Paused": the queue's coloured badge. */
export function TimeLeftBadge({ row }: { row: Pick<QueueItem, "timeLeft" | "overdue" | "paused"> }) {
  const { t } = useTranslation();
  const { unit, value } = row.timeLeft;
  let text: string;
  let cls = "badge left-badge";
  if (row.paused) {
    text = t("cases.queue.left.paused");
  } else if (row.overdue) {
    text =
      value < 0 ? t(`cases.queue.left.overdue_${unit}`, { count: -value }) : t("cases.queue.left.overdue");
    cls += " badge-failed";
  } else if (value === 0 && unit === "working_days") {
    text = t("cases.queue.left.dueToday");
    cls += " badge-denied";
  } else {
    text = t(`cases.queue.left.${unit}`, { count: Math.max(0, value) });
    // Due soon: three working days (or one working day of hours) or less.
    if (value <= (unit === "working_days" ? 3 : 8)) cls += " badge-soon";
    else cls += " badge-ok";
  }
  return (
    <span className={cls} data-testid="time-left">
      {text}
    </span>
  );
}

/** The next step as a phrase, and when the caller cannot take it, who can ("A privacy manager decides ..."). */
export function NextStepText({ step }: { step: NextStepView | null }) {
  const { t } = useTranslation();
  if (!step) return <span className="muted">{t("cases.next.none")}</span>;
  return (
    <>
      <strong>{t(`cases.next.${step.action}`)}</strong>
      {!step.canAct && step.byRole && (
        <p className="who-can" data-testid="who-can">
          {t(`cases.who.${step.action}`, { who: t(`cases.whoRole.${step.byRole}`) })}
        </p>
      )}
    </>
  );
}

/**
 * Hand a case to one of `candidates` (staff who can take the next step when `forNextStep`, else any
 * colleague): a select and a button calling POST /api/cases/:id/assign.
 */
export function HandOver({
  caseId,
  number,
  version,
  candidates,
  forNextStep,
  label,
  onDone,
}: {
  caseId: string;
  number: string;
  version?: number;
  candidates: Array<{ id: string; name: string; roles: string[] }>;
  forNextStep: boolean;
  label: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [to, setTo] = useState(candidates[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (candidates.length === 0) return <p className="who-can">{t("cases.queue.noCandidates")}</p>;
  return (
    <div className="hand-over">
      <label htmlFor={id} className="sr-only">
        {label} ({number})
      </label>
      <select id={id} value={to} onChange={(e) => setTo(e.target.value)} data-testid="hand-to-select">
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} · {c.roles.map((r) => t(`roles.${r}`)).join(", ")}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy || !to}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await api.post(`/api/cases/${caseId}/assign`, { assigneeId: to, forNextStep, version });
            const name = candidates.find((c) => c.id === to)?.name ?? "";
            onDone(t("cases.queue.handedOver", { number, name }));
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
        <span className="sr-only"> ({number})</span>
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
