import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useDay } from "./format";

const KINDS = ["birth", "marriage", "transfer", "death", "divorce", "other"] as const;
const CHANNELS = ["post", "phone", "sms", "email", "in_person"] as const;

interface Filing {
  id: string;
  kind: (typeof KINDS)[number];
  filedOn: string;
  reference: string | null;
  applicant: { name: string; contact: string | null } | null;
  noticeOn: string | null;
  noticeChannel: (typeof CHANNELS)[number] | null;
}
interface Report {
  year: number;
  rows: Array<{ kind: string; quarters: number[]; total: number; notified: number }>;
  total: number[];
  grandTotal: number;
  notified: number;
}

/** Family-register filings (I7, K7): the log, the outcome notice per filing, and the report by kind. */
export function FamilyRegisterPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const day = useDay();
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useLoad(
    (signal) =>
      api.get<Filing[]>("/api/civil/family-register", {
        signal,
        query: { from: `${year}-01-01`, to: `${year}-12-31` },
      }),
    [year],
  );
  const report = useLoad(
    (signal) => api.get<Report>("/api/civil/family-register/report", { signal, query: { year } }),
    [year],
  );
  const [status, setStatus] = useState<string | null>(null);
  const [noticeFor, setNoticeFor] = useState<string | null>(null);
  const mayWrite = can("civil.family_register.write");
  const reload = () => {
    list.reload();
    report.reload();
  };
  return (
    <Page title={t("civil.family.title")}>
      <p className="hint">{t("civil.family.intro")}</p>
      <StatusMessage text={status} />
      <ErrorBox text={list.error ?? report.error} />
      <Form
        label={t("civil.family.year")}
        submitLabel={t("civil.common.apply")}
        onSubmit={async (v) => setYear(Number(v.year))}
      >
        <Field
          name="year"
          type="number"
          min={1900}
          max={2200}
          label={t("civil.family.year")}
          defaultValue={String(year)}
          required
        />
      </Form>
      {report.data && (
        <section className="card" aria-labelledby="fr-report">
          <h2 id="fr-report">{t("civil.family.report")}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("civil.family.kind")}</th>
                  {[1, 2, 3, 4].map((q) => (
                    <th scope="col" key={q}>
                      {t("civil.family.quarter", { q })}
                    </th>
                  ))}
                  <th scope="col">{t("civil.family.total")}</th>
                  <th scope="col">{t("civil.family.notified")}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((r) => (
                  <tr key={r.kind}>
                    <th scope="row">{t(`civil.family.kinds.${r.kind}`)}</th>
                    {r.quarters.map((n, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: four fixed quarters
                      <td key={i}>{n}</td>
                    ))}
                    <td>{r.total}</td>
                    <td>{r.notified}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("civil.family.total")}</th>
                  {report.data.total.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: four fixed quarters
                    <td key={i}>{n}</td>
                  ))}
                  <td>{report.data.grandTotal}</td>
                  <td>{report.data.notified}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      )}
      {mayWrite && (
        <section className="card" aria-labelledby="fr-new">
          <h2 id="fr-new">{t("civil.family.new")}</h2>
          <Form
            label={t("civil.family.new")}
            submitLabel={t("civil.common.save")}
            resetOnSuccess
            onSubmit={async (v) => {
              await api.post("/api/civil/family-register", {
                kind: v.kind,
                filedOn: v.filedOn,
                reference: v.reference || null,
                applicant: v.applicantName
                  ? { name: v.applicantName, contact: v.applicantContact || null }
                  : null,
              });
              setStatus(t("civil.family.saved"));
              reload();
            }}
          >
            <SelectField
              name="kind"
              label={t("civil.family.kind")}
              required
              emptyLabel={t("common.choose")}
              options={KINDS.map((k) => ({ value: k, label: t(`civil.family.kinds.${k}`) }))}
            />
            <Field name="filedOn" type="date" label={t("civil.family.filedOn")} required />
            <Field name="reference" label={t("civil.family.reference")} maxLength={60} />
            <Field
              name="applicantName"
              label={t("civil.family.applicantName")}
              maxLength={200}
              autoComplete="off"
            />
            <Field
              name="applicantContact"
              label={t("civil.family.applicantContact")}
              maxLength={200}
              autoComplete="off"
            />
          </Form>
        </section>
      )}
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <p>{t("civil.common.empty")}</p>}
      {!!list.data?.length && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("civil.family.filedOn")}</th>
                <th scope="col">{t("civil.family.kind")}</th>
                <th scope="col">{t("civil.family.reference")}</th>
                <th scope="col">{t("civil.family.applicant")}</th>
                <th scope="col">{t("civil.family.notice")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((f) => (
                <tr key={f.id}>
                  <td>{day(f.filedOn)}</td>
                  <td>{t(`civil.family.kinds.${f.kind}`)}</td>
                  <td>{f.reference ?? ""}</td>
                  <td>
                    {f.applicant ? [f.applicant.name, f.applicant.contact].filter(Boolean).join(" · ") : ""}
                  </td>
                  <td>
                    {f.noticeOn ? (
                      `${day(f.noticeOn)} (${t(`civil.family.channels.${f.noticeChannel}`)})`
                    ) : noticeFor === f.id ? (
                      <Form
                        label={t("civil.family.recordNotice")}
                        submitLabel={t("civil.family.recordNotice")}
                        onCancel={() => setNoticeFor(null)}
                        onSubmit={async (v) => {
                          await api.post(`/api/civil/family-register/${f.id}/notice`, {
                            noticeOn: v.noticeOn,
                            channel: v.channel,
                          });
                          setNoticeFor(null);
                          setStatus(t("civil.family.saved"));
                          reload();
                        }}
                      >
                        <Field name="noticeOn" type="date" label={t("civil.family.noticeOn")} required />
                        <SelectField
                          name="channel"
                          label={t("civil.family.channel")}
                          required
                          emptyLabel={t("common.choose")}
                          options={CHANNELS.map((c) => ({
                            value: c,
                            label: t(`civil.family.channels.${c}`),
                          }))}
                        />
                      </Form>
                    ) : (
                      <>
                        {t("civil.family.notNotified")}{" "}
                        {mayWrite && (
                          <button type="button" className="btn" onClick={() => setNoticeFor(f.id)}>
                            {t("civil.family.recordNotice")}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
