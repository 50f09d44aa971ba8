import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, nullIfEmpty, SelectField, useErrorText } from "../../components/form";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { Unit } from "../../types";
import "../cases/i18n";
import { useUnits } from "./use-units";

/** Issue 11: the unit's default handler, chosen among the unit's staff (the server checks they may hold cases). */
function DefaultHandlerField({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const staff = useLoad(
    (signal) =>
      can("org.staff.read")
        ? api.get<Array<{ id: string; displayName: string; status: string }>>("/api/org/staff", {
            signal,
            query: { unitId: unit.id },
          })
        : Promise.resolve([]),
    [unit.id],
  );
  return (
    <SelectField
      key={staff.data?.length ?? 0}
      name="defaultHandlerId"
      label={t("cases.assignee.defaultHandler")}
      emptyLabel={t("cases.assignee.noDefault")}
      defaultValue={unit.defaultHandlerId ?? ""}
      options={(staff.data ?? [])
        .filter((s) => s.status === "active" || s.id === unit.defaultHandlerId)
        .map((s) => ({ value: s.id, label: s.displayName }))}
    />
  );
}

const FIELDS = [
  "code",
  "nameLocal",
  "nameEn",
  "parentId",
  "headName",
  "phone",
  "fax",
  "email",
  "defaultHandlerId",
];

type Editing = { mode: "create"; parentId: string | null } | { mode: "edit"; unit: Unit } | null;

export function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const errorText = useErrorText();
  const { units, unitName, unitOptions, error, loading, reload, data } = useUnits();
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const mayWrite = can("org.units.write");

  const ids = new Set(units.map((u) => u.id));
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId));

  const act = async (u: Unit, kind: "deactivate" | "delete") => {
    const name = unitName(u.id);
    const confirmKey = kind === "delete" ? "org.units.confirmDelete" : "org.units.confirmDeactivate";
    if (!window.confirm(t(confirmKey, { name }))) return;
    setActionError(null);
    try {
      // Units with staff or sub-units can only be deactivated; empty ones may be deleted.
      if (kind === "delete") await api.del(`/api/org/units/${u.id}`);
      else await api.patch(`/api/org/units/${u.id}`, { active: false });
      setStatus(t(kind === "delete" ? "org.units.deleted" : "org.units.deactivated", { name }));
      reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const renderNode = (u: Unit) => {
    if (!u.active && !showInactive) return null;
    const children = units.filter((c) => c.parentId === u.id);
    return (
      <li key={u.id}>
        <div className={u.active ? "tree-row" : "tree-row inactive"}>
          <span className="tree-name">
            {unitName(u.id)} <span className="muted">({u.code})</span>
            {!u.active && <span className="badge"> {t("common.inactive")}</span>}
          </span>
          {mayWrite && (
            <span className="row-actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setEditing({ mode: "edit", unit: u })}
              >
                {t("common.edit")}
                <span className="sr-only"> {unitName(u.id)}</span>
              </button>
              {u.active && (
                <>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setEditing({ mode: "create", parentId: u.id })}
                  >
                    {t("org.units.addChild")}
                    <span className="sr-only"> {unitName(u.id)}</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    onClick={() => void act(u, "deactivate")}
                  >
                    {t("org.units.deactivate")}
                    <span className="sr-only"> {unitName(u.id)}</span>
                  </button>
                </>
              )}
              {!units.some((c) => c.parentId === u.id) && (
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => void act(u, "delete")}
                >
                  {t("org.units.delete")}
                  <span className="sr-only"> {unitName(u.id)}</span>
                </button>
              )}
            </span>
          )}
        </div>
        {children.length > 0 && <ul>{children.map(renderNode)}</ul>}
      </li>
    );
  };

  const current = editing?.mode === "edit" ? editing.unit : null;
  return (
    <Page
      title={t("org.units.title")}
      actions={
        mayWrite ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing({ mode: "create", parentId: null })}
          >
            {t("org.units.create")}
          </button>
        ) : null
      }
    >
      <StatusMessage text={status} />
      <ErrorBox text={error ?? actionError} />
      <div className={editing ? "split" : undefined}>
        <section className="card" aria-labelledby="units-tree">
          <div className="card-head">
            <h2 id="units-tree">{t("org.units.tree")}</h2>
            <label className="inline-check">
              <input
                type="checkbox"
                checked={showInactive}
                onChange={(e) => setShowInactive(e.target.checked)}
              />
              {t("org.units.showInactive")}
            </label>
          </div>
          {loading && !data && <Loading />}
          {data && units.length === 0 && <p>{t("org.units.empty")}</p>}
          <ul className="tree">{roots.map(renderNode)}</ul>
        </section>
        {editing && (
          <section className="card" aria-labelledby="unit-form-title">
            <h2 id="unit-form-title">
              {current ? t("org.units.editTitle", { name: unitName(current.id) }) : t("org.units.create")}
            </h2>
            <Form
              key={current?.id ?? `new-${editing.mode === "create" ? editing.parentId : ""}`}
              label={
                current ? t("org.units.editTitle", { name: unitName(current.id) }) : t("org.units.create")
              }
              submitLabel={current ? t("common.save") : t("org.units.create")}
              onCancel={() => setEditing(null)}
              onSubmit={async (v) => {
                const body = nullIfEmpty(v, FIELDS);
                if (current) {
                  await api.patch(`/api/org/units/${current.id}`, {
                    ...body,
                    ...(v.active ? { active: v.active === "true" } : {}),
                  });
                  setStatus(t("common.saved"));
                } else {
                  const clean = Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null));
                  await api.post("/api/org/units", clean);
                  setStatus(t("org.units.created", { name: v.nameLocal }));
                }
                setEditing(null);
                reload();
              }}
            >
              <Field
                name="code"
                label={t("org.units.code")}
                required
                maxLength={40}
                defaultValue={current?.code ?? ""}
              />
              <Field
                name="nameLocal"
                label={t("org.units.nameLocal")}
                required
                maxLength={200}
                defaultValue={current?.nameLocal ?? ""}
              />
              <Field
                name="nameEn"
                label={t("org.units.nameEn")}
                maxLength={200}
                lang="en"
                defaultValue={current?.nameEn ?? ""}
              />
              <SelectField
                name="parentId"
                label={t("org.units.parent")}
                emptyLabel={t("org.units.topLevel")}
                defaultValue={
                  current
                    ? (current.parentId ?? "")
                    : editing.mode === "create"
                      ? (editing.parentId ?? "")
                      : ""
                }
                options={unitOptions().filter((o) => o.value !== current?.id)}
              />
              <Field
                name="headName"
                label={t("org.units.headName")}
                maxLength={100}
                defaultValue={current?.headName ?? ""}
              />
              <div className="grid-2">
                <Field
                  name="phone"
                  type="tel"
                  label={t("org.units.phone")}
                  maxLength={40}
                  defaultValue={current?.phone ?? ""}
                />
                <Field
                  name="fax"
                  type="tel"
                  label={t("org.units.fax")}
                  maxLength={40}
                  defaultValue={current?.fax ?? ""}
                />
              </div>
              <Field
                name="email"
                type="email"
                label={t("org.units.email")}
                maxLength={200}
                defaultValue={current?.email ?? ""}
              />
              {current && <DefaultHandlerField unit={current} />}
              {current && !current.active && (
                <SelectField
                  name="active"
                  label={t("org.units.status")}
                  defaultValue="false"
                  options={[
                    { value: "false", label: t("common.inactive") },
                    { value: "true", label: t("common.active") },
                  ]}
                />
              )}
            </Form>
          </section>
        )}
      </div>
    </Page>
  );
}
