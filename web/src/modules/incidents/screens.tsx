import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";

const KINDS = [
  "leak",
  "theft",
  "loss",
  "alteration",
  "unauthorised_access",
  "ransomware",
  "misdelivery",
] as const;

interface Row {
  id: string;
  number: string;
  title: string;
  kind: string;
  status: string;
  detectedAt: string;
  subjectCount: number | null;
}
interface Clock {
  code: string;
  name: string;
  applies: boolean;
  state: string;
  citation: string;
  verify: boolean;
  dueText: string;
  reasons: string[];
  explanation: string;
}
interface Detail extends Row {
  automated: boolean;
  timeZone: string;
  routing: { text: string; source: string } | null;
  clocks: Clock[];
  files: { id: string; name: string; subjectCount: number | null }[];
  register: { subjectCount: number | null; itemCount: number; items: string[] };
  checklist: {
    code: string;
    name: string;
    source: string | null;
    startedAt: string | null;
    doneAt: string | null;
    doneByName: string | null;
    note: string | null;
  }[];
  notes: { id: string; text: string; by: string | null; at: string }[];
  evidence: { id: string; filename: string; size: number }[];
  actions: { id: string; title: string; ownerName: string | null; dueOn: string; doneAt: string | null }[];
  details: { description?: string | null };
}

function useFmt() {
  const { i18n } = useTranslation();
  const { session } = useSession() as unknown as { session?: { agency?: { timeZone?: string } } };
  const tz = session?.agency?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (iso: string | null) => formatDateTime(iso, i18n.language, tz);
}

