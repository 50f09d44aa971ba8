import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox } from "../../components/page";
import { useReadySession, useSession } from "../../session";
import type { Candidate, Candidates } from "./types";

/**
 * Earlier petitions of the same petitioner and petitions with similar text. The system only proposes;
 * with `caseId` the handler can mark a link (repeat / similar / duplicate).
 */
export function CandidatesPanel({
  data,
  caseId,
  onLinked,
}: {
  data: Candidates;
  caseId?: string;
  onLinked?: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const session = useReadySession();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const mark = async (other: string, kind: string) => {
    try {
      await api.post(`/api/petitions/${caseId}/links`, { otherCaseId: other, kind });
      onLinked?.(t("petitions.cand.linked"));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const list = (items: Candidate[], suggested: string) =>
    items.length === 0 ? (
      <p className="muted">{t("petitions.cand.none")}</p>
    ) : (
      <ul>
        {items.map((c) => (
          <li key={c.caseId}>
            <Link to={`/petitions/${c.caseId}`} className="mono">
              {c.number}
            </Link>{" "}
            · {t(`cases.state.${c.state}`)} ·{" "}
            {formatDateTime(c.receivedAt, i18n.language, session.agency.timeZone)}
            {c.score !== undefined && (
              <>
                {" "}
                · {t("petitions.cand.score", { score: c.score })}
                {c.band === "strong" && <strong> · {t("petitions.cand.strong")}</strong>}
              </>
            )}
            {caseId && can("petitions.process") && (
              <>
                {" "}
                <button type="button" className="btn btn-small" onClick={() => mark(c.caseId, suggested)}>
                  {t("petitions.cand.link")} {t(`petitions.link.${suggested}`)}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    );
  return (
    <section className="card" aria-labelledby="pt-cand">
      <h2 id="pt-cand">{t("petitions.cand.title")}</h2>
      <p className="muted">{t("petitions.cand.note")}</p>
      <ErrorBox text={error} />
      <h3>{t("petitions.cand.same")}</h3>
      {list(data.samePetitioner, "repeat")}
      <h3>{t("petitions.cand.similar")}</h3>
      {list(data.similar, "similar")}
    </section>
  );
}
