import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import {
  Field,
  Form,
  nullIfEmpty,
  SelectField,
  TextAreaField,
  useErrorText,
  withoutEmpty,
} from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { COMMITTEE_KINDS, type Committee, MEMBER_POSITIONS, type Staff } from "../../types";
import { useUnits } from "./use-units";

/** Committees (TW execution group, audit team) and KR officer lists, with their members. */
export function CommitteesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const errorText = useErrorText();
  const list = useLoad((signal) => api.get<Committee[]>("/api/org/committees", { signal }), []);
  const units = useUnits();
  const staff = useLoad(
    (signal) =>
      can("org.staff.read") ? api.get<Staff[]>("/api/org/staff", { signal }) : Promise.resolve([]),
    [],
  );
  const [editing, setEditing] = useState<Committee | "new" | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const mayWrite = can("org.committees.write");
  const name = (c: Committee) => (i18n.language === "en" && c.nameEn ? c.nameEn : c.nameLocal);
  const staffName = (id: string | null) => staff.data?.find((s) => s.id === id)?.displayName ?? "";

  const current = editing && editing !== "new" ? editing : null;
  return (
    <Page
      title={t("org.committees.title")}
      actions={
        mayWrite ? (
          <button type="button" className="btn btn-primary" onClick={() => setEditing("new")}>
            {t("org.committees.create")}
          </button>
        ) : null
      }
    >
      <p className="hint">{t("org.committees.intro")}</p>
      <StatusMessage text={status} />
      <ErrorBox text={list.error ?? actionError} />
      {editing && (
        <section className="card" aria-labelledby="committee-form-title">
          <h2 id="committee-form-title">
            {current ? t("org.committees.editTitle") : t("org.committees.create")}
          </h2>
          <Form
            key={current?.id ?? "new"}
            label={current ? t("org.committees.editTitle") : t("org.committees.create")}
            submitLabel={current ? t("common.save") : t("org.committees.create")}
            onCancel={() => setEditing(null)}
            onSubmit={async (v) => {
              if (current)
                await api.patch(`/api/org/committees/${current.id}`, {
                  kind: v.kind,
                  ...nullIfEmpty(v, ["nameLocal", "nameEn", "mandate"]),
                });
              else
                await api.post("/api/org/committees", {
                  kind: v.kind,
                  nameLocal: v.nameLocal,
                  ...withoutEmpty(v, ["nameEn", "mandate"]),
                });
              setEditing(null);
              setStatus(t("common.saved"));
              list.reload();
            }}
          >
            <SelectField
              name="kind"
              label={t("org.committees.kind")}
              required
              defaultValue={current?.kind ?? ""}
              emptyLabel={t("common.choose")}
              options={COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`org.committees.kinds.${k}`) }))}
            />
            <Field
              name="nameLocal"
              label={t("org.committees.nameLocal")}
              required
              maxLength={200}
              defaultValue={current?.nameLocal ?? ""}
            />
            <Field
              name="nameEn"
              label={t("org.committees.nameEn")}
              maxLength={200}
              lang="en"
              defaultValue={current?.nameEn ?? ""}
            />
            <TextAreaField
              name="mandate"
              label={t("org.committees.mandate")}
              maxLength={2000}
              rows={3}
              defaultValue={current?.mandate ?? ""}
            />
          </Form>
        </section>
      )}
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <p>{t("org.committees.empty")}</p>}
      {list.data?.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`c-${c.id}`}>
          <div className="card-head">
            <h2 id={`c-${c.id}`}>
              {name(c)} <span className="badge">{t(`org.committees.kinds.${c.kind}`)}</span>
            </h2>
            {mayWrite && (
              <button type="button" className="btn btn-small" onClick={() => setEditing(c)}>
                {t("common.edit")}
                <span className="sr-only"> {name(c)}</span>
              </button>
            )}
          </div>
          {c.mandate && <p>{c.mandate}</p>}
          <div className="table-wrap">
            <table className="table">
              <caption>{t("org.committees.members")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("org.committees.memberName")}</th>
                  <th scope="col">{t("org.committees.position")}</th>
                  <th scope="col">{t("org.committees.unit")}</th>
                  <th scope="col">{t("org.committees.term")}</th>
                  {mayWrite && (
                    <th scope="col">
                      <span className="sr-only">{t("common.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {(c.members ?? []).length === 0 && (
                  <tr>
                    <td colSpan={mayWrite ? 5 : 4}>{t("org.committees.noMembers")}</td>
                  </tr>
                )}
                {(c.members ?? []).map((m) => {
                  const who = m.staffName ?? m.externalName ?? staffName(m.staffId);
                  return (
                    <tr key={m.id}>
                      <td>
                        {who}
                        {!m.staffId && <span className="muted"> ({t("org.committees.external")})</span>}
                      </td>
                      <td>{t(`org.committees.positions.${m.position}`)}</td>
                      <td>{m.unitId ? units.unitName(m.unitId) : ""}</td>
                      <td>{[m.since, m.until].filter(Boolean).join(" – ")}</td>
                      {mayWrite && (
                        <td>
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            onClick={async () => {
                              if (!window.confirm(t("org.committees.confirmRemove", { name: who }))) return;
                              setActionError(null);
                              try {
                                await api.del(`/api/org/committees/${c.id}/members/${m.id}`);
                                setStatus(t("org.committees.removed", { name: who }));
                                list.reload();
                              } catch (e) {
                                setActionError(errorText(e));
                              }
                            }}
                          >
                            {t("org.committees.remove")}
                            <span className="sr-only"> {who}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {mayWrite && adding !== c.id && (
            <button type="button" className="btn" onClick={() => setAdding(c.id)}>
              {t("org.committees.addMember")}
            </button>
          )}
          {mayWrite && adding === c.id && (
            <Form
              label={t("org.committees.addMember")}
              submitLabel={t("org.committees.addMember")}
              onCancel={() => setAdding(null)}
              onSubmit={async (v) => {
                if (!v.staffId === !v.externalName) {
                  const msg = t("org.committees.whoRequired");
                  throw new ApiError(400, "validation", msg, [{ path: "/staffId", message: msg }], null);
                }
                await api.post(`/api/org/committees/${c.id}/members`, {
                  position: v.position,
                  ...withoutEmpty(v, ["staffId", "externalName", "unitId", "since", "until"]),
                });
                setAdding(null);
                setStatus(t("common.saved"));
                list.reload();
              }}
            >
              <div className="grid-2">
                <SelectField
                  name="staffId"
                  label={t("org.committees.staffMember")}
                  emptyLabel={t("org.committees.notStaff")}
                  options={(staff.data ?? []).map((s) => ({
                    value: s.id,
                    label: `${s.displayName} (${s.username})`,
                  }))}
                />
                <Field
                  name="externalName"
                  label={t("org.committees.externalName")}
                  hint={t("org.committees.externalHint")}
                  maxLength={100}
                />
                <SelectField
                  name="position"
                  label={t("org.committees.position")}
                  required
                  defaultValue="member"
                  options={MEMBER_POSITIONS.map((p) => ({
                    value: p,
                    label: t(`org.committees.positions.${p}`),
                  }))}
                />
                <SelectField
                  name="unitId"
                  label={t("org.committees.unit")}
                  emptyLabel={t("common.none")}
                  options={units.unitOptions()}
                />
                <Field name="since" type="date" label={t("org.committees.since")} />
                <Field name="until" type="date" label={t("org.committees.until")} />
              </div>
            </Form>
          )}
        </section>
      ))}
    </Page>
  );
}
