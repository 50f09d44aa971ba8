import "./i18n";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isOfficialCode } from "./codes";
import { useFieldMeta } from "./controlled-form";
import { UnconfirmedMark } from "./unconfirmed-mark";

export interface CodeOption {
  code: string;
  name: string;
  group?: string;
  article?: string;
  verify?: boolean;
  /** False while the entry is not confirmed against the official list (marked on screen). */
  confirmed?: boolean;
}

/**
 * Multi-select from a coded catalogue (TW specific purposes, data categories, KR legal bases):
 * a filter box and a scrolling list of native checkboxes, so it works with a keyboard and a screen
 * reader without a custom widget. Chosen codes are listed under the legend.
 */
export function CodePicker({
  name,
  label,
  hint,
  options,
  value,
  onChange,
  required,
  showCodes = true,
}: {
  /** Hide the codes when they mean nothing to people (record ids); pack-internal keys are never shown. */
  showCodes?: boolean;
  name: string;
  label: string;
  hint?: string;
  options: CodeOption[];
  value: string[];
  onChange(v: string[]): void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const m = useFieldMeta(name);
  const showCode = (c: string) => showCodes && isOfficialCode(c);
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = options.filter((o) => {
    if (!words.length) return true;
    const hay = `${o.code} ${o.name} ${o.group ?? ""} ${o.article ?? ""}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const chosen = new Set(value);
  // A citation shared by every entry (the whole official list) says nothing per line.
  const articlesVary = new Set(options.map((o) => o.article ?? "")).size > 1;
  const unknown = value.filter((c) => !options.some((o) => o.code === c));
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  return (
    <fieldset
      className={m.error ? "code-picker field-invalid" : "code-picker"}
      aria-describedby={
        [hint ? m.hintId : null, m.error ? m.errorId : null].filter(Boolean).join(" ") || undefined
      }
    >
      <legend>
        {label}
        {required ? <span className="req"> ({t("form.requiredMark")})</span> : null}{" "}
        <span className="badge">{t("components.codePicker.selected", { count: value.length })}</span>
      </legend>
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
      {value.length > 0 && (
        <ul
          className="code-chip-list"
          aria-label={t("components.codePicker.selected", { count: value.length })}
        >
          {value.map((c) => {
            const o = options.find((x) => x.code === c);
            return (
              <li key={c}>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => toggle(c, false)}
                  aria-label={`${t("components.codePicker.remove")} ${showCode(c) ? c : ""} ${o?.name ?? ""}`}
                >
                  {showCode(c) || !o ? `${c} ` : ""}
                  {o?.name ?? ""} <UnconfirmedMark entry={o} /> ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="field">
        <label htmlFor={filterId} className="small">
          {t("components.codePicker.filterCodes")}
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          aria-invalid={m.error ? true : undefined}
          aria-controls={`${m.id}-list`}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <ul className="code-picker-list" id={`${m.id}-list`}>
        {shown.map((o) => (
          <li key={o.code}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={o.code}
                checked={chosen.has(o.code)}
                onChange={(e) => toggle(o.code, e.target.checked)}
              />
              <span>
                {showCode(o.code) && <span className="mono">{o.code} </span>}
                {o.name}
                {!showCodes && o.group && <span className="muted small"> · {o.group}</span>}
                {articlesVary && o.article && <span className="muted small"> · {o.article}</span>}
                <UnconfirmedMark entry={o} />
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">{t("common.noResults")}</li>}
      </ul>
      {unknown.length > 0 && <p className="hint">{unknown.join(", ")}</p>}
    </fieldset>
  );
}
