import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useDay, useMoney } from "../civil/format";
import { useUnits } from "./use-units";

const ROLES = ["guardian", "monitor", "guide_helper", "records_unit"] as const;

interface RosterEntry {
  id: string;
  role: (typeof ROLES)[number];
  staffId: string | null;
  staffName: string | null;
  unitId: string | null;
  unitName: string | null;
  person: { name: string; contact: string | null } | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  current: boolean;
}
interface Report {
  id: string;
  reportedOn: string;
  summary: string;
  rewardAmount: number | null;
  rewardCurrency: string | null;
}

/** A monitor's reports and the form to add one (I5). */
function MonitorReports({ entry, mayWrite }: { entry: RosterEntry; mayWrite: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const day = useDay();
  const money = useMoney();
  const data = useLoad(
    (signal) => api.get<{ reports: Report[] }>(`/api/civil/roster/${entry.id}/reports`, { signal }),
    [entry.id],
  );
  return (
    <div>
      <ErrorBox text={data.error} />
      <ul>
        {data.data?.reports.map((r) => (
          <li key={r.id}>
            {day(r.reportedOn)}: <span style={{ whiteSpace: "pre-wrap" }}>{r.summary}</span>
            {r.rewardAmount != null && r.rewardCurrency
              ? ` (${t("civil.roster.reward")} ${money(r.rewardAmount, r.rewardCurrency)})`
              : ""}
          </li>
        ))}
      </ul>
      {mayWrite && (
        <Form
          label={t("civil.roster.addReport")}
          submitLabel={t("civil.roster.addReport")}
          resetOnSuccess
          onSubmit={async (v) => {
            await api.post(`/api/civil/roster/${entry.id}/reports`, {
              reportedOn: v.reportedOn,
              summary: v.summary,
              rewardAmount: v.rewardAmount ? Number(v.rewardAmount) : null,
              rewardCurrency: v.rewardAmount ? (session?.agency.jurisdiction === "TW" ? "TWD" : "KRW") : null,
            });
            data.reload();
          }}
        >
          <Field name="reportedOn" type="date" label={t("civil.roster.reportedOn")} required />
          <TextAreaField
            name="summary"
            label={t("civil.roster.summary")}
            required
            maxLength={4000}
            rows={2}
          />
          <Field name="rewardAmount" type="number" min={0} step={1} label={t("civil.roster.reward")} />
        </Form>
      )}
    </div>
  );
}

/** Civil-affairs roster (A17, I5): guardians, monitors, guide helpers, the records-management unit. */
export function RosterPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const { unitOptions } = useUnits();
  const mayWrite = can("civil.roster.write");
  const list = useLoad((signal) => api.get<RosterEntry[]>("/api/civil/roster", { signal }), []);
  const staff = useLoad(
    (signal) =>
      mayWrite
        ? api.get<Array<{ id: string; displayName: string }>>("/api/civil/roster/staff", { signal })
        : Promise.resolve([]),
    [mayWrite],
  );
  const [status, setStatus] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const holder = (e: RosterEntry) =>
    e.role === "records_unit"
      ? (e.unitName ?? "")
      : (e.staffName ?? [e.person?.name, e.person?.contact].filter(Boolean).join(" · "));
  return (
    <Page
      title={t("civil.roster.title")}
      actions={
        mayWrite ? (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t("civil.roster.new")}
          </button>
        ) : null
      }
    >
      <p className="hint">{t("civil.roster.intro")}</p>
      <StatusMessage text={status} />
      <ErrorBox text={list.error} />
      {adding && (
        <section className="card" aria-labelledby="roster-new">
          <h2 id="roster-new">{t("civil.roster.new")}</h2>
          <Form
            label={t("civil.roster.new")}
            submitLabel={t("civil.common.save")}
            onCancel={() => setAdding(false)}
            onSubmit={async (v) => {
              await api.post("/api/civil/roster", {
                role: v.role,
                staffId: v.staffId || null,
                unitId: v.unitId || null,
                person: v.personName ? { name: v.personName, contact: v.personContact || null } : null,
                validFrom: v.validFrom,
                validTo: v.validTo || null,
                note: v.note || null,
              });
              setAdding(false);
              setStatus(t("civil.roster.saved"));
              list.reload();
            }}
          >
            <SelectField
              name="role"
              label={t("civil.roster.role")}
              required
              emptyLabel={t("common.choose")}
              options={ROLES.map((r) => ({ value: r, label: t(`civil.roster.roles.${r}`) }))}
            />
            <SelectField
              name="staffId"
              label={t("civil.roster.staff")}
              emptyLabel={t("civil.common.none")}
              options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
            />
            <Field
              name="personName"
              label={t("civil.roster.personName")}
              maxLength={200}
              autoComplete="off"
            />
            <Field
              name="personContact"
              label={t("civil.roster.personContact")}
              maxLength={200}
              autoComplete="off"
            />
            <SelectField
              name="unitId"
              label={t("civil.roster.unit")}
              emptyLabel={t("civil.common.none")}
              options={unitOptions()}
            />
            <Field name="validFrom" type="date" label={t("civil.roster.validFrom")} required />
            <Field name="validTo" type="date" label={t("civil.roster.validTo")} />
            <Field name="note" label={t("civil.roster.note")} maxLength={300} />
          </Form>
        </section>
      )}
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <p>{t("civil.common.empty")}</p>}
      {ROLES.map((role) => {
        const rows = list.data?.filter((e) => e.role === role) ?? [];
        if (!rows.length) return null;
        return (
          <section key={role} className="card" aria-labelledby={`roster-${role}`}>
            <h2 id={`roster-${role}`}>{t(`civil.roster.roles.${role}`)}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("civil.roster.holder")}</th>
                    <th scope="col">{t("civil.roster.validFrom")}</th>
                    <th scope="col">{t("civil.roster.validTo")}</th>
                    <th scope="col">{t("civil.roster.note")}</th>
                    <th scope="col">
                      <span className="sr-only">{t("civil.roster.end")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.id}>
                      <td>
                        {holder(e)}{" "}
                        <span className="badge">
                          {e.current ? t("civil.roster.current") : t("civil.roster.ended")}
                        </span>
                        {role === "monitor" && (
                          <>
                            {" "}
                            <button
                              type="button"
                              className="btn"
                              onClick={() => setOpen(open === e.id ? null : e.id)}
                            >
                              {t("civil.roster.reports")}
                            </button>
                            {open === e.id && <MonitorReports entry={e} mayWrite={mayWrite} />}
                          </>
                        )}
                      </td>
                      <td>{day(e.validFrom)}</td>
                      <td>{day(e.validTo)}</td>
                      <td>{e.note ?? ""}</td>
                      <td>
                        {mayWrite && e.current && (
                          <Form
                            label={t("civil.roster.end")}
                            submitLabel={t("civil.roster.end")}
                            onSubmit={async (v) => {
                              await api.post(`/api/civil/roster/${e.id}/end`, { validTo: v.validTo });
                              list.reload();
                            }}
                          >
                            <Field name="validTo" type="date" label={t("civil.roster.endOn")} required />
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </Page>
  );
}
