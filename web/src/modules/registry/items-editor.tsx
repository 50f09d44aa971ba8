import { useTranslation } from "react-i18next";
import { GroupError, useFieldMeta } from "../../components/controlled-form";
import type { CatalogueItem, FileItem } from "./types";

/**
 * The items a file holds, one table row each: name, declared type (subject search matches on it),
 * sensitive / unique-identifier flags and the class from the rule pack.
 */
export function ItemsEditor({
  items,
  onChange,
  kinds,
  sensitiveClasses,
  uniqueClasses,
}: {
  items: FileItem[];
  onChange(items: FileItem[]): void;
  kinds: CatalogueItem[];
  sensitiveClasses: CatalogueItem[];
  uniqueClasses: CatalogueItem[];
}) {
  const { t } = useTranslation();
  const m = useFieldMeta("items");
  const set = (i: number, patch: Partial<FileItem>) =>
    onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <fieldset className={m.error ? "fieldset field-invalid" : "fieldset"} aria-describedby={m.hintId}>
      <legend>{t("registry.field.items.label")}</legend>
      <p className="hint" id={m.hintId}>
        {t("registry.field.items.help")}
      </p>
      <GroupError name="items" />
      {items.length === 0 ? (
        <p className="muted">{t("registry.form.noItems")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table items-table">
            <thead>
              <tr>
                <th scope="col">{t("registry.field.itemName.label")}</th>
                <th scope="col">{t("registry.field.itemKind.label")}</th>
                <th scope="col">{t("registry.field.itemSensitive.label")}</th>
                <th scope="col">{t("registry.field.itemUnique.label")}</th>
                <th scope="col">{t("registry.field.itemClass.label")}</th>
                <th scope="col">
                  <span className="sr-only">{t("registry.common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((it, i) => (
                <ItemRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
                  key={i}
                  i={i}
                  item={it}
                  set={(p) => set(i, p)}
                  remove={() => onChange(items.filter((_, j) => j !== i))}
                  kinds={kinds}
                  classes={
                    it.sensitive && !it.uniqueIdentifier
                      ? sensitiveClasses
                      : it.uniqueIdentifier && !it.sensitive
                        ? uniqueClasses
                        : [...sensitiveClasses, ...uniqueClasses]
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            onChange([
              ...items,
              { name: "", kind: null, sensitive: false, uniqueIdentifier: false, classCode: null },
            ])
          }
        >
          {t("registry.form.addItem")}
        </button>
      </div>
    </fieldset>
  );
}

function ItemRow({
  i,
  item,
  set,
  remove,
  kinds,
  classes,
}: {
  i: number;
  item: FileItem;
  set(p: Partial<FileItem>): void;
  remove(): void;
  kinds: CatalogueItem[];
  classes: CatalogueItem[];
}) {
  const { t } = useTranslation();
  const row = t("registry.form.itemRow", { n: i + 1 });
  const name = useFieldMeta(`items.${i}.name`);
  const kind = useFieldMeta(`items.${i}.kind`);
  const cls = useFieldMeta(`items.${i}.classCode`);
  return (
    <tr>
      <td>
        <input
          type="text"
          id={name.id}
          value={item.name}
          maxLength={200}
          aria-label={`${row}: ${t("registry.field.itemName.label")}`}
          aria-invalid={name.error ? true : undefined}
          aria-describedby={name.error ? name.errorId : undefined}
          onChange={(e) => set({ name: e.target.value })}
        />
        {name.error && (
          <p className="field-error" id={name.errorId}>
            {name.error}
          </p>
        )}
      </td>
      <td>
        <select
          id={kind.id}
          value={item.kind ?? ""}
          aria-label={`${row}: ${t("registry.field.itemKind.label")}`}
          aria-invalid={kind.error ? true : undefined}
          onChange={(e) => set({ kind: e.target.value || null })}
        >
          <option value="">—</option>
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        {kind.error && <p className="field-error">{kind.error}</p>}
      </td>
      <td>
        <input
          type="checkbox"
          checked={item.sensitive}
          aria-label={`${row}: ${t("registry.field.itemSensitive.label")}`}
          onChange={(e) => set({ sensitive: e.target.checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          checked={item.uniqueIdentifier}
          aria-label={`${row}: ${t("registry.field.itemUnique.label")}`}
          onChange={(e) => set({ uniqueIdentifier: e.target.checked })}
        />
      </td>
      <td>
        <select
          id={cls.id}
          value={item.classCode ?? ""}
          disabled={!item.sensitive && !item.uniqueIdentifier}
          aria-label={`${row}: ${t("registry.field.itemClass.label")}`}
          aria-invalid={cls.error ? true : undefined}
          onChange={(e) => set({ classCode: e.target.value || null })}
        >
          <option value="">—</option>
          {classes.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        {cls.error && <p className="field-error">{cls.error}</p>}
      </td>
      <td>
        <button type="button" className="btn btn-small btn-danger" onClick={remove}>
          {t("registry.common.remove")}
          <span className="sr-only"> {row}</span>
        </button>
      </td>
    </tr>
  );
}
