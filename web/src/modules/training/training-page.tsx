import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField } from "../../components/form";
import { ErrorBox, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useDay } from "../civil/format";
import "./i18n";

const TARGETS = ["all_staff", "privacy_staff", "new_staff", "vendor_staff"] as const;
const KINDS = ["privacy", "security", "it_skill", "directions"] as const;

interface Plan {
  id: string;
  title: string;
  targetGroup: string;
  plannedSessions: number;
  heldSessions: number;
}
interface Session {
  id: string;
  planId: string | null;
  heldOn: string;
  topic: string;
  kind: string;
  trainer: string | null;
  materials: Array<{ title: string; url: string }>;
  attendance: Array<{
    id: string;
    staffName: string | null;
    vendor: { name: string; company: string } | null;
  }>;
}
interface Ack {
  id: string;
  role: string;
  staffName: string | null;
  vendor: { name: string; company: string } | null;
  document: string;
  version: string;
  acknowledgedOn: string;
}
interface Completion {
  units: Array<{
    unitId: string | null;
    unitName: string | null;
    staff: number;
    completed: number;
    rate: number | null;
  }>;
}
interface StaffOption {
  id: string;
  displayName: string;
}

/** Training (E12, E13): plans, sessions with attendance, acknowledgements and completion per unit. */
export function TrainingPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const mayWrite = can("training.write");
  const [year, setYear] = useState(new Date().getFullYear());
  const [status, setStatus] = useState<string | null>(null);
  const plans = useLoad(
    (signal) => api.get<Plan[]>("/api/training/plans", { signal, query: { year } }),
    [year],
  );
  const sessions = useLoad(
    (signal) => api.get<Session[]>("/api/training/sessions", { signal, query: { year } }),
    [year],
  );
  const acks = useLoad(
    (signal) => api.get<Ack[]>("/api/training/acknowledgements", { signal, query: { year } }),
    [year],
  );
  const completion = useLoad(
    (signal) => api.get<Completion>("/api/training/completion", { signal, query: { year } }),
    [year],
  );
  const people = useLoad(
    (signal) => (mayWrite ? api.get<StaffOption[]>("/api/training/staff", { signal }) : Promise.resolve([])),
    [mayWrite],
  );
  const staffOptions = (people.data ?? []).map((s) => ({ value: s.id, label: s.displayName }));
  const pct = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const person = (x: { staffName: string | null; vendor: { name: string; company: string } | null }) =>
    x.vendor ? t("training.attendance.vendor", x.vendor) : (x.staffName ?? "");
  const saved = (reload: () => void) => {
    setStatus(t("training.saved"));
    reload();
  };
  return (
    <Page title={t("training.title")}>
      <p className="hint">{t("training.intro")}</p>
      <StatusMessage text={status} />
      <ErrorBox text={plans.error ?? sessions.error ?? acks.error ?? completion.error} />
      <Form
        label={t("training.year")}
        submitLabel={t("training.apply")}
        onSubmit={async (v) => setYear(Number(v.year))}
      >
        <Field
          name="year"
          type="number"
          min={1990}
          max={2200}
          label={t("training.year")}
          defaultValue={String(year)}
          required
        />
      </Form>

      <section className="card" aria-labelledby="tr-completion">
        <h2 id="tr-completion">{t("training.completion.title")}</h2>
        <p className="hint">{t("training.completion.hint")}</p>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("training.completion.unit")}</th>
                <th scope="col">{t("training.completion.staff")}</th>
                <th scope="col">{t("training.completion.completed")}</th>
                <th scope="col">{t("training.completion.rate")}</th>
              </tr>
            </thead>
            <tbody>
              {(completion.data?.units ?? []).map((u) => (
                <tr key={u.unitId ?? "none"}>
                  <th scope="row">{u.unitName ?? t("training.completion.noUnit")}</th>
                  <td>{u.staff}</td>
                  <td>{u.completed}</td>
                  <td>{u.rate === null ? "" : pct.format(u.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="tr-plans">
        <h2 id="tr-plans">{t("training.plans.title")}</h2>
        {plans.data && !plans.data.length && <p>{t("training.plans.none")}</p>}
        {!!plans.data?.length && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("training.plans.name")}</th>
                  <th scope="col">{t("training.plans.target")}</th>
                  <th scope="col">{t("training.plans.planned")}</th>
                  <th scope="col">{t("training.plans.held")}</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.title}</th>
                    <td>{t(`training.targets.${p.targetGroup}`)}</td>
                    <td>{p.plannedSessions}</td>
                    <td>{p.heldSessions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayWrite && (
          <Form
            label={t("training.plans.new")}
            submitLabel={t("training.save")}
            resetOnSuccess
            onSubmit={async (v) => {
              await api.post("/api/training/plans", {
                year,
                title: v.title,
                targetGroup: v.targetGroup,
                plannedSessions: Number(v.plannedSessions),
              });
              saved(plans.reload);
            }}
          >
            <Field name="title" label={t("training.plans.name")} required maxLength={200} />
            <SelectField
              name="targetGroup"
              label={t("training.plans.target")}
              required
              options={TARGETS.map((x) => ({ value: x, label: t(`training.targets.${x}`) }))}
            />
            <Field
              name="plannedSessions"
              type="number"
              min={0}
              max={10000}
              label={t("training.plans.planned")}
              required
            />
          </Form>
        )}
      </section>

      <section className="card" aria-labelledby="tr-sessions">
        <h2 id="tr-sessions">{t("training.sessions.title")}</h2>
        {sessions.data && !sessions.data.length && <p>{t("training.sessions.none")}</p>}
        {sessions.data?.map((s) => (
          <article key={s.id} className="card">
            <h3>
              {day(s.heldOn)} · {s.topic}
            </h3>
            <p>
              {t(`training.kinds.${s.kind}`)}
              {s.trainer ? ` · ${t("training.sessions.trainer")}: ${s.trainer}` : ""}
            </p>
            {!!s.materials.length && (
              <ul>
                {s.materials.map((m) => (
                  <li key={m.url}>
                    <a href={m.url} target="_blank" rel="noreferrer noopener">
                      {m.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <p>
              {t("training.sessions.attendees")} ({s.attendance.length}):{" "}
              {s.attendance.map((a) => person(a)).join(", ")}
            </p>
            {mayWrite && (
              <Form
                label={t("training.attendance.add")}
                submitLabel={t("training.attendance.add")}
                resetOnSuccess
                onSubmit={async (v) => {
                  await api.post(`/api/training/sessions/${s.id}/attendance`, {
                    staffIds: v.staffId ? [v.staffId] : [],
                    vendors: v.vendorName ? [{ name: v.vendorName, company: v.company }] : [],
                  });
                  saved(sessions.reload);
                  completion.reload();
                }}
              >
                <SelectField
                  name="staffId"
                  label={t("training.attendance.staff")}
                  options={staffOptions}
                  emptyLabel="—"
                />
                <Field name="vendorName" label={t("training.attendance.vendorName")} maxLength={200} />
                <Field name="company" label={t("training.attendance.company")} maxLength={200} />
              </Form>
            )}
          </article>
        ))}
        {mayWrite && (
          <Form
            label={t("training.sessions.new")}
            submitLabel={t("training.save")}
            resetOnSuccess
            onSubmit={async (v) => {
              await api.post("/api/training/sessions", {
                planId: v.planId || null,
                heldOn: v.heldOn,
                topic: v.topic,
                kind: v.kind,
                trainer: v.trainer || null,
                materials: v.materialUrl ? [{ title: v.materialTitle || v.topic, url: v.materialUrl }] : [],
              });
              saved(sessions.reload);
              plans.reload();
            }}
          >
            <Field name="heldOn" type="date" label={t("training.sessions.heldOn")} required />
            <Field name="topic" label={t("training.sessions.topic")} required maxLength={300} />
            <SelectField
              name="kind"
              label={t("training.sessions.kind")}
              required
              options={KINDS.map((x) => ({ value: x, label: t(`training.kinds.${x}`) }))}
            />
            <SelectField
              name="planId"
              label={t("training.sessions.plan")}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
              emptyLabel={t("training.sessions.noPlan")}
            />
            <Field name="trainer" label={t("training.sessions.trainer")} maxLength={200} />
            <Field name="materialTitle" label={t("training.sessions.materialTitle")} maxLength={200} />
            <Field name="materialUrl" type="url" label={t("training.sessions.material")} maxLength={2000} />
          </Form>
        )}
      </section>

      <section className="card" aria-labelledby="tr-ack">
        <h2 id="tr-ack">{t("training.ack.title")}</h2>
        {acks.data && !acks.data.length && <p>{t("training.ack.none")}</p>}
        {!!acks.data?.length && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("training.ack.on")}</th>
                  <th scope="col">{t("training.ack.role")}</th>
                  <th scope="col">{t("training.ack.person")}</th>
                  <th scope="col">{t("training.ack.document")}</th>
                  <th scope="col">{t("training.ack.version")}</th>
                </tr>
              </thead>
              <tbody>
                {acks.data.map((a) => (
                  <tr key={a.id}>
                    <td>{day(a.acknowledgedOn)}</td>
                    <td>{t(`training.targets.${a.role}`)}</td>
                    <td>{person(a)}</td>
                    <td>{a.document}</td>
                    <td>{a.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayWrite && (
          <Form
            label={t("training.ack.new")}
            submitLabel={t("training.save")}
            resetOnSuccess
            onSubmit={async (v) => {
              const vendor = v.role === "vendor_staff";
              await api.post("/api/training/acknowledgements", {
                role: v.role,
                staffId: vendor ? null : v.staffId || null,
                vendor: vendor ? { name: v.vendorName, company: v.company } : null,
                document: v.document,
                version: v.version,
                acknowledgedOn: v.acknowledgedOn,
              });
              saved(acks.reload);
            }}
          >
            <SelectField
              name="role"
              label={t("training.ack.role")}
              required
              options={(["new_staff", "vendor_staff"] as const).map((x) => ({
                value: x,
                label: t(`training.targets.${x}`),
              }))}
            />
            <SelectField
              name="staffId"
              label={t("training.attendance.staff")}
              options={staffOptions}
              emptyLabel="—"
            />
            <Field name="vendorName" label={t("training.attendance.vendorName")} maxLength={200} />
            <Field name="company" label={t("training.attendance.company")} maxLength={200} />
            <Field name="document" label={t("training.ack.document")} required maxLength={300} />
            <Field name="version" label={t("training.ack.version")} required maxLength={40} />
            <Field name="acknowledgedOn" type="date" label={t("training.ack.on")} required />
          </Form>
        )}
      </section>
    </Page>
  );
}
