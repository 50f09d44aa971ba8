import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, SelectField, TextAreaField } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useAgencyStaff } from "../cases/case-list-page";
import { useUnits } from "../org/use-units";
import type { PetitionDetail } from "./types";

const OPEN = ["received", "identity_check", "in_review", "extended", "waiting_requester"];

/** I5: the petition guardian, named while open and shown until the case closes. */
export function GuardianPanel({ p, onDone }: { p: PetitionDetail; onDone(msg: string): void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const allStaff = useAgencyStaff(can("org.staff.read"));
  // I5: the designated guardians of the civil roster are offered (those designated today); the officer may
  // still name any active staff member, listed after them.
  const roster = useLoad(
    (signal) =>
      can("civil.roster.read")
        ? api.get<Array<{ staffId: string; displayName: string }>>("/api/civil/roster/guardians", { signal })
        : Promise.resolve([]),
    [],
  );
  const designated = roster.data ?? [];
  const ids = new Set(designated.map((g) => g.staffId));
  const options = [
    ...designated.map((g) => ({
      value: g.staffId,
      label: `${g.displayName} · ${t("petitions.guardian.designated")}`,
    })),
    ...allStaff.filter((x) => !ids.has(x.id)).map((x) => ({ value: x.id, label: x.displayName })),
  ];
  const closed = !OPEN.includes(p.case.state) && !["decided", "notified"].includes(p.case.state);
  return (
    <section className="card" aria-labelledby="pt-guardian">
      <h2 id="pt-guardian">{t("petitions.guardian.title")}</h2>
      {p.guardian ? (
        <p>
          <strong>{p.guardian.name}</strong>
          {p.guardian.since && (
            <span className="muted">
              {" "}
              ·{" "}
              {t("petitions.guardian.since", {
                date: formatDateTime(p.guardian.since, i18n.language, p.case.timeZone),
              })}
            </span>
          )}
        </p>
      ) : (
        <p className="muted">{t("petitions.guardian.none")}</p>
      )}
      {!closed && can("petitions.guardian") && options.length > 0 && (
        <Form
          label={t("petitions.guardian.assign")}
          submitLabel={t("petitions.guardian.assign")}
          onSubmit={async (v) => {
            await api.put(`/api/petitions/${p.case.id}/guardian`, { staffId: v.staffId });
            onDone(t("petitions.guardian.assign"));
          }}
          extraActions={
            p.guardian ? (
              <button
                type="button"
                className="btn"
                onClick={async () => {
                  await api.del(`/api/petitions/${p.case.id}/guardian`);
                  onDone(t("petitions.guardian.release"));
                }}
              >
                {t("petitions.guardian.release")}
              </button>
            ) : null
          }
        >
          <SelectField
            name="staffId"
            label={t("petitions.guardian.staff")}
            required
            emptyLabel={t("common.choose")}
            options={options}
          />
        </Form>
      )}
    </section>
  );
}

/** Transfer to another unit of this agency (clock goes on) or to another agency (이송). */
export function TransferPanel({ p, onDone }: { p: PetitionDetail; onDone(msg: string): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { unitOptions } = useUnits();
  if (!OPEN.includes(p.case.state)) return null;
  return (
    <>
      {can("petitions.process") && (
        <section className="card" aria-labelledby="pt-unit">
          <h2 id="pt-unit">{t("petitions.transfer.unitTitle")}</h2>
          <Form
            label={t("petitions.transfer.unitTitle")}
            submitLabel={t("petitions.transfer.unitSubmit")}
            onSubmit={async (v) => {
              await api.post(`/api/petitions/${p.case.id}/transfer-unit`, {
                unitId: v.unitId,
                reason: v.reason,
              });
              onDone(t("petitions.transfer.done"));
            }}
          >
            <SelectField
              name="unitId"
              label={t("petitions.transfer.unit")}
              required
              emptyLabel={t("common.choose")}
              options={unitOptions()}
            />
            <Field name="reason" label={t("petitions.transfer.reason")} required />
          </Form>
        </section>
      )}
      {can("petitions.decide") && (
        <section className="card" aria-labelledby="pt-agency">
          <h2 id="pt-agency">{t("petitions.transfer.agencyTitle")}</h2>
          <Form
            label={t("petitions.transfer.agencyTitle")}
            submitLabel={t("petitions.transfer.agencySubmit")}
            onSubmit={async (v) => {
              await api.post(`/api/petitions/${p.case.id}/transfer-agency`, {
                to: v.to,
                reason: v.reason,
                version: p.case.version,
              });
              onDone(t("petitions.transfer.done"));
            }}
          >
            <Field name="to" label={t("petitions.transfer.to")} required />
            <Field name="reason" label={t("petitions.transfer.reason")} required />
          </Form>
        </section>
      )}
    </>
  );
}

/** The answer: outcome and text; the letter goes out in the petitioner's language. */
export function AnswerPanel({ p, onDone }: { p: PetitionDetail; onDone(msg: string): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can("petitions.decide") || !["received", "in_review", "extended"].includes(p.case.state)) return null;
  return (
    <section className="card" aria-labelledby="pt-answer">
      <h2 id="pt-answer">{t("petitions.answer.title")}</h2>
      <Form
        label={t("petitions.answer.title")}
        submitLabel={t("petitions.answer.submit")}
        onSubmit={async (v) => {
          await api.post(`/api/petitions/${p.case.id}/answer`, {
            outcome: v.outcome,
            summary: v.summary,
            version: p.case.version,
          });
          onDone(t("petitions.answer.done"));
        }}
      >
        <SelectField
          name="outcome"
          label={t("petitions.answer.outcome")}
          required
          emptyLabel={t("common.choose")}
          options={["granted", "partly", "refused"].map((o) => ({
            value: o,
            label: t(`petitions.answer.${o}`),
          }))}
        />
        <TextAreaField name="summary" label={t("petitions.answer.summary")} required rows={5} />
      </Form>
    </section>
  );
}
