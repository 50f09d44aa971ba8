import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import "./i18n";
import "./queue.css";

/** One column of a queue: its header, the cell, and (optionally) the value it sorts by. */
export interface QueueColumn<R> {
  key: string;
  label: string;
  cell: (row: R) => ReactNode;
  sortValue?: (row: R) => string | number;
  /** The row's heading on phones (the cell shown as the card's title). */
  primary?: boolean;
}

/**
 * A sortable work queue: a table on wide screens, cards on phones (the same markup; CSS turns each row into a
 * card with its column labels). Case modules (rights requests now, petitions and disclosure next) give it
 * their rows and columns.
 */
export function QueueTable<R>({
  rows,
  columns,
  rowKey,
  caption,
  initialSort,
  empty,
  testId,
}: {
  rows: R[];
  columns: QueueColumn<R>[];
  rowKey: (row: R) => string;
  caption: string;
  initialSort?: { key: string; dir: "asc" | "desc" };
  empty: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort ?? null);
  const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const sorted = col?.sortValue
    ? [...rows].sort((a, b) => {
        const x = col.sortValue?.(a) as string | number;
        const y = col.sortValue?.(b) as string | number;
        const d = x < y ? -1 : x > y ? 1 : 0;
        return sort?.dir === "desc" ? -d : d;
      })
    : rows;
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap queue-wrap">
      <table className="table queue-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort?.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      title={t("cases.queue.sortBy", { column: c.label })}
                      onClick={() =>
                        setSort({ key: c.key, dir: active && sort?.dir === "asc" ? "desc" : "asc" })
                      }
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort?.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} data-label={c.label} className={c.primary ? "queue-primary" : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
