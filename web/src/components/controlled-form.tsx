import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { apiFieldErrors } from "./api-errors";
import { ErrorSummary, type SummaryEntry, summaryOf, useErrorText } from "./form";

/**
 * Forms whose values live in React state (records with lists, code pickers, item tables), with the
 * same accessibility contract as components/form.tsx: one aria-live alert, each error beside its
 * field and tied to it with aria-describedby, focus on the first invalid field after a failed
 * attempt, server field errors (either detail shape) shown where they belong.
 */

export type Errors = Record<string, string>;

interface Ctx {
  prefix: string;
  errors: Errors;
}
const FormCtx = createContext<Ctx>({ prefix: "cf", errors: {} });

export function useFieldMeta(name: string) {
  const { prefix, errors } = useContext(FormCtx);
  const id = `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return { id, error: errors[name], errorId: `${id}-error`, hintId: `${id}-hint` };
}

export function ControlledForm({
  onSubmit,
  validate,
  children,
  submitLabel,
  label,
  onCancel,
  extraActions,
  className,
}: {
  /** Throw an ApiError to show its field errors. */
  onSubmit(): Promise<void> | void;
  /** Client-side checks; return field -> message. */
  validate?: () => Errors;
  children: ReactNode;
  submitLabel: string;
  label?: string;
  onCancel?: () => void;
  extraActions?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const prefix = useId().replace(/:/g, "");
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [summary, setSummary] = useState<SummaryEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0 || !ref.current) return;
    const bad = ref.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (bad) bad.focus();
    else ref.current.querySelector<HTMLElement>(".form-alert")?.focus();
  }, [attempt]);

  const handle = async (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const form = ev.currentTarget;
    const client = validate?.() ?? {};
    if (Object.keys(client).length) {
      setErrors(client);
      setSummary(summaryOf(form, client));
      setMessage(t("form.fixErrors", { count: Object.keys(client).length }));
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    setErrors({});
    setSummary([]);
    setMessage(null);
    try {
      await onSubmit();
    } catch (e) {
      const fe = apiFieldErrors(e);
      setErrors(fe);
      setSummary(summaryOf(form, fe));
      const n = Object.keys(fe).filter((k) => !k.includes(".")).length;
      // The field messages stand beside their fields; the summary names them instead of repeating.
      setMessage(n ? t("form.fixErrors", { count: n }) : errorText(e));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormCtx.Provider value={{ prefix, errors }}>
      <form ref={ref} className={className ?? "form"} noValidate onSubmit={handle} aria-label={label}>
        <ErrorSummary message={message} entries={summary} />
        {children}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
            {busy ? t("common.working") : submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              {t("common.cancel")}
            </button>
          )}
          {extraActions}
        </div>
      </form>
    </FormCtx.Provider>
  );
}

function describedBy(m: { hintId: string; errorId: string; error?: string }, hint?: string) {
  return [hint ? m.hintId : null, m.error ? m.errorId : null].filter(Boolean).join(" ") || undefined;
}

function Shell({
  name,
  label,
  hint,
  required,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  children: (a: { id: string; invalid: boolean; describedBy?: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const m = useFieldMeta(name);
  return (
    <div className={m.error ? "field field-invalid" : "field"}>
      <label htmlFor={m.id}>
        {label}
        {required ? <span className="req"> ({t("form.requiredMark")})</span> : null}
      </label>
      {hint && (
        <p className="hint" id={m.hintId}>
          {hint}
        </p>
      )}
      {m.error && (
        <p className="field-error" id={m.errorId}>
          {m.error}
        </p>
      )}
      {children({ id: m.id, invalid: !!m.error, describedBy: describedBy(m, hint) })}
    </div>
  );
}

interface Base {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

export function TextInput({
  value,
  onChange,
  type = "text",
  maxLength,
  ...b
}: Base & { value: string; onChange(v: string): void; type?: string; maxLength?: number }) {
  return (
    <Shell {...b}>
      {(a) => (
        <input
          id={a.id}
          name={b.name}
          type={type}
          value={value}
          maxLength={maxLength}
          aria-required={b.required || undefined}
          aria-invalid={a.invalid || undefined}
          aria-describedby={a.describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

export function TextArea({
  value,
  onChange,
  rows = 3,
  maxLength,
  ...b
}: Base & { value: string; onChange(v: string): void; rows?: number; maxLength?: number }) {
  return (
    <Shell {...b}>
      {(a) => (
        <textarea
          id={a.id}
          name={b.name}
          rows={rows}
          value={value}
          maxLength={maxLength}
          aria-required={b.required || undefined}
          aria-invalid={a.invalid || undefined}
          aria-describedby={a.describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

/** A string list edited as lines of a textarea (blank lines dropped). */
export function LinesInput({
  value,
  onChange,
  rows = 3,
  ...b
}: Base & { value: string[]; onChange(v: string[]): void; rows?: number }) {
  const [text, setText] = useState(value.join("\n"));
  // Keep the text as typed (trailing newline while typing) but follow outside resets.
  const joined = value.join("\n");
  useEffect(() => {
    setText((cur) => (splitLines(cur).join("\n") === joined ? cur : joined));
  }, [joined]);
  return (
    <TextArea
      {...b}
      rows={rows}
      value={text}
      onChange={(v) => {
        setText(v);
        onChange(splitLines(v));
      }}
    />
  );
}

export function splitLines(v: string): string[] {
  return v
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function SelectInput({
  value,
  onChange,
  options,
  emptyLabel,
  ...b
}: Base & {
  value: string;
  onChange(v: string): void;
  options: Array<{ value: string; label: string }>;
  emptyLabel?: string;
}) {
  return (
    <Shell {...b}>
      {(a) => (
        <select
          id={a.id}
          name={b.name}
          value={value}
          aria-required={b.required || undefined}
          aria-invalid={a.invalid || undefined}
          aria-describedby={a.describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

export function CheckboxInput({
  name,
  label,
  hint,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  const m = useFieldMeta(name);
  return (
    <div className={m.error ? "field field-invalid" : "field"}>
      <div className="check-row">
        <input
          id={m.id}
          name={name}
          type="checkbox"
          checked={checked}
          aria-invalid={m.error ? true : undefined}
          aria-describedby={describedBy(m, hint)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={m.id}>{label}</label>
      </div>
      {hint && (
        <p className="hint" id={m.hintId}>
          {hint}
        </p>
      )}
      {m.error && (
        <p className="field-error" id={m.errorId}>
          {m.error}
        </p>
      )}
    </div>
  );
}

/** Group-level error (for fields rendered as a table or a list of checkboxes). */
export function GroupError({ name }: { name: string }) {
  const m = useFieldMeta(name);
  if (!m.error) return null;
  return (
    <p className="field-error" id={m.errorId}>
      {m.error}
    </p>
  );
}
