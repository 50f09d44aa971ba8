import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { DueBadge } from "./due-badge";
import { HandOver, NextStepText, TimeLeftBadge } from "./hand-over";
import { type QueueColumn, QueueTable } from "./queue-table";
import type { CaseRow, QueueItem } from "./types";

/** Where each case kind's detail page lives (petitions and disclosure add theirs). */
export const CASE_PATHS: Record<string, (id: string) => string> = {
  rights_request: (id) => `/requests/${id}`,
};

/** "My work": the caller's queue from GET /api/cases/queue, soonest due first. */
export function WorkQueue() {
  const { t, i18n } = useTranslation();
  const [msg, setMsg] = useState<string | null>(null);
  const load = useLoad(
    (signal) =>
      api.get<{ timeZone: string; items: QueueItem[]; truncated: boolean }>("/api/cases/queue", { signal }),
    [],
  );
  const data = load.data;
  if (!data) return load.error ? <ErrorBox text={load.error} /> : <Loading />;
  const unitName = (r: QueueItem) =>
    r.unit ? (i18n.language === "en" && r.unit.nameEn ? r.unit.nameEn : r.unit.nameLocal) : "—";
  const columns: QueueColumn<QueueItem>[] = [
    {
      key: "number",
      label: t("cases.queue.col.number"),
      primary: true,
      sortValue: (r) => r.number,
      cell: (r) => {
        const path = CASE_PATHS[r.kind]?.(r.id);
        return path ? <Link to={path}>{r.number}</Link> : r.number;
      },
    },
    {
      key: "kind",
      label: t("cases.queue.col.kind"),
      sortValue: (r) => r.kind,
      cell: (r) => (
        <>
          {t(`cases.kind.${r.kind}`)}
          <div className="muted">{t(`cases.queue.reason.${r.reason}`)}</div>
        </>
      ),
    },
    {
      key: "due",
      label: t("cases.queue.col.due"),
      sortValue: (r) => r.dueAt,
      cell: (r) => (
        <>
          <DueBadge c={r as unknown as CaseRow} timeZone={data.timeZone} />
          <div>
            <TimeLeftBadge row={r} />
          </div>
        </>
      ),
    },
    {
      key: "state",
      label: t("cases.queue.col.state"),
      sortValue: (r) => r.state,
      cell: (r) => t(`cases.state.${r.state}`),
    },
    {
      key: "assignee",
      label: t("cases.queue.col.assignee"),
      sortValue: (r) => r.assignee?.name ?? "",
      cell: (r) => (
        <>
          {r.assignee?.name ?? <span className="muted">{t("cases.queue.unassigned")}</span>}
          <div className="muted">{unitName(r)}</div>
        </>
      ),
    },
    {
      key: "next",
      label: t("cases.queue.col.next"),
      sortValue: (r) => r.nextStep?.action ?? "",
      cell: (r) => (
        <>
          <NextStepText step={r.nextStep} />
          {r.nextStep && !r.nextStep.canAct && (
            <HandOver
              caseId={r.id}
              number={r.number}
              version={r.version}
              candidates={r.nextStep.candidates}
              forNextStep
              label={t("cases.queue.handOver")}
              onDone={(m) => {
                setMsg(m);
                load.reload();
              }}
            />
          )}
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="work-queue" data-testid="work-queue">
      <h2 id="work-queue">{t("cases.queue.caption")}</h2>
      <StatusMessage text={msg} />
      <QueueTable
        rows={data.items}
        columns={columns}
        rowKey={(r) => r.id}
        caption={t("cases.queue.caption")}
        initialSort={{ key: "due", dir: "asc" }}
        empty={t("cases.queue.empty")}
        testId="work-queue-table"
      />
      {data.truncated && <p className="muted">{t("cases.queue.truncated")}</p>}
    </section>
  );
}
