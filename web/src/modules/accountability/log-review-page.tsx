import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatCalendarDate, formatDateTime, formatNumber } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import "./i18n";

interface Finding {
  key: string;
  rule: string;
  severity: "high" | "medium" | "low";
  actorName: string | null;
  subjectRef: string | null;
  day: string | null;
  count: number;
  threshold: number;
  entryCount: number;
}
interface Disposition {
  key: string;
  kind: "explained" | "follow_up";
  explanation?: string;
  owner?: string;
  dueDate?: string;
}
interface Review {
  month: string;
  timeZone: string;
  entriesScanned: number;
  findings: Finding[];
  signOff: {
    signedAt: string;
    signedByName: string | null;
    note: string;
    dispositions: Disposition[];
  } | null;
}
interface EntryRows {
  items: Array<{
    seq: number;
    occurredAt: string;
    actorName: string | null;
    actionLabel: string;
    result: string;
  }>;
}

/** The previous month (the one due for review), as YYYY-MM. */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

function FindingEntries({ month, finding, timeZone }: { month: string; finding: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const rows = useLoad(
    (signal) =>
      api.get<EntryRows>(`/api/accountability/log-reviews/${month}/findings/${encodeURIComponent(finding)}`, {
        signal,
      }),
    [month, finding, i18n.language],
  );
  if (rows.loading) return <Loading />;
  if (rows.error) return <ErrorBox text={rows.error} />;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("logReview.entryTime")}</th>
          <th scope="col">{t("logReview.account")}</th>
          <th scope="col">{t("logReview.entryAction")}</th>
          <th scope="col">{t("logReview.entryResult")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.data?.items.map((e) => (
          <tr key={e.seq}>
            <td>{formatDateTime(e.occurredAt, i18n.language, timeZone)}</td>
            <td>{e.actorName ?? ""}</td>
            <td>{e.actionLabel}</td>
            <td>{t(`logReview.results.${e.result}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The monthly access-log review (E3, E11): findings, the entries behind them, the sign-off. */
export function LogReviewPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get("month") ?? "")
    ? (params.get("month") as string)
    : lastMonth();
  const [picked, setPicked] = useState(month);
  const [open, setOpen] = useState<string | null>(null);
  const [disp, setDisp] = useState<Record<string, Disposition>>({});
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const review = useLoad(
    (signal) => api.get<Review>(`/api/accountability/log-reviews/${month}`, { signal }),
    [month, i18n.language, reload],
  );
  const r = review.data;
  const timeZone = r?.timeZone ?? session.agency.timeZone;
  const setD = (key: string, patch: Partial<Disposition> | null) =>
    setDisp((d) => {
      const next = { ...d };
      if (patch === null) delete next[key];
      else next[key] = { ...(d[key] ?? { key, kind: "explained" }), ...patch };
      return next;
    });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/accountability/log-reviews/${month}/sign-off`, {
        note,
        dispositions: Object.values(disp),
      });
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const signed = r?.signOff;
  const dispOf = (key: string) => signed?.dispositions.find((d) => d.key === key) ?? disp[key];
  const canSign = can("accountability.logreview.signoff") && !signed;

  return (
    <Page title={t("logReview.title")}>
      <p className="hint">{t("logReview.intro")}</p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setOpen(null);
          setDisp({});
          setParams({ month: picked });
        }}
      >
        <label>
          {t("logReview.month")}{" "}
          <input type="month" value={picked} onChange={(e) => setPicked(e.target.value)} required />
        </label>
        <button type="submit" className="btn">
          {t("logReview.load")}
        </button>
      </form>
      {review.loading && <Loading />}
      {review.error && <ErrorBox text={review.error} />}
      {r && (
        <>
          <p className="hint">
            {t("logReview.scanned", {
              n: formatNumber(r.entriesScanned, i18n.language),
              timeZone: r.timeZone,
            })}
          </p>
          {r.findings.length === 0 ? (
            <p>{t("logReview.none")}</p>
          ) : (
            <table className="data-table" data-testid="log-review-findings">
              <thead>
                <tr>
                  <th scope="col">{t("logReview.severity")}</th>
                  <th scope="col">{t("logReview.rule")}</th>
                  <th scope="col">{t("logReview.account")}</th>
                  <th scope="col">{t("logReview.day")}</th>
                  <th scope="col">{t("logReview.entries")}</th>
                  <th scope="col">{t("logReview.disposition")}</th>
                </tr>
              </thead>
              <tbody>
                {r.findings.map((f) => {
                  const d = dispOf(f.key);
                  return (
                    <tr key={f.key}>
                      <td>{t(`logReview.sev.${f.severity}`)}</td>
                      <td>{t(`logReview.rules.${f.rule}`, { count: f.count, threshold: f.threshold })}</td>
                      <td>
                        {f.actorName ?? (f.subjectRef ? t("logReview.subject", { ref: f.subjectRef }) : "")}
                      </td>
                      <td>{f.day ? formatCalendarDate(f.day, i18n.language) : ""}</td>
                      <td>
                        <button
                          type="button"
                          className="btn"
                          onClick={() => setOpen(open === f.key ? null : f.key)}
                        >
                          {open === f.key ? t("logReview.hideEntries") : t("logReview.showEntries")} (
                          {formatNumber(f.entryCount, i18n.language)})
                        </button>
                        {open === f.key && (
                          <FindingEntries month={month} finding={f.key} timeZone={timeZone} />
                        )}
                      </td>
                      <td>
                        {canSign ? (
                          <fieldset>
                            <legend className="visually-hidden">{t("logReview.disposition")}</legend>
                            <select
                              aria-label={t("logReview.disposition")}
                              value={d?.kind ?? ""}
                              onChange={(e) =>
                                setD(
                                  f.key,
                                  e.target.value ? { kind: e.target.value as Disposition["kind"] } : null,
                                )
                              }
                            >
                              <option value="">{t("logReview.dispNone")}</option>
                              <option value="explained">{t("logReview.dispExplained")}</option>
                              <option value="follow_up">{t("logReview.dispFollowUp")}</option>
                            </select>
                            {d?.kind === "explained" && (
                              <input
                                aria-label={t("logReview.explanation")}
                                placeholder={t("logReview.explanation")}
                                value={d.explanation ?? ""}
                                onChange={(e) => setD(f.key, { explanation: e.target.value })}
                              />
                            )}
                            {d?.kind === "follow_up" && (
                              <>
                                <input
                                  aria-label={t("logReview.owner")}
                                  placeholder={t("logReview.owner")}
                                  value={d.owner ?? ""}
                                  onChange={(e) => setD(f.key, { owner: e.target.value })}
                                />
                                <input
                                  type="date"
                                  aria-label={t("logReview.dueDate")}
                                  value={d.dueDate ?? ""}
                                  onChange={(e) => setD(f.key, { dueDate: e.target.value })}
                                />
                              </>
                            )}
                          </fieldset>
                        ) : d ? (
                          <>
                            {d.kind === "explained"
                              ? t("logReview.dispExplained")
                              : t("logReview.dispFollowUp")}
                            {d.explanation ? `: ${d.explanation}` : ""}
                            {d.owner ? `: ${d.owner}` : ""}
                            {d.dueDate ? ` (${formatCalendarDate(d.dueDate, i18n.language)})` : ""}
                          </>
                        ) : (
                          t("logReview.dispNone")
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {signed && (
            <div role="status">
              <p>
                {t("logReview.signedBy", {
                  name: signed.signedByName ?? "",
                  at: formatDateTime(signed.signedAt, i18n.language, timeZone),
                })}
              </p>
              {signed.note && <p>{signed.note}</p>}
            </div>
          )}
          {canSign && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <p className="hint">{t("logReview.highOpenHint")}</p>
              <label>
                {t("logReview.note")}
                <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={4000} />
              </label>
              <ErrorBox text={error} />
              <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
                {busy ? t("logReview.signing") : t("logReview.signOff")}
              </button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
