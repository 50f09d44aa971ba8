import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams, useSearchParams } from "react-router";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { Tabs } from "../../components/tabs";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { CaseAttachments } from "../cases/case-attachments";
import { CaseNotes } from "../cases/case-notes";
import { CaseTimeline } from "../cases/case-timeline";
import { CaseTransitions } from "../cases/case-transitions";
import { CaseClock } from "../cases/due-badge";
import "../cases/i18n";
import { CaseAssignment } from "../cases/case-assignment";
import { CaseLetters } from "../letters/case-letters";
import { CompletionNoticeForm } from "./completion-notice";
import { DecisionPanel, NotifyButton } from "./decision-panel";
import { DeliveryPanel } from "./delivery-panel";
import { FeesDeliveryPanel } from "./fees-delivery-panel";
import "./i18n";
import { IdentityPanel } from "./identity-panel";
import { ItemsPanel } from "./items-panel";
import { AssignmentForm, PartiesPanel } from "./parties-panel";
import { TasksDisputesPanel } from "./tasks-disputes-panel";
import type { RequestDetail } from "./types";
import { useCatalogue } from "./use-catalogue";

const TABS = ["overview", "identity", "items", "fees", "letters", "timeline", "notes", "tasks"] as const;

/** /requests/:id: one rights request with every step of its handling, one tab per concern. */
export function RequestDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [tick, setTick] = useState(0);
  const [completion, setCompletion] = useState(false);
  const location = useLocation();
  const [msg, setMsg] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const cat = useCatalogue();
  const load = useLoad((signal) => api.get<RequestDetail>(`/api/requests/${id}`, { signal }), [id]);
  const tab = (TABS as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as string)
    : "overview";
  const changed = (text?: string) => {
    load.reload();
    setTick((n) => n + 1);
    if (text) setMsg(text);
  };
  const r = load.data;
  if (!r) return load.error ? <ErrorBox text={load.error} /> : <Loading />;
  const c = r.case;
  const title = `${c.number} · ${cat.kindName(r.requestKind)}`;
  return (
    <Page title={title}>
      <ErrorBox text={load.error} />
      <StatusMessage text={msg} />
      <p className="muted">
        {t(`requests.channel.${c.channel}`)} · {formatDateTime(c.receivedAt, i18n.language, c.timeZone)} ·{" "}
        <strong>{t(`cases.state.${c.state}`)}</strong>
        {c.outcome && <> · {t(`requests.outcome.${c.outcome}`)}</>}
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
        <CaseTransitions
          c={c}
          onChanged={changed}
          kindSteps={(allowed) => [
            allowed.includes("verify_identity") && can("requests.process") && (
              <button
                key="identity"
                type="button"
                className="btn"
                onClick={() => setParams({ tab: "identity" })}
              >
                {t("requests.identity.record")}
              </button>
            ),
            allowed.includes("decide") && can("requests.decide") && (
              <button key="decide" type="button" className="btn" onClick={() => setParams({ tab: "items" })}>
                {t("cases.event.decide")}
              </button>
            ),
            allowed.includes("pause") && can("requests.process") && (
              <button
                key="completion"
                type="button"
                className="btn"
                aria-expanded={completion}
                onClick={() => setCompletion((x) => !x)}
              >
                {t("requests.completion.title")}
              </button>
            ),
            allowed.includes("notify") && can("requests.decide") && (
              <NotifyButton key="notify" r={r} onDone={changed} />
            ),
          ]}
        />
      </div>
      {completion && (
        <CompletionNoticeForm
          r={r}
          onCancel={() => setCompletion(false)}
          onDone={(m) => {
            setCompletion(false);
            changed(m);
          }}
        />
      )}
      <Tabs
        label={t("requests.detail.tabs")}
        tabs={TABS.map((x) => ({ id: x, label: t(`requests.detail.tab.${x}`) }))}
        selected={tab}
        onSelect={(x) => setParams({ tab: x }, { replace: true })}
      >
        {tab === "overview" && (
          <>
            <PartiesPanel r={r} kindName={cat.kindName(r.requestKind)} />
            {can("cases.assign") && <AssignmentForm c={c} onDone={changed} />}
          </>
        )}
        {tab === "identity" && <IdentityPanel r={r} onDone={changed} />}
        {tab === "items" && cat.data && (
          <>
            <ItemsPanel r={r} cat={cat.data} onDone={changed} />
            <DecisionPanel r={r} cat={cat.data} onDone={changed} />
          </>
        )}
        {tab === "fees" && cat.data && (
          <>
            <FeesDeliveryPanel r={r} cat={cat.data} onDone={changed} />
            <DeliveryPanel r={r} key={tick} />
          </>
        )}
        {tab === "letters" && <CaseLetters caseId={c.id} reloadKey={tick} />}
        {tab === "timeline" && <CaseTimeline caseId={c.id} timeZone={c.timeZone} reloadKey={tick} />}
        {tab === "notes" && (
          <>
            <CaseNotes caseId={c.id} timeZone={c.timeZone} canWrite={can("cases.process")} />
            <CaseAttachments
              caseId={c.id}
              timeZone={c.timeZone}
              canWrite={can("cases.process")}
              onChanged={() => changed()}
            />
          </>
        )}
        {tab === "tasks" && <TasksDisputesPanel r={r} onDone={changed} />}
      </Tabs>
    </Page>
  );
}
