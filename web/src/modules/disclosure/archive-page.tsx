import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Form, TextAreaField, useErrorText } from "../../components/form";
import { formatCalendarDate, formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { PublishReleased, PublishUpload } from "./archive-publish";
import type { ArchiveEntry, ArchiveList } from "./archive-types";
import "./i18n";

/**
 * /disclosure/archive: the agency's public archive (J1). The opt-in, every entry with its state (a withdrawn
 * one with its reason), publishing a case's released file or an uploaded PDF, and withdrawing with a reason.
 * Each publication passes the PII guard on the server; a refusal lists the masked findings.
 */
export function ArchivePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const session = useReadySession();
  const errorText = useErrorText();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const list = useLoad((signal) => api.get<ArchiveList>("/api/archive", { signal }), [version]);
  const reload = () => setVersion((v) => v + 1);
  const enabled = list.data?.enabled ?? false;

  const toggle = async () => {
    setError(null);
    try {
      await api.put("/api/archive/settings", { enabled: !enabled });
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Page title={t("disclosure.archive.pageTitle")}>
      <p className="lead">{t("disclosure.archive.intro")}</p>
      {list.loading && !list.data && <Loading />}
      <ErrorBox text={error ?? list.error} />
      {list.data && (
        <>
          <section className="card" aria-labelledby="archive-setting-h" data-testid="archive-setting">
            <h2 id="archive-setting-h">{t("disclosure.archive.setting")}</h2>
            <p>{t(enabled ? "disclosure.archive.enabled" : "disclosure.archive.disabled")}</p>
            {enabled && (
              <p>
                <a href={`/portal/${session.agency.code}/archive`}>{t("disclosure.archive.portalLink")}</a>
              </p>
            )}
            {can("archive.settings") ? (
              <button type="button" className="btn" onClick={() => void toggle()}>
                {t(enabled ? "disclosure.archive.optOut" : "disclosure.archive.optIn")}
              </button>
            ) : (
              <p className="muted">{t("disclosure.archive.settingWho")}</p>
            )}
          </section>
          <h2>{t("disclosure.archive.entries")}</h2>
          <EntryTable items={list.data.items} onChange={reload} />
          {enabled && (
            <>
              <PublishReleased onDone={reload} />
              <PublishUpload limitBytes={list.data.limitBytes} onDone={reload} />
            </>
          )}
        </>
      )}
    </Page>
  );
}

function EntryTable({ items, onChange }: { items: ArchiveEntry[]; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  if (!items.length) return <p className="muted">{t("disclosure.archive.none")}</p>;
  const when = (iso: string) => formatDateTime(iso, i18n.language, session.agency.timeZone);
  return (
    <div className="table-wrap">
      <table className="table" data-testid="archive-entries">
        <caption className="sr-only">{t("disclosure.archive.entries")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("disclosure.archive.title_")}</th>
            <th scope="col">{t("disclosure.archive.documentDate")}</th>
            <th scope="col">{t("disclosure.archive.unit")}</th>
            <th scope="col">{t("disclosure.archive.state")}</th>
            <th scope="col">{t("disclosure.archive.publishedAt")}</th>
            <th scope="col">
              <span className="sr-only">{t("disclosure.archive.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>
                {e.title}
                {e.summary && <div className="muted">{e.summary}</div>}
              </td>
              <td>{formatCalendarDate(e.documentDate, i18n.language)}</td>
              <td>{e.unit ?? ""}</td>
              <td>
                {t(`disclosure.archive.status.${e.status}`)}
                {e.unpublishReason && (
                  <div className="muted">
                    {t("disclosure.archive.reasonShown", { reason: e.unpublishReason })}
                  </div>
                )}
              </td>
              <td>
                {when(e.publishedAt)}
                {e.publishedBy && <div className="muted">{e.publishedBy}</div>}
              </td>
              <td>
                {e.status === "published" && withdrawing !== e.id && (
                  <button type="button" className="btn btn-small" onClick={() => setWithdrawing(e.id)}>
                    {t("disclosure.archive.unpublish")}
                  </button>
                )}
                {withdrawing === e.id && (
                  <Form
                    label={t("disclosure.archive.unpublishOf", { title: e.title })}
                    submitLabel={t("disclosure.archive.unpublish")}
                    onCancel={() => setWithdrawing(null)}
                    onSubmit={async (v) => {
                      await api.post(`/api/archive/${e.id}/unpublish`, { reason: v.reason });
                      setWithdrawing(null);
                      onChange();
                    }}
                  >
                    <TextAreaField
                      name="reason"
                      label={t("disclosure.archive.reason")}
                      required
                      maxLength={2000}
                    />
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
