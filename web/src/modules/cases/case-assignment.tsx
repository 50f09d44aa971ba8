import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { HandOver, NextStepText } from "./hand-over";
import "./i18n";
import type { AssignmentView } from "./types";

/**
 * The assignee line of a case detail page (issue 11): who holds the case, the next step and, when the viewer
 * cannot take it, who can with a button to hand it over; a reassign control for those who may reassign.
 */
export function CaseAssignment({
  caseId,
  readBase = "/api/cases",
  number,
  version,
  reloadKey,
  onChanged,
}: {
  caseId: string;
  /** Where the panel reads from: a kind with its own read routes (petitions) passes its base. */
  readBase?: string;
  number: string;
  version: number;
  reloadKey?: number;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const load = useLoad(
    (signal) => api.get<AssignmentView>(`${readBase}/${caseId}/assignment`, { signal }),
    [caseId, reloadKey, version, readBase],
  );
  const a = load.data;
  if (!a) return load.error ? <ErrorBox text={load.error} /> : <Loading />;
  const done = (m: string) => {
    load.reload();
    onChanged(m);
  };
  return (
    <section className="card" aria-labelledby="case-assignment" data-testid="case-assignment">
      <h2 id="case-assignment">{t("cases.assignee.title")}</h2>
      <dl className="facts">
        <dt>{t("cases.assignee.label")}</dt>
        <dd data-testid="case-assignee">{a.assignee?.name ?? t("cases.assignee.none")}</dd>
        <dt>{t("cases.assignee.next")}</dt>
        <dd>
          <NextStepText step={a.nextStep} />
          {a.nextStep?.canAct && <p className="who-can">{t("cases.assignee.youCan")}</p>}
          {a.nextStep && !a.nextStep.canAct && (
            <HandOver
              caseId={caseId}
              number={number}
              version={version}
              candidates={a.nextStep.candidates}
              forNextStep
              label={t("cases.queue.handOver")}
              onDone={done}
            />
          )}
        </dd>
      </dl>
      {a.canAssign && a.nextStep && a.colleagues.length > 0 && (
        <details className="subsection">
          <summary>{t("cases.assignee.reassign")}</summary>
          <HandOver
            caseId={caseId}
            number={number}
            version={version}
            candidates={a.colleagues}
            forNextStep={false}
            label={t("cases.assignee.reassign")}
            onDone={done}
          />
        </details>
      )}
    </section>
  );
}
