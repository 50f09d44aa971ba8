import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Box, type EditorArea, type EditorProposal, fieldsToBox, type PageInfo } from "./editor-model";
import type { Ground } from "./types";

/** How a ground reads in a list: short citation, article, name (the short label is what the file prints). */
export const groundText = (g: Ground) => [g.short, g.article, g.name].filter(Boolean).join(" · ");

/** A ground picker over the agency's rule pack; empty means "not chosen yet". */
export function GroundSelect({
  grounds,
  value,
  onChange,
  label,
  disabled,
  invalid,
}: {
  grounds: Ground[];
  value: string;
  onChange(code: string): void;
  label: string;
  disabled?: boolean;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t("redaction.chooseGround")}</option>
      {grounds.map((g) => (
        <option key={g.code} value={g.code}>
          {groundText(g)}
        </option>
      ))}
    </select>
  );
}

/** The engine's proposals: decide each (black out / leave) and give each blacked-out one its ground. */
export function ProposalsTable({
  proposals,
  grounds,
  selected,
  readOnly,
  onSelect,
  onChange,
}: {
  proposals: EditorProposal[];
  grounds: Ground[];
  selected: string | null;
  readOnly: boolean;
  onSelect(key: string): void;
  onChange(id: number, patch: Partial<EditorProposal>): void;
}) {
  const { t } = useTranslation();
  if (!proposals.length) return <p className="muted">{t("redaction.noProposals")}</p>;
  return (
    <table className="pii-findings">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t("redaction.type")}</th>
          <th scope="col">{t("redaction.preview")}</th>
          <th scope="col">{t("redaction.decision")}</th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p) => {
          const name = `rd-decision-${p.id}`;
          const missing = p.decision === "accepted" && !p.ground;
          return (
            <tr
              key={p.id}
              className={`pii-row pii-${p.decision}${selected === `p${p.id}` ? " rd-row-selected" : ""}`}
            >
              <td>
                <button type="button" className="btn-link" onClick={() => onSelect(`p${p.id}`)}>
                  {p.id + 1}
                </button>
              </td>
              <td>
                {t(`pii.types.${p.type}`, { defaultValue: p.type })}
                {p.location.page ? (
                  <div className="small muted">{t("redaction.page", { n: p.location.page })}</div>
                ) : null}
              </td>
              <td className="pii-preview">{p.preview}</td>
              <td>
                <fieldset className="pii-actions" disabled={readOnly}>
                  <legend className="sr-only">{t("redaction.decision")}</legend>
                  {(["accepted", "rejected"] as const).map((d) => (
                    <label key={d}>
                      <input
                        type="radio"
                        name={name}
                        checked={p.decision === d}
                        onChange={() => onChange(p.id, { decision: d })}
                      />{" "}
                      {t(d === "accepted" ? "redaction.accept" : "redaction.reject")}
                    </label>
                  ))}
                </fieldset>
                {p.decision === "pending" && (
                  <div className="small pii-decision-pending">{t("redaction.pending")}</div>
                )}
                {p.decision === "accepted" && (
                  <GroundSelect
                    grounds={grounds}
                    value={p.ground ?? ""}
                    label={`${t("redaction.ground")} #${p.id + 1}`}
                    disabled={readOnly}
                    invalid={missing}
                    onChange={(g) => onChange(p.id, { ground: g || null })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The staff's own areas, each with its ground, removable while the redaction is a draft. */
export function AreasList({
  areas,
  grounds,
  selected,
  readOnly,
  onSelect,
  onGround,
  onRemove,
}: {
  areas: EditorArea[];
  grounds: Ground[];
  selected: string | null;
  readOnly: boolean;
  onSelect(key: string): void;
  onGround(key: string, ground: string): void;
  onRemove(key: string): void;
}) {
  const { t } = useTranslation();
  if (!areas.length) return <p className="muted">{t("redaction.noAreas")}</p>;
  return (
    <ol className="pii-plain">
      {areas.map((a, i) => (
        <li key={a.key} className={selected === a.key ? "rd-row-selected" : undefined}>
          <button type="button" className="btn-link" onClick={() => onSelect(a.key)}>
            {t("redaction.area", { n: i + 1 })}
          </button>{" "}
          <span className="small muted">
            {a.kind === "box"
              ? `${t("redaction.page", { n: a.page })} · ${a.box.map((v) => Math.round(v)).join(", ")}`
              : t("redaction.textRange", { start: a.start, end: a.end })}
          </span>{" "}
          <GroundSelect
            grounds={grounds}
            value={a.ground}
            label={`${t("redaction.ground")} — ${t("redaction.area", { n: i + 1 })}`}
            disabled={readOnly}
            invalid={!a.ground}
            onChange={(g) => onGround(a.key, g)}
          />{" "}
          {!readOnly && (
            <button type="button" className="btn btn-small" onClick={() => onRemove(a.key)}>
              {t("redaction.remove")}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Keyboard way to add an area: page, x, y, width, height in points, and its ground. */
export function AreaForm({
  pages,
  grounds,
  onAdd,
}: {
  pages: PageInfo[];
  grounds: Ground[];
  onAdd(page: number, box: Box, ground: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [ground, setGround] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const n = (k: string) => {
      const v = String(f.get(k) ?? "").trim();
      return v === "" ? Number.NaN : Number(v);
    };
    const page = pages.find((p) => p.page === n("page")) ?? pages[0];
    const r = fieldsToBox(page, { x: n("x"), y: n("y"), w: n("w"), h: n("h") });
    if ("problem" in r) {
      setError(t(`redaction.fields.${r.problem}`, { w: Math.round(page.width), h: Math.round(page.height) }));
      return;
    }
    setError(null);
    onAdd(page.page, r.box, ground);
  };
  return (
    <details className="pii-boxform">
      <summary>{t("redaction.addArea")}</summary>
      <form className="inline-form rd-fields" onSubmit={submit} noValidate aria-describedby={`${id}-err`}>
        <label>
          {t("redaction.pageField")}
          <input name="page" type="number" min={1} max={pages.length} defaultValue={1} />
        </label>
        {(["x", "y", "w", "h"] as const).map((k) => (
          <label key={k}>
            {t(`redaction.${k}`)}
            <input name={k} type="number" step="0.1" min={0} />
          </label>
        ))}
        <GroundSelect grounds={grounds} value={ground} label={t("redaction.ground")} onChange={setGround} />
        <button type="submit" className="btn btn-small">
          {t("redaction.add")}
        </button>
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      </form>
    </details>
  );
}
