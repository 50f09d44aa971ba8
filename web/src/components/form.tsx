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
import { formFieldErrors } from "./api-errors";

export type FormValues = Record<string, string>;

/** One line of the error summary: a link to the field by its id, named by the field's label. */
export interface SummaryEntry {
  id: string;
  label: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The visible label of a control without the "(required)" mark. */
function labelOf(el: Control): string {
  const label = el.labels?.[0];
  if (!label) return el.getAttribute("aria-label") ?? el.name;
  const copy = label.cloneNode(true) as HTMLElement;
  for (const mark of Array.from(copy.querySelectorAll(".req"))) mark.remove();
  return (copy.textContent ?? "").trim();
}

/** Summary entries in the order the fields appear in the form. */
export function summaryOf(form: HTMLFormElement, errors: Record<string, string>): SummaryEntry[] {
  const seen = new Set<string>();
  const out: SummaryEntry[] = [];
  for (const el of Array.from(form.elements)) {
    const c = el as Control;
    if (!c.name || !(c.name in errors) || seen.has(c.name) || !c.id) continue;
    seen.add(c.name);
    out.push({ id: c.id, label: labelOf(c) });
  }
  return out;
}

/**
 * The error summary at the top of a form: what went wrong and one link per field, which puts the
 * keyboard on that field. The field's own message is shown once, beside the field (not repeated here).
 */
export function ErrorSummary({ message, entries }: { message: string | null; entries: SummaryEntry[] }) {
  return (
    <div
      className="form-alert error-summary"
      role="alert"
      aria-live="assertive"
      tabIndex={-1}
      hidden={!message}
    >
      {message && <p className="error-summary-title">{message}</p>}
      {entries.length > 0 && (
        <ul className="error-summary-list">
          {entries.map((e) => (
            <li key={e.id}>
              <a
                href={`#${e.id}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  const target = document.getElementById(e.id);
                  target?.scrollIntoView({ block: "center" });
                  target?.focus();
                }}
              >
                {e.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

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
  /** Server error paths (dotted) -> input names, where the form's names differ from the API body. */
  fieldAliases?: Readonly<Record<string, string>>;
  /**
   * Rules across fields that `required` cannot say ("one of these two"): input name -> message, checked
   * after the per-field rules and shown the same way.
   */
  validate?: (values: FormValues) => Record<string, string>;
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
  fieldAliases,
  validate,
}: FormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const idPrefix = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [summary, setSummary] = useState<SummaryEntry[]>([]);
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
      // A field may say what its emptiness means ("consent is needed to ..."), else a message by kind.
      const own = el.dataset.requiredMessage;
      if (el instanceof HTMLInputElement && el.type === "checkbox") {
        values[el.name] = el.checked ? "true" : "";
        if (el.required && !el.checked) clientErrors[el.name] = own || t("form.requiredCheck");
        continue;
      }
      const v = el.type === "password" ? el.value : el.value.trim();
      values[el.name] = v;
      if (el.required && v === "")
        clientErrors[el.name] =
          own || t(el instanceof HTMLSelectElement ? "form.requiredChoice" : "form.required");
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
    for (const [name, m] of Object.entries(validate?.(values) ?? {}))
      if (!(name in clientErrors)) clientErrors[name] = m;
    if (Object.keys(clientErrors).length) {
      setErrors(clientErrors);
      setSummary(summaryOf(form, clientErrors));
      setMessage(t("form.fixErrors", { count: Object.keys(clientErrors).length }));
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    setErrors({});
    setSummary([]);
    setMessage(null);
    try {
      await onSubmit(values, form);
      if (resetOnSuccess) form.reset();
    } catch (e) {
      const names = new Set(
        Array.from(form.elements, (el) => (el as Control).name).filter((n): n is string => !!n),
      );
      const known = formFieldErrors(e, names, fieldAliases);
      const n = Object.keys(known).length;
      setErrors(known);
      setSummary(summaryOf(form, known));
      // With field messages the summary names the fields; the server's general sentence would only
      // repeat them. Without any, its message is all there is to say.
      setMessage(n ? t("form.fixErrors", { count: n }) : errorText(e));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Ctx.Provider value={{ idPrefix, errors }}>
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
  /** What an empty required field means here (e.g. "consent is needed to file the request"). */
  requiredMessage?: string;
  /** Id of a text elsewhere on the page that explains this field (e.g. a consent notice). */
  describedBy?: string;
};

export function Field({
  name,
  label,
  hint,
  required,
  requiredMessage,
  describedBy: extra,
  ...rest
}: InputProps) {
  const { t } = useTranslation();
  const { id, error, errorId, hintId } = useFieldIds(name);
  const described = [extra, describedBy(hint, hintId, error, errorId)].filter(Boolean).join(" ") || undefined;
  if (rest.type === "checkbox")
    return (
      <div className={error ? "field field-invalid" : "field"}>
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
        <div className="check-row">
          <input
            id={id}
            name={name}
            required={required}
            aria-required={required || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            data-required-message={requiredMessage}
            {...rest}
          />
          <label htmlFor={id}>
            {label}
            {required ? <span className="req"> ({t("form.requiredMark")})</span> : null}
          </label>
        </div>
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    );
  return (
    <FieldShell {...{ id, label, required, hint, hintId, error, errorId }}>
      <input
        id={id}
        name={name}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        data-required-message={requiredMessage}
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
