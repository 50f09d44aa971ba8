import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, buildUrl } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { MEDIA, type RecordRow, useClasses, useDay, useSeries } from "./common";
import { RecordTable } from "./records-pages";

function useAct() {
  const errorText = useErrorText();
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setErr(null);
    try {
      await f();
      setMsg(ok);
    } catch (x) {
      setErr(errorText(x));
    }
  };
  return { msg, err, run };
}

/** /records/transfers: held records due for transfer to the archive; transfer the chosen ones. */
export function TransferDuePage() {
  const { t } = useTranslation();
  const day = useDay();
  const { can } = useSession();
  const { className, verify } = useClasses();
  const load = useLoad((signal) => api.get<RecordRow[]>("/api/records/transfers/due", { signal }), []);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [loc, setLoc] = useState("");
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const act = useAct();
  const toggle = (id: string) => {
    const n = new Set(chosen);
    n.has(id) ? n.delete(id) : n.add(id);
    setChosen(n);
  };
  return (
    <Page title={t("records.page.transfers")}>
      {verify && <p className="hint">{t("records.msg.verify")}</p>}
      <ErrorBox text={load.error ?? act.err} />
      <StatusMessage text={act.msg} />
      {load.loading ? (
        <Loading />
      ) : (
        <RecordTable
          rows={load.data ?? []}
          day={day}
          className={className}
          select={can("records.write") ? { chosen, toggle } : undefined}
        />
      )}
      {can("records.write") && chosen.size > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run(async () => {
              await api.post("/api/records/transfers", {
                recordIds: [...chosen],
                transferredOn: on,
                archiveLocation: loc,
              });
              setChosen(new Set());
              load.reload();
            }, t("records.msg.saved"));
          }}
        >
          <label>
            {t("records.field.archiveLocation")}
            <input required maxLength={200} value={loc} onChange={(e) => setLoc(e.target.value)} />
          </label>
          <label>
            {t("records.field.asOf")}
            <input type="date" required value={on} onChange={(e) => setOn(e.target.value)} />
          </label>
          <button type="submit" className="btn primary">
            {t("records.action.transfer")}
          </button>
        </form>
      )}
    </Page>
  );
}

interface ReviewRow {
  review: { id: string; decision: string; newClass: string | null; reason: string; status: string };
  refNo: string;
  title: string;
}

