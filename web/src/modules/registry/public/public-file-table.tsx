import { useTranslation } from "react-i18next";
import {
  PUBLIC_FILE_COLUMNS,
  type PublicFile,
  type PublicValue,
  publicParts,
  publicText,
} from "./public-data";

/**
 * The published file list as citizens see it (KR PIPA §32 columns, TW PDPA §17 columns). The portal
 * page and the staff's "publish" preview both render it, so the preview is exactly what goes public.
 */
export function PublicFileTable({
  jurisdiction,
  rows,
  caption,
  testId,
}: {
  jurisdiction: "KR" | "TW";
  rows: PublicFile[];
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const columns = PUBLIC_FILE_COLUMNS[jurisdiction];
  const cell = (key: string, v: PublicValue) => {
    if (key === "processingMethod" && typeof v === "string")
      return t(`registry.enum.processingMethod.${v}`, v);
    const parts = publicParts(v);
    if (parts.length > 1)
      return (
        <ul className="cell-list">
          {parts.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      );
    return parts[0] ?? "";
  };
  return (
    // A wide table scrolls sideways on a phone: the region takes focus so keyboards can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" aria-label={caption} tabIndex={0}>
      <table className="table public-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("registry.public.seq")}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {t(`registry.public.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: published rows carry no id and names may repeat across units
            <tr key={`${publicText(f.name)}-${i}`}>
              <td className="num" data-label={t("registry.public.seq")}>
                {i + 1}
              </td>
              {columns.map((c, ci) =>
                ci === 0 ? (
                  <th scope="row" key={c} data-label={t(`registry.public.col.${c}`)}>
                    {cell(c, f[c])}
                  </th>
                ) : (
                  <td key={c} data-label={t(`registry.public.col.${c}`)}>
                    {cell(c, f[c])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
