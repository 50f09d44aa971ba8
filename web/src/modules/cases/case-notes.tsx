import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Form, TextAreaField } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import "./i18n";
import type { CaseNote } from "./types";

/** Internal notes (encrypted at rest, never shown to the requester). */
export function CaseNotes({
  caseId,
  readBase = "/api/cases",
  timeZone,
  canWrite,
  onChanged,
}: {
  caseId: string;
  /** Where the panel reads from: a kind with its own read routes (petitions) passes its base. */
  readBase?: string;
  timeZone: string;
  canWrite: boolean;
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [msg, setMsg] = useState<string | null>(null);
  const load = useLoad(
    (signal) => api.get<{ notes: CaseNote[] }>(`${readBase}/${caseId}/notes`, { signal }),
    [caseId, readBase],
  );
  return (
    <section aria-labelledby="case-notes">
      <h2 id="case-notes">{t("cases.notes.title")}</h2>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data?.notes.length === 0 && <p className="muted">{t("cases.notes.none")}</p>}
      <ul className="notes">
        {load.data?.notes.map((n) => (
          <li key={n.id}>
            <div className="small muted">
              {formatDateTime(n.createdAt, i18n.language, timeZone)} · {n.authorLabel}
            </div>
            <p className="pre-wrap">{n.body}</p>
          </li>
        ))}
      </ul>
      {canWrite && (
        <Form
          label={t("cases.notes.add")}
          submitLabel={t("cases.notes.add")}
          resetOnSuccess
          onSubmit={async (v) => {
            await api.post(`/api/cases/${caseId}/notes`, { body: v.body });
            setMsg(t("common.saved"));
            load.reload();
            onChanged?.();
          }}
        >
          <TextAreaField name="body" label={t("cases.notes.body")} required maxLength={10000} rows={3} />
        </Form>
      )}
      <StatusMessage text={msg} />
    </section>
  );
}
