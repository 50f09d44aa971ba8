import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, useParams } from "react-router";
import { api } from "../../api";
import { DateStatus } from "../../components/date-status";
import { useErrorText } from "../../components/form";
import { formatDateTime, formatNumber } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { upload } from "../../components/upload";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { RequirePermission } from "../shell/require-auth";
import "./i18n";

// Retention and destruction (issue 13; D1-D8): plans drafted by the nightly sweep, approval by the privacy
// officer, execution with numbered certificates, rules per file and per own kind, holds and separate storage.

interface Plan {
  id: string;
  number: string;
  source: "records" | "own" | "register";
  ownKind: string | null;
  unitName: string | null;
  fileName: string | null;
  status: string;
  itemCount: number;
  subjectCount: number;
  createdAt: string;
  methodCode: string | null;
  assessedAt: string | null;
}
interface Cert {
  id: string;
  certificateNo: string;
  planNumber: string;
  fileName: string | null;
  itemCount: number;
  subjectCount: number;
  methodCode: string;
  destroyedOn: string;
}
interface Method {
  code: string;
  names: Record<string, string>;
}

function useAct() {
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (fn: () => Promise<string | null>) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(await fn());
    } catch (e) {
      setError(errorText(e));
    }
  };
  return { error, message, run };
}

function PlanWhat({ p }: { p: Pick<Plan, "fileName" | "source" | "ownKind"> }) {
  const { t } = useTranslation();
  return (
    <>{p.fileName ?? (p.ownKind ? t(`retention.own.${p.ownKind}`) : t(`retention.sources.${p.source}`))}</>
  );
}

function Tabs({ tab, set }: { tab: string; set: (t: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist">
      {["plans", "rules", "certificates", "holds"].map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={tab === k}
          className={tab === k ? "tab active" : "tab"}
          onClick={() => set(k)}
        >
          {t(`retention.tabs.${k}`)}
        </button>
      ))}
    </div>
  );
}

function PlansTab() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const act = useAct();
  const data = useLoad((signal) => api.get<Plan[]>("/api/retention/plans", { signal }), []);
  return (
    <>
      {can("retention.manage") && (
        <button
          type="button"
          onClick={() =>
            act.run(async () => {
              const r = await api.post<{ plans: unknown[] }>("/api/retention/sweep", {});
              data.reload();
              return t("retention.swept", { count: r.plans.length });
            })
          }
        >
          {t("retention.sweepNow")}
        </button>
      )}
      <StatusMessage text={act.message} />
      <ErrorBox text={act.error ?? data.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("retention.number")}</th>
                <th scope="col">{t("retention.what")}</th>
                <th scope="col">{t("retention.unit")}</th>
                <th scope="col">{t("retention.items")}</th>
                <th scope="col">{t("retention.subjects")}</th>
                <th scope="col">{t("retention.status")}</th>
                <th scope="col">{t("retention.created")}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.length === 0 && (
                <tr>
                  <td colSpan={7}>{t("retention.none")}</td>
                </tr>
              )}
              {data.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/retention/plans/${p.id}`}>{p.number}</Link>
                  </td>
                  <td>
                    <PlanWhat p={p} />
                  </td>
                  <td>{p.unitName ?? ""}</td>
                  <td>{formatNumber(p.itemCount, i18n.language)}</td>
                  <td>{formatNumber(p.subjectCount, i18n.language)}</td>
                  <td>{t(`retention.statuses.${p.status}`)}</td>
                  <td>{formatDateTime(p.createdAt, i18n.language, session.agency.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface RuleRow {
  periodMonths: number | null;
  startEvent: string;
  startOn: string | null;
  legalBasis: string;
  recordsClassCode: string | null;
  version?: number;
}
const EVENTS = ["collection", "purpose_end", "contract_end", "last_contact"];

function RuleForm({
  url,
  extra = {},
  rule,
  onSaved,
}: {
  url: string;
  extra?: Record<string, string>;
  rule: Partial<RuleRow> | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const act = useAct();
  const [months, setMonths] = useState(rule?.periodMonths == null ? "" : String(rule.periodMonths));
  const [event, setEvent] = useState(rule?.startEvent ?? "collection");
  const [startOn, setStartOn] = useState(rule?.startOn ?? "");
  const [basis, setBasis] = useState(rule?.legalBasis ?? "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.run(async () => {
      await api.put(url, {
        ...extra,
        periodMonths: months === "" ? null : Number(months),
        startEvent: event,
        startOn: startOn || null,
        legalBasis: basis,
      });
      onSaved();
      return t("retention.saved");
    });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {t("retention.period")}
        <input
          type="number"
          min={0}
          value={months}
          placeholder={t("retention.permanent")}
          onChange={(e) => setMonths(e.target.value)}
        />
      </label>
      <label>
        {t("retention.startEvent")}
        <select value={event} onChange={(e) => setEvent(e.target.value)}>
          {EVENTS.map((ev) => (
            <option key={ev} value={ev}>
              {t(`retention.events.${ev}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("retention.startOn")}
        <input type="date" value={startOn} onChange={(e) => setStartOn(e.target.value)} />
      </label>
      <label>
        {t("retention.legalBasis")}
        <input value={basis} required onChange={(e) => setBasis(e.target.value)} />
      </label>
      <button type="submit">{t("retention.save")}</button>
      <StatusMessage text={act.message} />
      <ErrorBox text={act.error} />
    </form>
  );
}

function RulesTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const data = useLoad(
    (signal) =>
      api.get<{
        files: Array<RuleRow & { fileId: string; fileName: string; id: string | null }>;
        own: Array<{
          kind: string;
          rule: RuleRow | null;
          minimum: { months: number; citation: string } | null;
        }>;
      }>("/api/retention/rules", { signal }),
    [],
  );
  const edit = can("retention.rules");
  if (!data.data) return <>{data.loading ? <Loading /> : <ErrorBox text={data.error} />}</>;
  return (
    <>
      <h2>{t("retention.tabs.rules")}</h2>
      {data.data.own.map((o) => (
        <section key={o.kind} className="card">
          <h3>{t(`retention.own.${o.kind}`)}</h3>
          {o.minimum && o.minimum.months > 0 && (
            <p className="muted">
              {t("retention.minimum")}: {t("retention.months", { count: o.minimum.months })} (
              {o.minimum.citation})
            </p>
          )}
          {edit ? (
            <RuleForm
              url="/api/retention/rules/own"
              extra={{ kind: o.kind }}
              rule={o.rule}
              onSaved={data.reload}
            />
          ) : (
            <p>
              {o.rule ? t("retention.months", { count: o.rule.periodMonths ?? 0 }) : t("retention.notSet")}
            </p>
          )}
        </section>
      ))}
      {data.data.files.map((f) => (
        <section key={f.fileId} className="card">
          <h3>{f.fileName}</h3>
          {edit ? (
            <RuleForm
              url={`/api/retention/rules/files/${f.fileId}`}
              rule={f.id ? f : null}
              onSaved={data.reload}
            />
          ) : (
            <p>{f.id ? t("retention.months", { count: f.periodMonths ?? 0 }) : t("retention.notSet")}</p>
          )}
        </section>
      ))}
    </>
  );
}

function CertificatesTab() {
  const { t, i18n } = useTranslation();
  const data = useLoad((signal) => api.get<Cert[]>("/api/retention/certificates", { signal }), []);
  if (!data.data) return <>{data.loading ? <Loading /> : <ErrorBox text={data.error} />}</>;
  return <CertTable certs={data.data} lang={i18n.language} t={t} />;
}

