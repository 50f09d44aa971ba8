import { useTranslation } from "react-i18next";
import { typeLabel, whereText } from "./format";
import type { Decision, Finding } from "./types";

/**
 * The findings of a document with a decision per row. xlsx findings get sheet / row / column columns;
 * other formats one "where" column. Selecting a row highlights the value in the document view.
 */
export function FindingsTable({
  format,
  findings,
  selected,
  onSelect,
  onDecide,
  mayRemember,
  busy,
}: {
  format: string;
  findings: Finding[];
  selected: number | null;
  onSelect(index: number): void;
  onDecide(index: number, decision: Decision, remember?: boolean): void;
  mayRemember: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const sheet = format === "xlsx";
  return (
    <div className="table-wrap">
      <table className="table pii-findings">
        <caption className="sr-only">{t("pii.review.findings")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">
              {t("pii.review.type")} · {t("pii.review.value")}
            </th>
            {sheet ? (
              <>
                <th scope="col">{t("pii.review.colSheet")}</th>
                <th scope="col">{t("pii.review.colRow")}</th>
                <th scope="col">{t("pii.review.colColumn")}</th>
              </>
            ) : (
              <th scope="col">{t("pii.review.whereCol")}</th>
            )}
            <th scope="col">{t("pii.review.decision")}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr
              key={f.index}
              id={`finding-${f.index}`}
              className={`pii-row pii-${f.decision}${selected === f.index ? " pii-selected" : ""}`}
            >
              <td className="num">
                <button type="button" className="btn-link" onClick={() => onSelect(f.index)}>
                  {f.index + 1}
                </button>
              </td>
              <td>
                {typeLabel(t, f.type)}
                <div className="mono pii-preview">{f.preview}</div>
              </td>
              {sheet ? (
                <>
                  <td>{f.location.sheet ?? f.location.part ?? ""}</td>
                  <td className="num">{f.location.row ?? ""}</td>
                  <td className="num">{f.location.column ?? ""}</td>
                </>
              ) : (
                <td className="small">{whereText(t, f.location)}</td>
              )}
              <td>
                <span className={`pii-decision pii-decision-${f.decision}`}>
                  {t(`pii.review.${f.decision}`)}
                </span>
                <div className="pii-actions">
                  {f.decision !== "accepted" && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      onClick={() => onDecide(f.index, "accepted")}
                    >
                      {t("pii.review.accept")}
                    </button>
                  )}
                  {f.decision !== "rejected" && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      title={t("pii.review.rejectHint")}
                      onClick={() => onDecide(f.index, "rejected")}
                    >
                      {t("pii.review.reject")}
                    </button>
                  )}
                  {f.decision === "rejected" && mayRemember && f.rememberable && !f.falsePositive && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy}
                      title={t("pii.review.falsePositive")}
                      onClick={() => onDecide(f.index, "rejected", true)}
                    >
                      {t("pii.review.remember")}
                    </button>
                  )}
                  {f.falsePositive && <span className="small muted">{t("pii.review.remembered")}</span>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
