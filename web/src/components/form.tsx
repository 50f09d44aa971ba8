import {
  createContext,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";

export type FormValues = Record<string, string>;

interface FormCtx {
  idPrefix: string;
  errors: Record<string, string>;
}
const Ctx = createContext<FormCtx>({ idPrefix: "f", errors: {} });

/** Turns any thrown error into the one-line message shown in the form's alert region. */
export function useErrorText(): (e: unknown) => string {
  const { t } = useTranslation();
  return (e: unknown) => {
    if (e instanceof ApiError) {
      if (e.code === "network") return t("errors.network");
      const base = e.message || t("errors.generic");
      return e.requestId && e.status >= 500 ? `${base} (${t("errors.requestId")}: ${e.requestId})` : base;
    }
    return t("errors.generic");
  };
}

export interface FormState {
  errors: Record<string, string>;
  message: string | null;
  busy: boolean;
  setMessage(m: string | null): void;
}

interface FormProps {
  /** Receives trimmed field values; throw ApiError to show server field errors next to fields. */
  onSubmit(values: FormValues, form: HTMLFormElement): Promise<void> | void;
  children: ReactNode;
  submitLabel: string;
  className?: string;
  /** Accessible name of the form (usually the heading's text). */
  label?: string;
  onCancel?: () => void;
  /** Resets the inputs after a successful submit. */
  resetOnSuccess?: boolean;
  extraActions?: ReactNode;
}

/**
 * A keyboard-accessible form: native validation is replaced with our own so messages are in the
 * chosen language, announced through an aria-live region, shown beside their field, and focus
 * moves to the first invalid field.
 */
export function Form({
  onSubmit,
  children,
  submitLabel,
  className,
  label,
  onCancel,
  resetOnSuccess,
  extraActions,
}: FormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const idPrefix = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // After each failed attempt, put the keyboard on the first field that needs attention.
  useEffect(() => {
    if (attempt === 0 || !ref.current) return;
    const bad = ref.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (bad) bad.focus();
    else ref.current.querySelector<HTMLElement>(".form-alert")?.focus();
  }, [attempt]);

  const handle = async (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const form = ev.currentTarget;
    const values: FormValues = {};
    const clientErrors: Record<string, string> = {};
    for (const el of Array.from(form.elements)) {
      if (
        !(
          el instanceof HTMLInputElement ||
          el instanceof HTMLSelectElement ||
          el instanceof HTMLTextAreaElement
        )
      )
        continue;
      if (!el.name || el.disabled) continue;
      if (el instanceof HTMLInputElement && el.type === "checkbox") {
        values[el.name] = el.checked ? "true" : "";
        if (el.required && !el.checked) clientErrors[el.name] = t("form.required");
        continue;
      }
      const v = el.type === "password" ? el.value : el.value.trim();
      values[el.name] = v;
      if (el.required && v === "")
        clientErrors[el.name] = t(el instanceof HTMLSelectElement ? "form.requiredChoice" : "form.required");
      else if (el instanceof HTMLInputElement && el.type === "email" && v && !el.validity.valid)
        clientErrors[el.name] = t("form.invalidEmail");
      else if (
        el instanceof HTMLInputElement &&
        el.pattern &&
        v &&
        !new RegExp(`^(?:${el.pattern})$`).test(v)
      )
        clientErrors[el.name] = el.title || t("form.invalidFormat");
      else if (!(el instanceof HTMLSelectElement) && el.maxLength > 0 && v.length > el.maxLength)
        clientErrors[el.name] = t("form.tooLong");
    }
    if (Object.keys(clientErrors).length) {
      setErrors(clientErrors);
      setMessage(t("form.fixErrors", { count: Object.keys(clientErrors).length }));
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await onSubmit(values, form);
      if (resetOnSuccess) form.reset();
    } catch (e) {
      const fe = e instanceof ApiError ? e.fieldErrors() : {};
      const known = Object.fromEntries(
        Object.entries(fe).filter(([k]) => form.querySelector(`[name="${CSS.escape(k)}"]`)),
      );
      setErrors(known);
      setMessage(
        Object.keys(known).length
          ? `${errorText(e)} ${t("form.fixErrors", { count: Object.keys(known).length })}`
          : errorText(e),
      );
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Ctx.Provider value={{ idPrefix, errors }}>
      <form ref={ref} className={className ?? "form"} noValidate onSubmit={handle} aria-label={label}>
        <div className="form-alert" role="alert" aria-live="assertive" tabIndex={-1} hidden={!message}>
          {message}
        </div>
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
    </Ctx.Provider>
  );
}

function useFieldIds(name: string) {
  const { idPrefix, errors } = useContext(Ctx);
  const id = `${idPrefix}-${name}`;
  const error = errors[name];
  return { id, error, errorId: `${id}-error`, hintId: `${id}-hint` };
}

interface FieldShellProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  hintId: string;
  error?: string;
  errorId: string;
  children: ReactNode;
}

function FieldShell({ id, label, required, hint, hintId, error, errorId, children }: FieldShellProps) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req"> ({t("form.requiredMark")})</span> : null}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(hint: string | undefined, hintId: string, error: string | undefined, errorId: string) {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  name: string;
  label: string;
  hint?: string;
};

export function Field({ name, label, hint, required, ...rest }: InputProps) {
  const { id, error, errorId, hintId } = useFieldIds(name);
  return (
    <FieldShell {...{ id, label, required, hint, hintId, error, errorId }}>
      <input
        id={id}
        name={name}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, hintId, error, errorId)}
        {...rest}
      />
    </FieldShell>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
  name: string;
  label: string;
  hint?: string;
  options: Array<{ value: string; label: string }>;
  /** Adds an empty first option with this text. */
  emptyLabel?: string;
};

export function SelectField({ name, label, hint, required, options, emptyLabel, ...rest }: SelectProps) {
  const { id, error, errorId, hintId } = useFieldIds(name);
  return (
    <FieldShell {...{ id, label, required, hint, hintId, error, errorId }}>
      <select
        id={id}
        name={name}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, hintId, error, errorId)}
        {...rest}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & {
  name: string;
  label: string;
  hint?: string;
};

export function TextAreaField({ name, label, hint, required, ...rest }: TextareaProps) {
  const { id, error, errorId, hintId } = useFieldIds(name);
  return (
    <FieldShell {...{ id, label, required, hint, hintId, error, errorId }}>
      <textarea
        id={id}
        name={name}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, hintId, error, errorId)}
        {...rest}
      />
    </FieldShell>
  );
}

/** Empty strings become null so optional fields can be cleared on PATCH. */
export function nullIfEmpty(values: FormValues, keys: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const k of keys) if (k in values) out[k] = values[k] === "" ? null : values[k];
  return out;
}

/** Drops empty strings entirely (for POST bodies with optional fields). */
export function withoutEmpty(values: FormValues, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (values[k]) out[k] = values[k];
  return out;
}
