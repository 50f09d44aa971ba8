import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import "./i18n";
import "./letters.css";
import type { MailStatus, OutboxPage as OutboxData, OutboxMail } from "./types";

const PAGE_SIZE = 50;

/** Queued, sent and failed e-mail; without SMTP, what would have been sent (issue 6 item 4). */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [status, setStatus] = useState<MailStatus | "">("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<OutboxMail | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const data = useLoad(
    (signal) =>
      api.get<OutboxData>("/api/letters/outbox", { signal, query: { status, page, pageSize: PAGE_SIZE } }),
    [status, page],
  );
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, session.agency.timeZone);
  const mayResend = can("letters.outbox.resend");

  const show = async (id: string) => {
    setActionError(null);
    try {
      setOpen(await api.get<OutboxMail>(`/api/letters/outbox/${id}`));
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  const resend = async (id: string) => {
    setActionError(null);
    try {
      await api.post(`/api/letters/outbox/${id}/resend`, {});
      setMessage(t("letters.outbox.resent"));
      data.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  const deliverNow = async () => {
    setActionError(null);
    try {
      const r = await api.post<{ sent: number; retrying: number; failed: number; skipped?: string }>(
        "/api/letters/outbox/deliver",
        {},
      );
      setMessage(r.skipped ? t("letters.outbox.deliverSkipped") : t("letters.outbox.delivered", r));
      data.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const d = data.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / PAGE_SIZE)) : 1;
  return (
    <Page
      title={t("letters.outbox.title")}
      actions={
        mayResend && (
          <button type="button" className="btn" onClick={() => void deliverNow()}>
            {t("letters.outbox.deliverNow")}
          </button>
        )
      }
    >
      {d && (
        <p className={d.smtpConfigured ? "muted" : "notice"} role="note">
          {d.smtpConfigured ? t("letters.outbox.smtpOn", { max: d.maxAttempts }) : t("letters.outbox.noSmtp")}
        </p>
      )}
      <div className="filters letters-filters">
        <label>
          {t("letters.outbox.status")}{" "}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as MailStatus | "");
              setPage(1);
            }}
          >
            <option value="">{t("letters.outbox.all")}</option>
            {(["pending", "sent", "failed"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`letters.outbox.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <StatusMessage text={message} />
      <ErrorBox text={actionError ?? data.error} />
      {data.loading && !d && <Loading />}
      {d && (
        <>
          <p className="muted">{t("letters.outbox.total", { count: d.total })}</p>
          <div className="table-wrap" aria-busy={data.loading}>
            <table className="table letters-table">
              <caption className="sr-only">{t("letters.outbox.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("letters.outbox.created")}</th>
                  <th scope="col">{t("letters.outbox.purpose")}</th>
                  <th scope="col">{t("letters.outbox.to")}</th>
                  <th scope="col">{t("letters.outbox.subject")}</th>
                  <th scope="col">{t("letters.outbox.status")}</th>
                  <th scope="col">{t("letters.outbox.attempts")}</th>
                  <th scope="col">{t("letters.outbox.attachments")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.length === 0 && (
                  <tr>
                    <td colSpan={8}>{t("letters.outbox.empty")}</td>
                  </tr>
                )}
                {d.items.map((m) => (
                  <tr key={m.id}>
                    <td className="nowrap">{when(m.createdAt)}</td>
                    <td>
                      <code>{m.purpose}</code>
                    </td>
                    <td className="mono small">{m.to}</td>
                    <td>{m.subject}</td>
                    <td>
                      <span className={`badge badge-${m.status === "sent" ? "ok" : m.status}`}>
                        {t(`letters.outbox.statuses.${m.status}`)}
                      </span>
                      {m.lastError && (
                        <div className="small muted" title={t("letters.outbox.lastError")}>
                          {m.lastError}
                        </div>
                      )}
                    </td>
                    <td className="num">{m.attempts}</td>
                    <td className="small">{m.attachments.map((a) => a.filename).join(", ")}</td>
                    <td className="row-actions">
                      <button type="button" className="btn btn-small" onClick={() => void show(m.id)}>
                        {t("letters.outbox.open")}
                        <span className="sr-only"> {m.subject}</span>
                      </button>
                      {mayResend && (
                        <button type="button" className="btn btn-small" onClick={() => void resend(m.id)}>
                          {t("letters.outbox.resend")}
                          <span className="sr-only"> {m.subject}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t("letters.outbox.title")}>
              <button
                type="button"
                className="btn btn-small"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                {t("common.previous")}
              </button>
              <span>
                {page} / {pages}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t("common.next")}
              </button>
            </nav>
          )}
        </>
      )}
      {open && (
        <section className="mail-panel" aria-labelledby="mail-subject">
          <h2 id="mail-subject">{open.subject}</h2>
          <dl>
            <dt>{t("letters.outbox.from")}</dt>
            <dd>{open.from}</dd>
            <dt>{t("letters.outbox.to")}</dt>
            <dd>{open.to}</dd>
            <dt>{t("letters.outbox.status")}</dt>
            <dd>
              {t(`letters.outbox.statuses.${open.status}`)}
              {open.sentAt && ` · ${when(open.sentAt)}`}
            </dd>
            <dt>{t("letters.outbox.attachments")}</dt>
            <dd>
              {open.attachments.map((a) => `${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join(", ")}
            </dd>
          </dl>
          <h3>{t("letters.outbox.text")}</h3>
          <pre className="mail-text">{open.text}</pre>
          <button type="button" className="btn" onClick={() => setOpen(null)}>
            {t("letters.outbox.close")}
          </button>
        </section>
      )}
    </Page>
  );
}
