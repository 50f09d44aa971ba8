import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { useSession } from "../../session";
import "./i18n";
import type { RequestDetail } from "./types";

/**
 * Follow-up work of the request: recipients to notify after a correction or deletion (C14, C17), the
 * destruction handover (C16), the viewing appointment (C12); and accuracy disputes, which suspend the
 * processing of the disputed data until resolved (C15).
 */
export function TasksDisputesPanel({ r, onDone }: { r: RequestDetail; onDone: (m?: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const tz = r.case.timeZone;
  return (
    <>
      <section aria-labelledby="req-tasks">
        <h2 id="req-tasks">{t("requests.tasks.title")}</h2>
        {r.tasks.length === 0 && <p className="muted">{t("requests.tasks.none")}</p>}
        <ul className="link-list" data-testid="request-tasks">
          {r.tasks.map((k) => (
            <li key={k.id} className="card">
              <strong>{t(`requests.tasks.kind.${k.kind}`, k.kind)}</strong>: {k.title}{" "}
              <span className={k.status === "done" ? "badge badge-ok" : "badge"}>
                {t(`requests.tasks.status.${k.status}`, k.status)}
              </span>
              {k.dueAt && <span className="muted"> · {formatDateTime(k.dueAt, i18n.language, tz)}</span>}
              {k.doneNote && <div className="small muted">{k.doneNote}</div>}
              {k.status !== "done" && can("requests.process") && (
                <Form
                  className="inline-form"
                  label={`${t("requests.tasks.markDone")}: ${k.title}`}
                  submitLabel={t("requests.tasks.markDone")}
                  onSubmit={async (v) => {
                    await api.post(`/api/requests/tasks/${k.id}/done`, { note: v.note || undefined });
                    onDone(t("common.saved"));
                  }}
                >
                  <Field name="note" label={t("requests.tasks.note")} maxLength={1000} />
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="req-disputes">
        <h2 id="req-disputes">{t("requests.disputes.title")}</h2>
        {r.disputes.length === 0 && <p className="muted">{t("requests.disputes.none")}</p>}
        <ul className="link-list">
          {r.disputes.map((d) => (
            <li key={d.id} className="card">
              <strong>{d.fileLabel}</strong>{" "}
              <span className={d.status === "open" ? "badge badge-denied" : "badge badge-ok"}>
                {t(`requests.disputes.status.${d.status}`, d.status)}
              </span>
              {d.processingSuspended && (
                <span className="badge badge-failed">{t("requests.disputes.suspended")}</span>
              )}
              <p className="pre-wrap">{d.description}</p>
              {d.resolution && (
                <p>
                  {t(`requests.disputes.outcome.${d.outcome}`, d.outcome ?? "")}: {d.resolution}
                </p>
              )}
              {d.status === "open" && can("requests.decide") && (
                <Form
                  label={`${t("requests.disputes.resolve")}: ${d.fileLabel}`}
                  submitLabel={t("requests.disputes.resolve")}
                  onSubmit={async (v) => {
                    await api.post(`/api/requests/disputes/${d.id}/resolve`, {
                      resolution: v.resolution,
                      outcome: v.outcome,
                    });
                    onDone(t("common.saved"));
                  }}
                >
                  <SelectField
                    name="outcome"
                    label={t("requests.disputes.outcomeLabel")}
                    required
                    options={["corrected", "confirmed", "withdrawn"].map((o) => ({
                      value: o,
                      label: t(`requests.disputes.outcome.${o}`),
                    }))}
                  />
                  <TextAreaField
                    name="resolution"
                    label={t("requests.disputes.resolution")}
                    required
                    maxLength={4000}
                    rows={2}
                  />
                </Form>
              )}
            </li>
          ))}
        </ul>
        {can("requests.process") && (
          <Form
            label={t("requests.disputes.open")}
            submitLabel={t("requests.disputes.open")}
            resetOnSuccess
            onSubmit={async (v) => {
              const item = r.items.find((i) => i.fileLabel === v.fileLabel);
              await api.post(`/api/requests/${r.case.id}/disputes`, {
                fileId: item?.fileId ?? undefined,
                fileLabel: v.fileLabel,
                description: v.description,
              });
              onDone(t("common.saved"));
            }}
          >
            <Field
              name="fileLabel"
              label={t("requests.items.file")}
              required
              maxLength={300}
              list="req-dispute-files"
            />
            <datalist id="req-dispute-files">
              {r.items.map((i) => (
                <option key={i.id} value={i.fileLabel ?? ""} />
              ))}
            </datalist>
            <TextAreaField
              name="description"
              label={t("requests.disputes.description")}
              required
              maxLength={4000}
              rows={2}
            />
          </Form>
        )}
      </section>
    </>
  );
}
