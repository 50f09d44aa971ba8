import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import {
  ControlledForm,
  type Errors,
  LinesInput,
  SelectInput,
  TextInput,
} from "../../components/controlled-form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { LOCALES } from "../../types";
import { useUnits } from "../org/use-units";
import type { Device } from "./types";
import { askReason, useAct } from "./use-act";

type Draft = {
  name: string;
  location: string;
  purpose: string;
  count: string;
  recordingHours: string;
  retentionDays: string;
  managers: string[];
  unitId: string;
  installedOn: string;
  notes: string;
};
const EMPTY: Draft = {
  name: "",
  location: "",
  purpose: "",
  count: "1",
  recordingHours: "24h",
  retentionDays: "30",
  managers: [],
  unitId: "",
  installedOn: "",
  notes: "",
};

/** /registry/devices: the CCTV register (B10) and each device's notice-board text. */
export function DevicesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const act = useAct();
  const { unitOptions } = useUnits();
  const load = useLoad((signal) => api.get<Device[]>("/api/registry/devices", { signal }), []);
  const [editing, setEditing] = useState<Device | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [d, setD] = useState<Draft>(EMPTY);
  const [reason, setReason] = useState("");
  const current = editing && editing !== "new" ? editing : null;
  const open = (x: Device | "new") => {
    setEditing(x);
    setReason("");
    setD(
      x === "new"
        ? EMPTY
        : {
            name: x.name,
            location: x.location,
            purpose: x.purpose,
            count: String(x.count),
            recordingHours: x.recordingHours,
            retentionDays: String(x.retentionDays),
            managers: x.managers.map((m) =>
              [m.name, m.unit ?? "", m.phone ?? ""].join(" | ").replace(/( \| )+$/, ""),
            ),
            unitId: x.unitId ?? "",
            installedOn: x.installedOn ?? "",
            notes: x.notes ?? "",
          },
    );
  };
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setD((c) => ({ ...c, [k]: v }));
  return (
    <Page
      title={t("registry.devices.title")}
      actions={
        can("registry.write") ? (
          <button type="button" className="btn btn-primary" onClick={() => open("new")}>
            {t("registry.devices.create")}
          </button>
        ) : null
      }
    >
      <StatusMessage text={act.status} />
      <ErrorBox text={load.error ?? act.error} />
      {!load.data && load.loading && <Loading />}
      {load.data && load.data.length === 0 && <p>{t("registry.devices.empty")}</p>}
      {load.data && load.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("registry.devices.name")}</th>
                <th scope="col">{t("registry.devices.location")}</th>
                <th scope="col">{t("registry.devices.purpose")}</th>
                <th scope="col">{t("registry.devices.count")}</th>
                <th scope="col">{t("registry.devices.recordingHours")}</th>
                <th scope="col">{t("registry.devices.retentionDays")}</th>
                <th scope="col">{t("registry.common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <td>{x.location}</td>
                  <td>{x.purpose}</td>
                  <td className="num">{x.count}</td>
                  <td>{x.recordingHours}</td>
                  <td className="num">{x.retentionDays}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setNotice(notice === x.id ? null : x.id)}
                    >
                      {t("registry.devices.notice")}
                      <span className="sr-only"> {x.name}</span>
                    </button>
                    {can("registry.write") && (
                      <button type="button" className="btn btn-small" onClick={() => open(x)}>
                        {t("registry.common.edit")}
                        <span className="sr-only"> {x.name}</span>
                      </button>
                    )}
                    {can("registry.delete") && (
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        onClick={() =>
                          void act.run(async () => {
                            if (!window.confirm(t("registry.common.confirmDelete", { name: x.name })))
                              return null;
                            const r = askReason(t("registry.common.deleteReasonPrompt"));
                            if (!r) return null;
                            await api.del(`/api/registry/devices/${x.id}`, { version: x.version, reason: r });
                            load.reload();
                            return t("registry.common.deleted");
                          })
                        }
                      >
                        {t("registry.common.delete")}
                        <span className="sr-only"> {x.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notice && <NoticeBoard deviceId={notice} />}
      {editing && (
        <section className="card" aria-labelledby="dev-form">
          <h2 id="dev-form">{current ? current.name : t("registry.devices.create")}</h2>
          <ControlledForm
            key={current?.id ?? "new"}
            label={current ? current.name : t("registry.devices.create")}
            submitLabel={current ? t("registry.common.save") : t("registry.common.create")}
            onCancel={() => setEditing(null)}
            validate={() => {
              const e: Errors = {};
              for (const k of ["name", "location", "purpose", "recordingHours"] as const)
                if (!d[k].trim()) e[k] = t("form.required");
              for (const k of ["count", "retentionDays"] as const)
                if (!/^\d+$/.test(d[k].trim())) e[k] = t("form.invalidFormat");
              if (current && !reason.trim()) e.reason = t("form.required");
              return e;
            }}
            onSubmit={async () => {
              const body = {
                name: d.name.trim(),
                location: d.location.trim(),
                purpose: d.purpose.trim(),
                count: Number(d.count),
                recordingHours: d.recordingHours.trim(),
                retentionDays: Number(d.retentionDays),
                managers: d.managers.map((l) => {
                  const [name, unit, phone] = l.split("|").map((s) => s.trim());
                  return { name, ...(unit ? { unit } : {}), ...(phone ? { phone } : {}) };
                }),
                unitId: d.unitId || null,
                installedOn: d.installedOn || null,
                notes: d.notes.trim() || null,
              };
              if (current)
                await api.patch(`/api/registry/devices/${current.id}`, {
                  ...body,
                  version: current.version,
                  reason: reason.trim(),
                });
              else
                await api.post(
                  "/api/registry/devices",
                  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)),
                );
              setEditing(null);
              act.setStatus(t("registry.common.saved"));
              load.reload();
            }}
          >
            <TextInput
              name="name"
              required
              maxLength={200}
              label={t("registry.devices.name")}
              value={d.name}
              onChange={set("name")}
            />
            <TextInput
              name="location"
              required
              maxLength={300}
              label={t("registry.devices.location")}
              value={d.location}
              onChange={set("location")}
            />
            <TextInput
              name="purpose"
              required
              maxLength={300}
              label={t("registry.devices.purpose")}
              value={d.purpose}
              onChange={set("purpose")}
            />
            <div className="grid-2">
              <TextInput
                name="count"
                required
                maxLength={5}
                label={t("registry.devices.count")}
                value={d.count}
                onChange={set("count")}
              />
              <TextInput
                name="recordingHours"
                required
                maxLength={100}
                label={t("registry.devices.recordingHours")}
                value={d.recordingHours}
                onChange={set("recordingHours")}
              />
              <TextInput
                name="retentionDays"
                required
                maxLength={5}
                label={t("registry.devices.retentionDays")}
                value={d.retentionDays}
                onChange={set("retentionDays")}
              />
              <TextInput
                name="installedOn"
                type="date"
                label={t("registry.devices.installedOn")}
                value={d.installedOn}
                onChange={set("installedOn")}
              />
            </div>
            <SelectInput
              name="unitId"
              label={t("registry.list.unit")}
              value={d.unitId}
              onChange={set("unitId")}
              emptyLabel={t("registry.common.none")}
              options={unitOptions(d.unitId)}
            />
            <LinesInput
              name="managers"
              label={t("registry.devices.managers")}
              hint={t("registry.devices.managersHint")}
              value={d.managers}
              onChange={set("managers")}
            />
            <TextInput
              name="notes"
              maxLength={500}
              label={t("registry.common.notes")}
              value={d.notes}
              onChange={set("notes")}
            />
            {current && (
              <TextInput
                name="reason"
                required
                maxLength={500}
                label={t("registry.common.reason")}
                hint={t("registry.common.reasonHint")}
                value={reason}
                onChange={setReason}
              />
            )}
          </ControlledForm>
        </section>
      )}
    </Page>
  );
}

/** The generated notice-board text (영상정보처리기기 안내판), in a chosen language, ready to copy. */
function NoticeBoard({ deviceId }: { deviceId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [lang, setLang] = useState(i18n.language);
  const [copied, setCopied] = useState<string | null>(null);
  const load = useLoad(
    (signal) =>
      api.get<{ lang: string; text: string }>(`/api/registry/devices/${deviceId}/notice`, {
        signal,
        query: { lang },
      }),
    [deviceId, lang],
  );
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <div className="card-head">
        <h2 id={`${id}-h`}>{t("registry.devices.notice")}</h2>
        <div className="lang-switch">
          <label htmlFor={`${id}-lang`}>{t("registry.devices.noticeLang")}</label>
          <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox text={load.error} />
      {load.data && (
        <>
          <div className="notice-text" lang={load.data.lang} data-testid="notice-text">
            {load.data.text}
          </div>
          <p>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                void navigator.clipboard
                  ?.writeText(load.data?.text ?? "")
                  .then(() => setCopied(t("registry.devices.copied")));
              }}
            >
              {t("registry.devices.copy")}
            </button>
          </p>
          <StatusMessage text={copied} />
        </>
      )}
    </section>
  );
}