export function IncidentListPage() {
  const { t } = useTranslation();
  const fmt = useFmt();
  const list = useLoad((signal) => api.get<Row[]>("/api/incidents", { signal }), []);
  return (
    <Page title={t("incidents.title")} actions={<Link to="/incidents/new">{t("incidents.new")}</Link>}>
      <ErrorBox text={list.error} />
      {!list.data ? (
        <Loading />
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("incidents.number")}</th>
              <th>{t("incidents.titleField")}</th>
              <th>{t("incidents.kindField")}</th>
              <th>{t("incidents.detectedAt")}</th>
              <th>{t("incidents.statusField")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/incidents/${r.id}`}>{r.number}</Link>
                </td>
                <td>{r.title}</td>
                <td>{t(`incidents.kind.${r.kind}`)}</td>
                <td>{fmt(r.detectedAt)}</td>
                <td>{t(`incidents.status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

export function IncidentNewPage() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const files = useLoad(
    (signal) =>
      api.get<{ items?: { id: string; name: string }[] } | { id: string; name: string }[]>(
        "/api/registry/files",
        { signal },
      ),
    [],
  );
  const fileList = Array.isArray(files.data) ? files.data : (files.data?.items ?? []);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      const r = await api.post<{ id: string }>("/api/incidents", {
        title: f.get("title"),
        kind: f.get("kind"),
        automated: f.get("automated") === "on",
        detectedAt: new Date(String(f.get("detectedAt"))).toISOString(),
        description: f.get("description") || null,
        externalAccess: f.get("externalAccess") === "on",
        fileIds: f.getAll("fileIds"),
      });
      nav(`/incidents/${r.id}`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Page title={t("incidents.new")}>
      <ErrorBox text={error} />
      <form onSubmit={submit} className="form">
        <label>
          {t("incidents.titleField")} <input name="title" required maxLength={200} />
        </label>
        <label>
          {t("incidents.kindField")}
          <select name="kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`incidents.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="automated" /> {t("incidents.automated")}
        </label>
        <label>
          <input type="checkbox" name="externalAccess" /> {t("incidents.externalAccess")}
        </label>
        <label>
          {t("incidents.detectedAt")} <input type="datetime-local" name="detectedAt" required />
        </label>
        <label>
          {t("incidents.description")} <textarea name="description" maxLength={4000} />
        </label>
        <fieldset>
          <legend>{t("incidents.files")}</legend>
          {fileList.map((f) => (
            <label key={f.id}>
              <input type="checkbox" name="fileIds" value={f.id} /> {f.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("incidents.report")}</button>
      </form>
    </Page>
  );
}

export function IncidentDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const fmt = useFmt();
  const { can } = useSession();
  const d = useLoad((signal) => api.get<Detail>(`/api/incidents/${id}`, { signal }), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      setStatus(t("incidents.saved"));
      d.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [scope, setScope] = useState<
    { actorLabel: string | null; reads: number; exports: number; total: number }[] | null
  >(null);
  if (!d.data)
    return <Page title={t("incidents.title")}>{d.error ? <ErrorBox text={d.error} /> : <Loading />}</Page>;
  const i = d.data;
  const window = () => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  const manage = can("incidents.manage");
  return (
    <Page title={`${i.number} ${i.title}`}>
      <StatusMessage text={status} />
      <ErrorBox text={error} />
      <p>
        {t(`incidents.kind.${i.kind}`)} · {t(i.automated ? "incidents.automated" : "incidents.manual")} ·{" "}
        {t("incidents.detectedAt")}: {fmt(i.detectedAt)} · {t(`incidents.status.${i.status}`)}
      </p>
      {i.routing && <p className="hint">{i.routing.text}</p>}
      <p>
        {t("incidents.estimate", { subjects: i.subjectCount ?? "?", items: i.register.itemCount })}{" "}
        {i.files.map((f) => f.name).join(", ")}
      </p>
      <h2>{t("incidents.clocks")}</h2>
      <ul data-testid="incident-clocks">
        {i.clocks.map((c) => (
          <li key={c.code}>
            <strong>{c.name}</strong> — {t(`incidents.state.${c.state}`)} — {c.dueText}
            {c.verify && <em> ({t("incidents.verify")})</em>}
            <br />
            <small>{c.explanation}</small>
            <ul>
              {c.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {manage && c.applies && c.state !== "met" && (
              <button
                type="button"
                onClick={() => act(() => api.post(`/api/incidents/${i.id}/clocks/${c.code}`, {}))}
              >
                {t("incidents.markMet")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>{t("incidents.checklist")}</h2>
      <ol>
        {i.checklist.map((c) => (
          <li key={c.code}>
            <label>
              <input
                type="checkbox"
                disabled={!manage}
                checked={!!c.doneAt}
                onChange={(e) =>
                  act(() =>
                    api.patch(`/api/incidents/${i.id}/checklist/${c.code}`, { done: e.target.checked }),
                  )
                }
              />{" "}
              {c.name}
            </label>{" "}
            {manage && !c.startedAt && !c.doneAt && (
              <button
                type="button"
                onClick={() =>
                  act(() => api.patch(`/api/incidents/${i.id}/checklist/${c.code}`, { started: true }))
                }
              >
                {t("incidents.start")}
              </button>
            )}
            {c.startedAt && !c.doneAt && <small>{t("incidents.startedAt", { at: fmt(c.startedAt) })}</small>}
            {c.doneAt && (
              <small>
                {c.doneByName} {fmt(c.doneAt)}
              </small>
            )}
          </li>
        ))}
      </ol>
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = String(new FormData(e.currentTarget).get("text") ?? "");
            act(() => api.post(`/api/incidents/${i.id}/notes`, { text }));
          }}
        >
          <label>
            {t("incidents.note")} <textarea name="text" required maxLength={4000} />
          </label>
          <button type="submit">{t("incidents.add")}</button>
        </form>
      )}
      <ul>
        {i.notes.map((n) => (
          <li key={n.id}>
            {fmt(n.at)} {n.by}: {n.text}
          </li>
        ))}
      </ul>
      <h3>{t("incidents.evidence")}</h3>
      <ul>
        {i.evidence.map((e) => (
          <li key={e.id}>
            <a href={`/api/incidents/${i.id}/evidence/${e.id}`}>{e.filename}</a>
          </li>
        ))}
      </ul>
      {can("incidents.scope") && (
        <section>
          <h2>{t("incidents.scope")}</h2>
          <label>
            {t("incidents.from")}{" "}
            <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t("incidents.to")}{" "}
            <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!from || !to}
            onClick={() =>
              act(async () =>
                setScope(
                  (
                    await api.get<{ accounts: NonNullable<typeof scope> }>(`/api/incidents/${i.id}/scope`, {
                      query: window(),
                    })
                  ).accounts,
                ),
              )
            }
          >
            {t("incidents.showScope")}
          </button>
          {from && to && (
            <a href={`/api/incidents/${i.id}/scope.xlsx?${new URLSearchParams(window()).toString()}`}>xlsx</a>
          )}
          {scope && (
            <table className="data-table">
              <tbody>
                {scope.map((s) => (
                  <tr key={s.actorLabel ?? "-"}>
                    <td>{s.actorLabel}</td>
                    <td>{t("incidents.reads", { n: s.reads })}</td>
                    <td>{t("incidents.exports", { n: s.exports })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {can("incidents.notify") && <NotifySection id={i.id} act={act} />}
      <h2>{t("incidents.actions")}</h2>
      <ul>
        {i.actions.map((a) => (
          <li key={a.id}>
            {a.title} — {a.ownerName ?? "-"} — {a.dueOn} {a.doneAt ? `✓ ${fmt(a.doneAt)}` : ""}
            {manage && !a.doneAt && (
              <button
                type="button"
                onClick={() => act(() => api.post(`/api/incidents/${i.id}/actions/${a.id}/done`, {}))}
              >
                {t("incidents.done")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            act(() =>
              api.post(`/api/incidents/${i.id}/actions`, { title: f.get("title"), dueOn: f.get("dueOn") }),
            );
          }}
        >
          <input name="title" required maxLength={300} aria-label={t("incidents.actionTitle")} />
          <input type="date" name="dueOn" required aria-label={t("incidents.dueOn")} />
          <button type="submit">{t("incidents.add")}</button>
        </form>
      )}
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            act(() =>
              api.put(`/api/incidents/${i.id}/review`, {
                rootCause: f.get("rootCause"),
                lessons: f.get("lessons") || null,
              }),
            );
          }}
        >
          <h2>{t("incidents.review")}</h2>
          <textarea name="rootCause" required maxLength={4000} aria-label={t("incidents.rootCause")} />
          <textarea name="lessons" maxLength={4000} aria-label={t("incidents.lessons")} />
          <button type="submit">{t("incidents.save")}</button>
        </form>
      )}
    </Page>
  );
}

function NotifySection({ id, act }: { id: string; act: (f: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const log = useLoad(
    (signal) =>
      api.get<{
        counts: Record<string, number>;
        rows: {
          id: string;
          channel: string;
          addressMasked: string;
          status: string;
          letterId: string | null;
          letterNumber: string | null;
        }[];
      }>(`/api/incidents/${id}/deliveries`, { signal }),
    [id],
  );
  const parts = ["facts", "measures", "advice", "contact", "compensation"] as const;
  return (
    <section data-testid="incident-notify">
      <h2>{t("incidents.notify")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          act(() =>
            api.put(`/api/incidents/${id}/notice`, Object.fromEntries(parts.map((p) => [p, f.get(p)]))),
          );
        }}
      >
        {parts.map((p) => (
          <label key={p}>
            {t(`incidents.notice.${p}`)} <textarea name={p} required maxLength={4000} />
          </label>
        ))}
        <button type="submit">{t("incidents.save")}</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const lines = String(new FormData(e.currentTarget).get("list") ?? "")
            .split("\n")
            .map((l) => l.split(",").map((x) => x.trim()))
            .filter((l) => l[0]);
          act(async () => {
            await api.post(`/api/incidents/${id}/recipients`, {
              recipients: lines.map(([name, address]) =>
                address?.includes("@") ? { name, email: address } : { name, postalAddress: address },
              ),
            });
            log.reload();
          });
        }}
      >
        <label>
          {t("incidents.recipients")} <textarea name="list" placeholder={t("incidents.recipientsHint")} />
        </label>
        <button type="submit">{t("incidents.add")}</button>
      </form>
      <button
        type="button"
        onClick={() =>
          act(async () => {
            await api.post(`/api/incidents/${id}/notify`, {});
            log.reload();
          })
        }
      >
        {t("incidents.send")}
      </button>{" "}
      <a href={`/api/incidents/${id}/report.pdf`}>{t("incidents.reportPdf")}</a>
      {log.data && (
        <p>
          {Object.entries(log.data.counts)
            .map(([k, n]) => `${t(`incidents.delivery.${k}`)}: ${n}`)
            .join(" · ")}
        </p>
      )}
      <ul>
        {log.data?.rows.map((r) => (
          <li key={r.id}>
            {r.addressMasked} — {t(`incidents.delivery.${r.status}`)}
            {r.letterId && (
              <>
                {" "}
                <a href={`/api/incidents/${id}/deliveries/${r.id}/letter.pdf`} download>
                  {t("incidents.letterPdf", { number: r.letterNumber })}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
