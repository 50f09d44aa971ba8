import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { api } from "../../api";
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
import { CandidatesPanel } from "./candidates-panel";
import { AnswerPanel, GuardianPanel, TransferPanel } from "./handling-panels";
import "./i18n";
import type { PetitionDetail } from "./types";
import { usePetitionTypes } from "./use-types";

// The panels read through the petition routes (petitions.read): the petition desk holds no cases.read.
const READ = "/api/petitions";
const TABS = ["overview", "candidates", "letters", "timeline", "notes"] as const;

/** /petitions/:id: one petition with its clock, handling steps, guardian, links, letters and timeline. */
export function PetitionDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [tick, setTick] = useState(0);
  const [msg, setMsg] = useState<string | null>(null);
  const types = usePetitionTypes();
  const load = useLoad((signal) => api.get<PetitionDetail>(`/api/petitions/${id}`, { signal }), [id]);
  const tab = (TABS as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as string)
    : "overview";
  const changed = (text?: string) => {
    load.reload();
    setTick((n) => n + 1);
    if (text) setMsg(text);
  };
  const p = load.data;
  if (!p) return load.error ? <ErrorBox text={load.error} /> : <Loading />;
  const c = p.case;
  return (
    <Page title={`${c.number} · ${types.typeName(p.typeCode)}`}>
      <ErrorBox text={load.error} />
      <StatusMessage text={msg} />
      <p className="muted">
        {t(`petitions.channel.${c.channel}`)} · {formatDateTime(c.receivedAt, i18n.language, c.timeZone)} ·{" "}
        <strong>{t(`cases.state.${c.state}`)}</strong> · {t("petitions.detail.period")}{" "}
        {p.period.days
          ? t("petitions.detail.days", { count: p.period.days })
          : t("petitions.detail.hours", { count: p.period.hours ?? 0 })}
      </p>
      <CaseAssignment
        caseId={c.id}
        readBase={READ}
        number={c.number}
        version={c.version}
        reloadKey={tick}
        onChanged={changed}
      />
      <div className="split">
        <CaseClock c={c} />
        <CaseTransitions c={c} onChanged={changed} without={["transfer"]} />
      </div>
      <Tabs
        label={t("petitions.detail.tabs")}
        tabs={TABS.map((x) => ({ id: x, label: t(`petitions.detail.tab.${x}`) }))}
        selected={tab}
        onSelect={(x) => setParams({ tab: x }, { replace: true })}
      >
        {tab === "overview" && (
          <>
            <section className="card" aria-labelledby="pt-content">
              <h2 id="pt-content">{p.title}</h2>
              <dl className="dl">
                <dt>{t("petitions.field.name")}</dt>
                <dd>{p.petitioner.name}</dd>
                {p.petitioner.email && (
                  <>
                    <dt>{t("petitions.field.email")}</dt>
                    <dd>{p.petitioner.email}</dd>
                  </>
                )}
                {p.petitioner.phone && (
                  <>
                    <dt>{t("petitions.field.phone")}</dt>
                    <dd>{p.petitioner.phone}</dd>
                  </>
                )}
              </dl>
              <p className="prewrap">{p.content}</p>
              {p.answerSummary && (
                <>
                  <h3>{t("petitions.detail.answerSummary")}</h3>
                  <p className="prewrap">{p.answerSummary}</p>
                </>
              )}
            </section>
            <GuardianPanel p={p} onDone={changed} />
            <AnswerPanel p={p} onDone={changed} />
            <TransferPanel p={p} onDone={changed} />
          </>
        )}
        {tab === "candidates" && (
          <>
            {p.links.length > 0 && (
              <section className="card" aria-labelledby="pt-links">
                <h2 id="pt-links">{t("petitions.link.title")}</h2>
                <ul>
                  {p.links.map((l) => (
                    <li key={l.id}>
                      <Link to={`/petitions/${l.otherCaseId}`} className="mono">
                        {l.otherNumber}
                      </Link>{" "}
                      · {t(`petitions.link.${l.kind}`)}{" "}
                      {can("petitions.process") && (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={async () => {
                            await api.del(`/api/petitions/${c.id}/links/${l.id}`);
                            changed(t("petitions.link.remove"));
                          }}
                        >
                          {t("petitions.link.remove")}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <CandidatesPanel data={p.candidates} caseId={c.id} onLinked={changed} />
          </>
        )}
        {tab === "letters" && <CaseLetters caseId={c.id} reloadKey={tick} />}
        {tab === "timeline" && (
          <CaseTimeline caseId={c.id} readBase={READ} timeZone={c.timeZone} reloadKey={tick} />
        )}
        {tab === "notes" && (
          <>
            <CaseNotes caseId={c.id} readBase={READ} timeZone={c.timeZone} canWrite={can("cases.process")} />
            <CaseAttachments
              caseId={c.id}
              readBase={READ}
              timeZone={c.timeZone}
              canWrite={can("cases.process")}
              onChanged={() => changed()}
            />
          </>
        )}
      </Tabs>
    </Page>
  );
}
