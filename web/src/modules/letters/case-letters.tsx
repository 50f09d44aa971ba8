import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import "./i18n";
import type { LetterMeta } from "./types";

/**
 * The letters stored with one case, with download and print links; for the case screens of requests,
 * petitions and disclosure to embed. `reloadKey` refreshes the list after a step produced a letter.
 */
export function CaseLetters({ caseId, reloadKey }: { caseId: string; reloadKey?: unknown }) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const data = useLoad(
    (signal) => api.get<{ items: LetterMeta[] }>(`/api/letters/case/${caseId}`, { signal }),
    [caseId, reloadKey],
  );
  return (
    <section aria-labelledby={`letters-${caseId}`}>
      <h2 id={`letters-${caseId}`}>{t("letters.caseLetters.title")}</h2>
      <ErrorBox text={data.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && data.data.items.length === 0 && <p className="muted">{t("letters.caseLetters.none")}</p>}
      {data.data && data.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("letters.caseLetters.number")}</th>
              <th scope="col">{t("letters.caseLetters.kind")}</th>
              <th scope="col">{t("letters.caseLetters.created")}</th>
              <th scope="col">
                <span className="sr-only">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.data.items.map((l) => (
              <tr key={l.id}>
                <td className="mono">{l.number}</td>
                <td>
                  {t(`letters.kinds.${l.kind}`, l.kind)} <span className="muted">({l.locale})</span>
                </td>
                <td className="nowrap">
                  {formatDateTime(l.createdAt, i18n.language, session.agency.timeZone)}
                </td>
                <td className="row-actions">
                  <a className="btn btn-small" href={`/api/letters/${l.id}/pdf`} download>
                    {t("letters.caseLetters.download")}
                    <span className="sr-only"> {l.number}</span>
                  </a>
                  <a
                    className="btn btn-small"
                    href={`/api/letters/${l.id}/pdf?print=1`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t("letters.caseLetters.print")}
                    <span className="sr-only"> {l.number}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
