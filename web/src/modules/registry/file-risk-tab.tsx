import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import {
  ControlledForm,
  type Errors,
  TextArea,
  TextInput,
  useFieldMeta,
} from "../../components/controlled-form";
import { DateStatus } from "../../components/date-status";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { UnconfirmedMark } from "../../components/unconfirmed-mark";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { CatalogueItem, RegistryFile, RiskAssessment } from "./types";
import { today, useCatalogues } from "./use-registry-data";

/** Mirrors the rule pack's suggested scale for a preview only; the server computes the stored level. */
function previewLevel(mean: number): "low" | "medium" | "high" {
  return mean < 2.5 ? "low" : mean < 3.5 ? "medium" : "high";
}

/** Risk assessment of one file with the factors of the agency's rule pack (TW [004 三十八]; KR: unconfirmed self-check items), scored 1..5. */
export function FileRiskTab({ file, onSaved }: { file: RegistryFile; onSaved(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const cat = useCatalogues();
  const factors = cat.list("riskFactors");
  const load = useLoad(
    (signal) => api.get<RiskAssessment[]>(`/api/registry/files/${file.id}/risk-assessments`, { signal }),
    [file.id],
  );
  const [scores, setScores] = useState<Record<string, string>>({});
  const [assessedOn, setAssessedOn] = useState(today());
  const [nextReviewOn, setNextReviewOn] = useState("");
  const [controls, setControls] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const values = factors.map((f) => Number(scores[f.code])).filter((n) => n >= 1 && n <= 5);
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  const factorName = (code: string) => factors.find((f) => f.code === code)?.name ?? code;
  const factorOrder = (code: string) => {
    const i = factors.findIndex((f) => f.code === code);
    return i < 0 ? factors.length : i;
  };

  return (
    <div>
      <StatusMessage text={status} />
      <ErrorBox text={load.error ?? cat.error} />
      {!load.data && <Loading />}
      {load.data && load.data.length === 0 && <p className="muted">{t("registry.risk.empty")}</p>}
      {load.data?.map((r, i) => (
        <section className="card" key={r.id} aria-label={`${t("registry.risk.assessedOn")} ${r.assessedOn}`}>
          <div className="card-head">
            <h2>
              {r.assessedOn} · {t("registry.risk.level")}:{" "}
              <span
                className={
                  r.level === "high"
                    ? "badge badge-failed"
                    : r.level === "medium"
                      ? "badge badge-warn"
                      : "badge badge-ok"
                }
              >
                {t(`registry.enum.riskLevel.${r.level}`)}
              </span>
            </h2>
            <span className="muted">
              {t("registry.risk.mean")} {r.mean.toFixed(2)}
              {r.nextReviewOn && (
                <>
                  {` · ${t("registry.risk.nextReviewOn")} `}
                  {/* Only the latest assessment's date is still to meet (newest first). */}
                  {i === 0 ? <DateStatus due={r.nextReviewOn} soonDays={60} /> : r.nextReviewOn}
                </>
              )}
            </span>
          </div>
          <table className="table">
            <tbody>
              {Object.entries(r.scores)
                .sort(([a], [b]) => factorOrder(a) - factorOrder(b))
                .map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">
                      {factorName(k)} <UnconfirmedMark entry={factors.find((f) => f.code === k)} />
                    </th>
                    <td className="num">{v}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {r.controls && <p>{r.controls}</p>}
        </section>
      ))}
      {can("registry.write") && (
        <section className="card" aria-labelledby="risk-new">
          <h2 id="risk-new">{t("registry.risk.new")}</h2>
          {factors.length === 0 ? (
            <p>{t("registry.risk.noFactors")}</p>
          ) : (
            <ControlledForm
              label={t("registry.risk.new")}
              submitLabel={t("registry.common.save")}
              validate={() => {
                const e: Errors = {};
                for (const f of factors) if (!scores[f.code]) e[`scores.${f.code}`] = t("form.required");
                if (!assessedOn) e.assessedOn = t("form.required");
                return e;
              }}
              onSubmit={async () => {
                await api.post(`/api/registry/files/${file.id}/risk-assessments`, {
                  scores: Object.fromEntries(factors.map((f) => [f.code, Number(scores[f.code])])),
                  assessedOn,
                  ...(nextReviewOn ? { nextReviewOn } : {}),
                  ...(controls.trim() ? { controls: controls.trim() } : {}),
                });
                setScores({});
                setControls("");
                setStatus(t("registry.common.saved"));
                load.reload();
                onSaved();
              }}
            >
              <p className="hint">
                {t("registry.risk.score")}. {t("registry.risk.scaleNote")}
              </p>
              {factors.map((f) => (
                <ScoreField
                  key={f.code}
                  name={`scores.${f.code}`}
                  label={f.name}
                  entry={f}
                  value={scores[f.code] ?? ""}
                  onChange={(v) => setScores((s) => ({ ...s, [f.code]: v }))}
                />
              ))}
              <p role="status" aria-live="polite" className={mean === null ? undefined : "notice"}>
                {mean !== null &&
                  t("registry.risk.preview", {
                    level: t(`registry.enum.riskLevel.${previewLevel(mean)}`),
                    mean: mean.toFixed(2),
                  })}
              </p>
              <div className="grid-2">
                <TextInput
                  name="assessedOn"
                  type="date"
                  required
                  label={t("registry.risk.assessedOn")}
                  value={assessedOn}
                  onChange={setAssessedOn}
                />
                <TextInput
                  name="nextReviewOn"
                  type="date"
                  label={t("registry.risk.nextReviewOn")}
                  value={nextReviewOn}
                  onChange={setNextReviewOn}
                />
              </div>
              <TextArea
                name="controls"
                label={t("registry.risk.controls")}
                value={controls}
                onChange={setControls}
              />
            </ControlledForm>
          )}
        </section>
      )}
    </div>
  );
}

/** One factor as a radio group 1..5 (keyboard: arrows move within the group). */
function ScoreField({
  name,
  label,
  entry,
  value,
  onChange,
}: {
  name: string;
  label: string;
  entry: CatalogueItem;
  value: string;
  onChange(v: string): void;
}) {
  const { t } = useTranslation();
  const scoreLabel = t("registry.risk.score");
  const m = useFieldMeta(name);
  return (
    <fieldset
      className={m.error ? "score-field field-invalid" : "score-field"}
      aria-describedby={m.error ? m.errorId : undefined}
    >
      <legend>
        {label} <UnconfirmedMark entry={entry} />
      </legend>
      <div className="check-row">
        {[1, 2, 3, 4, 5].map((n, i) => (
          <label key={n} className="inline-check" title={scoreLabel}>
            <input
              type="radio"
              name={name}
              value={String(n)}
              checked={value === String(n)}
              aria-invalid={m.error && i === 0 ? true : undefined}
              onChange={() => onChange(String(n))}
            />
            {n}
          </label>
        ))}
      </div>
      {m.error && (
        <p className="field-error" id={m.errorId}>
          {m.error}
        </p>
      )}
    </fieldset>
  );
}
