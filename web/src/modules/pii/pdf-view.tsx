import { type PointerEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Finding, PageInfo, Region } from "./types";

type Box = [number, number, number, number];

const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

/** A box in page coordinates as CSS position on the page image. */
function boxStyle(page: PageInfo, b: Box) {
  return {
    left: pct((b[0] - page.x0) / page.width),
    top: pct((b[1] - page.y0) / page.height),
    width: pct((b[2] - b[0]) / page.width),
    height: pct((b[3] - b[1]) / page.height),
  };
}

/**
 * PDF pages as images rendered by the server, the findings' boxes on top (colour by decision), the
 * reviewer's boxes in black. Dragging on a page draws a new box (reported in page coordinates).
 */
export function PdfPages({
  docId,
  pages,
  findings,
  regions,
  selected,
  onSelectFinding,
  onDrawBox,
}: {
  docId: string;
  pages: PageInfo[];
  findings: Finding[];
  regions: Region[];
  selected: number | null;
  onSelectFinding(index: number): void;
  onDrawBox(page: number, box: Box): void;
}) {
  const { t } = useTranslation();
  const [drag, setDrag] = useState<{ page: number; x0: number; y0: number; x1: number; y1: number } | null>(
    null,
  );

  const frac = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)),
      y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)),
    };
  };

  return (
    <div className="pii-pages">
      {pages.map((p) => {
        const live = drag?.page === p.page ? drag : null;
        return (
          <figure key={p.page} className="pii-page-wrap">
            <figcaption className="small muted">{t("pii.review.page", { n: p.page })}</figcaption>
            <div
              className="pii-page"
              style={{ aspectRatio: `${p.width} / ${p.height}` }}
              onPointerDown={(e) => {
                if ((e.target as HTMLElement).closest("button")) return;
                e.currentTarget.setPointerCapture(e.pointerId);
                const { x, y } = frac(e);
                setDrag({ page: p.page, x0: x, y0: y, x1: x, y1: y });
              }}
              onPointerMove={(e) => {
                if (!live) return;
                const { x, y } = frac(e);
                setDrag({ ...live, x1: x, y1: y });
              }}
              onPointerUp={() => {
                if (!live) return;
                setDrag(null);
                const [fx0, fx1] = [Math.min(live.x0, live.x1), Math.max(live.x0, live.x1)];
                const [fy0, fy1] = [Math.min(live.y0, live.y1), Math.max(live.y0, live.y1)];
                if ((fx1 - fx0) * p.width < 3 || (fy1 - fy0) * p.height < 3) return;
                const r2 = (n: number) => Math.round(n * 100) / 100;
                onDrawBox(p.page, [
                  r2(p.x0 + fx0 * p.width),
                  r2(p.y0 + fy0 * p.height),
                  r2(p.x0 + fx1 * p.width),
                  r2(p.y0 + fy1 * p.height),
                ]);
              }}
            >
              <img
                src={`/api/pii/documents/${docId}/pages/${p.page}`}
                alt={t("pii.review.page", { n: p.page })}
                draggable={false}
              />
              {findings
                .filter((f) => f.location.page === p.page && f.location.box)
                .map((f) => (
                  <button
                    type="button"
                    key={f.index}
                    className={`pii-box pii-${f.decision}${selected === f.index ? " pii-selected" : ""}`}
                    style={boxStyle(p, f.location.box as Box)}
                    title={`#${f.index + 1} ${t(`pii.types.${f.type}`, { defaultValue: f.type })} ${f.preview}`}
                    aria-label={`#${f.index + 1} ${f.preview}`}
                    onClick={() => onSelectFinding(f.index)}
                  />
                ))}
              {regions
                .flatMap((r) => (r.kind === "box" && r.page === p.page ? [r] : []))
                .map((r) => (
                  <span key={r.id} className="pii-box pii-manual-box" style={boxStyle(p, r.box)} />
                ))}
              {live && (
                <span
                  className="pii-box pii-drawing"
                  style={{
                    left: pct(Math.min(live.x0, live.x1)),
                    top: pct(Math.min(live.y0, live.y1)),
                    width: pct(Math.abs(live.x1 - live.x0)),
                    height: pct(Math.abs(live.y1 - live.y0)),
                  }}
                />
              )}
            </div>
          </figure>
        );
      })}
    </div>
  );
}