/** /records/reviews: records past their retention -> propose keep / reclassify / destroy -> approve. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const day = useDay();
  const { can } = useSession();
  const { classes, className, verify } = useClasses();
  const due = useLoad((signal) => api.get<RecordRow[]>("/api/records/reviews/due", { signal }), []);
  const open = useLoad(
    (signal) => api.get<ReviewRow[]>("/api/records/reviews", { signal, query: { status: "proposed" } }),
    [],
  );
  const act = useAct();
  const [f, setF] = useState({ recordId: "", decision: "keep", newClass: "", reason: "" });
  return (
    <Page title={t("records.page.reviews")}>
      {verify && <p className="hint">{t("records.msg.verify")}</p>}
      <ErrorBox text={due.error ?? open.error ?? act.err} />
      <StatusMessage text={act.msg} />
      <h2>{t("records.page.expired")}</h2>
      {due.loading ? <Loading /> : <RecordTable rows={due.data ?? []} day={day} className={className} />}
      {can("records.review.propose") && (due.data?.length ?? 0) > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run(async () => {
              await api.post("/api/records/reviews", { ...f, newClass: f.newClass || null });
              open.reload();
            }, t("records.msg.saved"));
          }}
        >
          <label>
            {t("records.field.refNo")}
            <select required value={f.recordId} onChange={(e) => setF({ ...f, recordId: e.target.value })}>
              <option value="" />
              {(due.data ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.refNo} {r.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("records.field.decision")}
            <select value={f.decision} onChange={(e) => setF({ ...f, decision: e.target.value })}>
              {["keep", "reclassify", "destroy"].map((d) => (
                <option key={d} value={d}>
                  {t(`records.decision.${d}`)}
                </option>
              ))}
            </select>
          </label>
          {f.decision === "reclassify" && (
            <label>
              {t("records.field.newClass")}
              <select required value={f.newClass} onChange={(e) => setF({ ...f, newClass: e.target.value })}>
                <option value="" />
                {classes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {className(c.code)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t("records.field.reason")}
            <textarea
              required
              maxLength={2000}
              value={f.reason}
              onChange={(e) => setF({ ...f, reason: e.target.value })}
            />
          </label>
          <button type="submit" className="btn primary">
            {t("records.action.propose")}
          </button>
        </form>
      )}
      <h2>{t("records.page.open")}</h2>
      <ul>
        {(open.data ?? []).map((r) => (
          <li key={r.review.id}>
            {r.refNo} {r.title} · {t(`records.decision.${r.review.decision}`)}
            {r.review.newClass ? ` → ${className(r.review.newClass)}` : ""} · {r.review.reason}{" "}
            {can("records.review.approve") && (
              <button
                type="button"
                className="btn"
                onClick={() =>
                  void act.run(async () => {
                    await api.post(`/api/records/reviews/${r.review.id}/approve`);
                    open.reload();
                    due.reload();
                  }, t("records.msg.saved"))
                }
              >
                {t("records.action.approve")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}

interface Line {
  seriesId: string;
  registered: number;
  counted: number;
  held: number;
  missing: number;
  unregistered: number;
}

/** /records/inventory: counts per series against the register (J3). */
export function InventoryPage() {
  const { t } = useTranslation();
  const { series } = useSeries();
  const reg = useLoad(
    (signal) =>
      api.get<Array<{ seriesId: string; code: string; title: string; registered: number }>>(
        "/api/records/inventory/register",
        { signal },
      ),
    [],
  );
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [found, setFound] = useState("");
  const [result, setResult] = useState<{
    result: string;
    lines: Line[];
    items: Record<string, string[]> | null;
  } | null>(null);
  const act = useAct();
  const title = (id: string) => series.find((s) => s.id === id)?.title ?? "";
  const rows = reg.data ?? [];
  return (
    <Page title={t("records.page.inventory")}>
      <ErrorBox text={reg.error ?? act.err} />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void act.run(async () => {
            const entered = rows.filter((r) => counts[r.seriesId] !== undefined && counts[r.seriesId] !== "");
            const refNos = found
              .split("\n")
              .map((x) => x.trim())
              .filter(Boolean);
            setResult(
              await api.post("/api/records/inventory-checks", {
                checkedOn: new Date().toISOString().slice(0, 10),
                counts: entered.map((r) => ({ seriesId: r.seriesId, counted: Number(counts[r.seriesId]) })),
                ...(refNos.length ? { foundRefNos: refNos } : {}),
              }),
            );
          }, t("records.msg.saved"));
        }}
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("records.field.series")}</th>
              <th scope="col">{t("records.field.registered")}</th>
              <th scope="col">{t("records.field.counted")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seriesId}>
                <td>
                  {r.code} {r.title}
                </td>
                <td>{r.registered}</td>
                <td>
                  <input
                    type="number"
                    min={0}
                    aria-label={`${r.code} ${t("records.field.counted")}`}
                    value={counts[r.seriesId] ?? ""}
                    onChange={(e) => setCounts({ ...counts, [r.seriesId]: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label>
          {t("records.msg.foundRefNos")}
          <textarea value={found} onChange={(e) => setFound(e.target.value)} />
        </label>
        <button type="submit" className="btn primary">
          {t("records.action.check")}
        </button>
      </form>
      {result && (
        <section>
          <h2>{t(`records.result.${result.result}`)}</h2>
          <table className="table">
            <thead>
              <tr>
                {["series", "registered", "counted", "held", "missing", "unregistered"].map((k) => (
                  <th scope="col" key={k}>
                    {t(`records.field.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.lines.map((l) => (
                <tr key={l.seriesId}>
                  <td>{title(l.seriesId)}</td>
                  <td>{l.registered}</td>
                  <td>{l.counted}</td>
                  <td>{l.held}</td>
                  <td>{l.missing}</td>
                  <td>{l.unregistered}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.items && (
            <p>
              {t("records.field.missing")}: {result.items.missing.join(", ") || "—"} ·{" "}
              {t("records.field.unregistered")}: {result.items.unregistered.join(", ") || "—"}
            </p>
          )}
        </section>
      )}
    </Page>
  );
}

interface Holdings {
  asOf: string;
  classes: string[];
  media: string[];
  cells: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  colTotals: Record<string, number>;
  total: number;
}

/** /records/holdings: K5 table as of a date, printable, with xlsx. */
export function HoldingsPage() {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const { className } = useClasses();
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const load = useLoad(
    (signal) => api.get<Holdings>("/api/records/stats/holdings", { signal, query: { asOf } }),
    [asOf],
  );
  const n = (x: number) => new Intl.NumberFormat(i18n.language).format(x);
  const h = load.data;
  return (
    <Page
      title={t("records.page.holdings")}
      actions={
        <>
          <a className="btn" href={buildUrl("/api/records/stats/holdings.xlsx", { asOf })} download>
            {t("records.action.xlsx")}
          </a>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t("records.action.print")}
          </button>
        </>
      }
    >
      <label>
        {t("records.field.asOf")}
        <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
      </label>
      <ErrorBox text={load.error} />
      {h && (
        <table className="table">
          <caption>
            {t("records.page.holdings")} ({day(h.asOf)}) — {t("records.msg.holdingsNote")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("records.field.medium")}</th>
              <th scope="col">{t("records.field.total")}</th>
              {h.classes.map((c) => (
                <th scope="col" key={c}>
                  {className(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MEDIA.map((m) => (
              <tr key={m}>
                <th scope="row">{t(`records.medium.${m}`)}</th>
                <td>{n(h.rowTotals[m] ?? 0)}</td>
                {h.classes.map((c) => (
                  <td key={c}>{h.cells[m]?.[c] ? n(h.cells[m][c]) : ""}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("records.field.total")}</th>
              <td>{n(h.total)}</td>
              {h.classes.map((c) => (
                <td key={c}>{n(h.colTotals[c] ?? 0)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </Page>
  );
}
