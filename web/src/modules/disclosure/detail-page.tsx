import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { api } from "../../api";
import { Form } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { Tabs } from "../../components/tabs";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { CaseAssignment } from "../cases/case-assignment";
import { CaseAttachments } from "../cases/case-attachments";
import { CaseNotes } from "../cases/case-notes";
import { CaseTimeline } from "../cases/case-timeline";
import { CaseTransitions } from "../cases/case-transitions";
import { CaseClock } from "../cases/due-badge";
import "../cases/i18n";
import { CaseLetters } from "../letters/case-letters";
import "./i18n";
import { DecisionPanel, ReleasedFilesPanel, RemediesPanel, ThirdPartiesPanel } from "./panels";
import type { AttachmentView, DisclosureDetail } from "./types";
import { useDisclosureCatalogue } from "./use-catalogue";

const TABS = ["overview", "third", "decision", "files", "letters", "timeline", "notes"] as const;
/** The requester's own papers are never released back (as for rights requests). */
const NOT_RELEASABLE = new Set(["identity_document", "power_of_attorney"]);
/** The redaction editor (web/src/modules/redaction, /cases/:caseId/redact/:attachmentId) is in place. */
const REDACTION_EDITOR = true;

/** /disclosure/:id: the request, clock, third parties, decision, remedies, files, letters and timeline. */
export function DisclosureDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [tick, setTick] = useState(0);
  const [msg, setMsg] = useState<string | null>(null);
  const cat = useDisclosureCatalogue();
  const load = useLoad((signal) => api.get<DisclosureDetail>(`/api/disclosure/${id}`, { signal }), [id]);
  const files = useLoad(
    (signal) => api.get<{ attachments: AttachmentView[] }>(`/api/cases/${id}/attachments`, { signal }),
    [id, tick],
  );
  const tab = (TABS as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as string)
    : "overview";
  const changed = (text?: string) => {
    load.reload();
    setTick((n) => n + 1);
    if (text) setMsg(text);
  };
  const d = load.data;
  if (!d || !cat.data)
    return load.error || cat.error ? <ErrorBox text={load.error ?? cat.error} /> : <Loading />;
  const c = d.case;
  const attachments = (files.data?.attachments ?? []).filter((a) => !NOT_RELEASABLE.has(a.kind));
  const f = (k: string) => t(`disclosure.form.${k}`);
  const r = d.requester;
  const rows: Array<[string, string | null | undefined]> = [
    [f("name"), r.name],
    [f("idNumber"), r.idNumber],
    [f("birthDate"), r.birthDate],
    [f("businessNumber"), r.businessNumber],
    [f("address"), r.address],
    [f("phone"), r.phone],
    [f("email"), r.email],
    [f("repName"), d.representative?.name],
    [f("purpose"), d.purpose],
    [f("itemCount"), d.itemCount ? t("disclosure.detail.items", { count: d.itemCount }) : null],
    [
      f("methods"),
      [...d.methods.map((m) => t(`disclosure.method.${m}`)), d.methodOther].filter(Boolean).join(", "),
    ],
    [f("receiptWay"), t(`disclosure.receipt.${d.receipt}`)],
    [
      f("feeWaiver"),
      d.feeWaiverRequested
        ? [t("disclosure.detail.feeWaiverYes"), d.feeWaiverReason].filter(Boolean).join(" — ")
        : t("disclosure.detail.feeWaiverNo"),
    ],
  ];
  return (
    <Page title={`${c.number} · ${t(`disclosure.outcome.${d.outcome ?? "none"}`)}`}>
      <ErrorBox text={load.error} />
      <StatusMessage text={msg} />
      <p className="muted">
        {t(`disclosure.channel.${c.channel}`)} · {formatDateTime(c.receivedAt, i18n.language, c.timeZone)} ·{" "}
        <strong>{t(`cases.state.${c.state}`)}</strong>
      </p>
      <CaseAssignment
        caseId={c.id}
        number={c.number}
        version={c.version}
        reloadKey={tick}
        onChanged={changed}
      />
      <div className="split">
        <CaseClock c={c} />
        <CaseTransitions c={c} onChanged={changed} />
      </div>
      <Tabs
        label={t("disclosure.detail.tabs")}
        tabs={TABS.map((x) => ({ id: x, label: t(`disclosure.detail.tab.${x}`) }))}
        selected={tab}
        onSelect={(x) => setParams({ tab: x }, { replace: true })}
      >
        {tab === "overview" && (
          <section className="card" aria-labelledby="ds-request">
            <h2 id="ds-request">{t("disclosure.detail.request")}</h2>
            <dl className="dl">
              {rows
                .filter(([, v]) => v)
                .map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
            </dl>
            <p className="prewrap">{d.content}</p>
            {can("disclosure.process") && (
              <Form
                label={t("disclosure.detail.issueCode")}
                submitLabel={t("disclosure.detail.issueCode")}
                onSubmit={async () => {
                  const res = await api.post<{ accessCode: string }>(
                    `/api/disclosure/${c.id}/access-code`,
                    {},
                  );
                  setMsg(t("disclosure.detail.codeShown", { code: res.accessCode }));
                }}
              >
                {null}
              </Form>
            )}
          </section>
        )}
        {tab === "third" && <ThirdPartiesPanel d={d} onDone={changed} />}
        {tab === "decision" && (
          <>
            <DecisionPanel d={d} cat={cat.data} attachments={attachments} onDone={changed} />
            <RemediesPanel d={d} onDone={changed} />
          </>
        )}
        {tab === "files" && (
          <>
            <ReleasedFilesPanel
              d={d}
              cat={cat.data}
              attachments={attachments}
              redactionEditor={REDACTION_EDITOR}
            />
            <CaseAttachments
              caseId={c.id}
              timeZone={c.timeZone}
              canWrite={can("cases.process")}
              onChanged={() => changed()}
            />
          </>
        )}
        {tab === "letters" && <CaseLetters caseId={c.id} reloadKey={tick} />}
        {tab === "timeline" && <CaseTimeline caseId={c.id} timeZone={c.timeZone} reloadKey={tick} />}
        {tab === "notes" && <CaseNotes caseId={c.id} timeZone={c.timeZone} canWrite={can("cases.process")} />}
      </Tabs>
    </Page>
  );
}