function CertTable({ certs, lang, t }: { certs: Cert[]; lang: string; t: (k: string) => string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("retention.certificate")}</th>
            <th scope="col">{t("retention.number")}</th>
            <th scope="col">{t("retention.items")}</th>
            <th scope="col">{t("retention.subjects")}</th>
            <th scope="col">{t("retention.destroyedOn")}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {certs.length === 0 && (
            <tr>
              <td colSpan={6}>{t("retention.none")}</td>
            </tr>
          )}
          {certs.map((c) => (
            <tr key={c.id}>
              <td>{c.certificateNo}</td>
              <td>{c.planNumber}</td>
              <td>{formatNumber(c.itemCount, lang)}</td>
              <td>{formatNumber(c.subjectCount, lang)}</td>
              <td>
                <DateStatus due={c.destroyedOn} soonDays={-1} />
              </td>
              <td>
                <a href={`/api/retention/certificates/${c.id}/pdf`} download>
                  {t("retention.download")}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Hold {
  id: string;
  kind: string;
  targetType: string;
  targetLabel: string | null;
  reason: string;
  roles: string[];
  reviewOn: string;
  status: string;
  reviewOverdue: boolean;
}
const ROLES = ["privacy_officer", "privacy_manager", "auditor", "records_manager", "handler"];

function HoldsTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const act = useAct();
  const data = useLoad((signal) => api.get<Hold[]>("/api/retention/holds", { signal }), []);
  const [form, setForm] = useState({
    kind: "litigation",
    targetType: "record",
    targetId: "",
    reason: "",
    reviewOn: "",
    storageLocation: "",
    roles: [] as string[],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.run(async () => {
      await api.post("/api/retention/holds", { ...form, storageLocation: form.storageLocation || null });
      data.reload();
      return t("retention.saved");
    });
  };
  return (
    <>
      <StatusMessage text={act.message} />
      <ErrorBox text={act.error ?? data.error} />
      {data.data && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("retention.kind")}</th>
                <th scope="col">{t("retention.target")}</th>
                <th scope="col">{t("retention.reason")}</th>
                <th scope="col">{t("retention.reviewOn")}</th>
                <th scope="col">{t("retention.status")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.data.map((h) => (
                <tr key={h.id}>
                  <td>{t(`retention.holdKinds.${h.kind}`)}</td>
                  <td>
                    {t(`retention.targetTypes.${h.targetType}`)} {h.targetLabel ?? ""}
                  </td>
                  <td>{h.reason}</td>
                  <td>{h.status === "active" ? <DateStatus due={h.reviewOn} /> : null}</td>
                  <td>{h.status === "active" ? t("retention.active") : t("retention.released")}</td>
                  <td>
                    {h.status === "active" && can("retention.holds") && (
                      <button
                        type="button"
                        onClick={() =>
                          act.run(async () => {
                            await api.post(`/api/retention/holds/${h.id}/release`, {});
                            data.reload();
                            return t("retention.released");
                          })
                        }
                      >
                        {t("retention.release")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can("retention.holds") && (
        <form className="card" onSubmit={submit}>
          <h3>{t("retention.addHold")}</h3>
          <label>
            {t("retention.kind")}
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {["litigation", "audit", "other_law", "separate_storage"].map((k) => (
                <option key={k} value={k}>
                  {t(`retention.holdKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("retention.target")}
            <select
              value={form.targetType}
              onChange={(e) => setForm({ ...form, targetType: e.target.value })}
            >
              {["record", "case", "registry_file"].map((k) => (
                <option key={k} value={k}>
                  {t(`retention.targetTypes.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("retention.targetId")}
            <input
              required
              value={form.targetId}
              onChange={(e) => setForm({ ...form, targetId: e.target.value })}
            />
          </label>
          <label>
            {t("retention.reason")}
            <input
              required
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
          </label>
          <label>
            {t("retention.reviewOn")}
            <input
              type="date"
              required
              value={form.reviewOn}
              onChange={(e) => setForm({ ...form, reviewOn: e.target.value })}
            />
          </label>
          {form.kind === "separate_storage" && (
            <>
              <label>
                {t("retention.storageLocation")}
                <input
                  value={form.storageLocation}
                  onChange={(e) => setForm({ ...form, storageLocation: e.target.value })}
                />
              </label>
              <fieldset>
                <legend>{t("retention.roles")}</legend>
                {ROLES.map((r) => (
                  <label key={r}>
                    <input
                      type="checkbox"
                      checked={form.roles.includes(r)}
                      onChange={(e) =>
                        setForm({
                          ...form,
                          roles: e.target.checked ? [...form.roles, r] : form.roles.filter((x) => x !== r),
                        })
                      }
                    />
                    {t(`retention.roleNames.${r}`)}
                  </label>
                ))}
              </fieldset>
            </>
          )}
          <button type="submit">{t("retention.addHold")}</button>
        </form>
      )}
    </>
  );
}

export function RetentionPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState("plans");
  return (
    <Page title={t("retention.title")}>
      <p className="muted">{t("retention.intro")}</p>
      <Tabs tab={tab} set={setTab} />
      {tab === "plans" && <PlansTab />}
      {tab === "rules" && <RulesTab />}
      {tab === "certificates" && <CertificatesTab />}
      {tab === "holds" && <HoldsTab />}
    </Page>
  );
}

interface PlanDetail extends Plan {
  counts: Array<{ targetType: string; status: string; n: number }>;
  tasks: Array<{
    id: string;
    kind: string;
    target: string;
    dueOn: string;
    status: string;
    evidenceName: string | null;
  }>;
  records: Cert[];
  targets: Array<{ refNo: string; title: string; status: string }>;
}

export function PlanPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const act = useAct();
  const data = useLoad((signal) => api.get<PlanDetail>(`/api/retention/plans/${id}`, { signal }), [id]);
  const methods = useLoad((signal) => api.get<Method[]>("/api/retention/methods", { signal }), []);
  const units = useLoad(
    (signal) => api.get<Array<{ id: string; nameLocal: string }>>("/api/org/units", { signal }),
    [],
  );
  const [method, setMethod] = useState("");
  const [witness, setWitness] = useState("");
  const [assessment, setAssessment] = useState("");
  const [holdingUnit, setHoldingUnit] = useState("");
  const p = data.data;
  const post = (path: string, body: unknown, msg: (r: unknown) => string) =>
    act.run(async () => {
      const r = await api.post(`/api/retention/plans/${id}/${path}`, body);
      data.reload();
      return msg(r);
    });
  const methodName = (m: Method) => m.names[i18n.language] ?? m.names.en ?? m.code;
  return (
    <Page title={p ? p.number : t("retention.title")}>
      <Link to="/retention">{t("retention.back")}</Link>
      <StatusMessage text={act.message} />
      <ErrorBox text={act.error ?? data.error} />
      {!p && data.loading && <Loading />}
      {p && (
        <>
          <dl className="fields">
            <dt>{t("retention.what")}</dt>
            <dd>
              <PlanWhat p={p} />
            </dd>
            <dt>{t("retention.status")}</dt>
            <dd>{t(`retention.statuses.${p.status}`)}</dd>
            <dt>{t("retention.items")}</dt>
            <dd>{formatNumber(p.itemCount, i18n.language)}</dd>
            <dt>{t("retention.subjects")}</dt>
            <dd>{formatNumber(p.subjectCount, i18n.language)}</dd>
            <dt>{t("retention.created")}</dt>
            <dd>{formatDateTime(p.createdAt, i18n.language, session.agency.timeZone)}</dd>
          </dl>
          {p.status === "draft" && can("retention.manage") && (
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                post("submit", { methodCode: method }, () => t("retention.statuses.submitted"));
              }}
            >
              <label>
                {t("retention.method")}
                <select required value={method} onChange={(e) => setMethod(e.target.value)}>
                  <option value="" />
                  {(methods.data ?? []).map((m) => (
                    <option key={m.code} value={m.code}>
                      {methodName(m)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">{t("retention.submit")}</button>
            </form>
          )}
          {p.status === "submitted" && session.agency.jurisdiction === "TW" && can("retention.manage") && (
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                post("assess", { assessment, holdingUnitId: holdingUnit }, () => t("retention.saved"));
              }}
            >
              <label>
                {t("retention.assessment")}
                <textarea required value={assessment} onChange={(e) => setAssessment(e.target.value)} />
              </label>
              <label>
                {t("retention.holdingUnit")}
                <select required value={holdingUnit} onChange={(e) => setHoldingUnit(e.target.value)}>
                  <option value="" />
                  {(units.data ?? []).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.nameLocal}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">{t("retention.assess")}</button>
            </form>
          )}
          {p.status === "submitted" && can("retention.approve") && (
            <div className="card">
              <label>
                {t("retention.witness")}
                <input value={witness} onChange={(e) => setWitness(e.target.value)} />
              </label>
              <button
                type="button"
                onClick={() =>
                  post("approve", { witness: witness || null }, () => t("retention.statuses.approved"))
                }
              >
                {t("retention.approve")}
              </button>
            </div>
          )}
          {p.status === "approved" && can("retention.execute") && (
            <button
              type="button"
              onClick={() =>
                post("execute", { witness: witness || null }, (r) =>
                  t("retention.executed", {
                    count: (r as { batches: Array<{ items: number }> }).batches.reduce(
                      (s, b) => s + b.items,
                      0,
                    ),
                  }),
                )
              }
            >
              {t("retention.execute")}
            </button>
          )}
          {(p.status === "draft" || p.status === "submitted" || p.status === "approved") &&
            can("retention.manage") && (
              <button
                type="button"
                className="secondary"
                onClick={() => post("cancel", {}, () => t("retention.statuses.cancelled"))}
              >
                {t("retention.cancel")}
              </button>
            )}
          {p.targets.length > 0 && (
            <>
              <h2>{t("retention.targets")}</h2>
              <ul aria-label={t("retention.targets")}>
                {p.targets.map((r) => (
                  <li key={r.refNo}>
                    {r.refNo} · {r.title}
                    {r.status === "destroyed" ? ` · ${t("retention.statuses.done")}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.tasks.length > 0 && (
            <>
              <h2>{t("retention.tasks")}</h2>
              <ul>
                {p.tasks.map((task) => (
                  <li key={task.id}>
                    {t(`retention.taskKinds.${task.kind}`)} · {task.target} ·{" "}
                    {task.status === "open" ? <DateStatus due={task.dueOn} /> : t("retention.done")}
                    {task.status === "open" && p.status === "approved" && can("retention.execute") && (
                      <TaskForm
                        id={task.id}
                        needsEvidence={task.kind === "system_deletion"}
                        onDone={data.reload}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t("retention.tabs.certificates")}</h2>
          <CertTable certs={p.records} lang={i18n.language} t={t} />
        </>
      )}
    </Page>
  );
}

function TaskForm({ id, needsEvidence, onDone }: { id: string; needsEvidence: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const fd = new FormData(e.currentTarget);
    const file = fd.get("file");
    const fields: Record<string, string | Blob> = { note: String(fd.get("note") ?? "") };
    if (file instanceof File && file.size > 0) fields.file = file;
    try {
      await upload(`/api/retention/tasks/${id}/complete`, fields, {
        csrfToken: session.csrfToken,
        locale: i18n.language,
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {t("retention.note")}
        <input name="note" />
      </label>
      {needsEvidence && (
        <label>
          {t("retention.evidence")}
          <input type="file" name="file" required accept="application/pdf,image/png,image/jpeg" />
        </label>
      )}
      <button type="submit">{t("retention.complete")}</button>
      <ErrorBox text={error} />
    </form>
  );
}

/** Staff routes of retention, placed in app.tsx inside the signed-in shell. */
export function retentionRoutes() {
  return [
    <Route
      key="retention"
      path="retention"
      element={
        <RequirePermission permission="retention.read">
          <RetentionPage />
        </RequirePermission>
      }
    />,
    <Route
      key="retention-plan"
      path="retention/plans/:id"
      element={
        <RequirePermission permission="retention.read">
          <PlanPage />
        </RequirePermission>
      }
    />,
  ];
}
