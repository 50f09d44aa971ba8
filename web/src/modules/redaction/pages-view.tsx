import { type PointerEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Box,
  boxToPercent,
  type EditorArea,
  type EditorProposal,
  type PageInfo,
  pixelsToBox,
} from "./editor-model";

/**
 * The source's pages as images (rendered by the server, staff only), the engine's proposals drawn over them
 * (colour and line style by decision), the staff's areas in black with their ground's short label. Dragging
 * on a page draws a new area, reported in PDF points (editor-model.ts does the arithmetic).
 */
export function PagesView({
  src,
  pages,
  proposals,
  areas,
  short,
  selected,
  onSelect,
  onDraw,
}: {
  src: (page: number) => string;
  pages: PageInfo[];
  proposals: EditorProposal[];
  areas: EditorArea[];
  short: (code: string | null) => string;
  selected: string | null;
  onSelect(key: string): void;
  onDraw(page: number, box: Box): void;
}) {
  const { t } = useTranslation();
  const [drag, setDrag] = useState<{ page: number; x0: number; y0: number; x1: number; y1: number } | null>(
    null,
  );
  // The drag is kept as fractions of the shown image (a 1 × 1 "image"), so the live rectangle and the
  // final box need no element size; pixelsToBox scales them to the page's points.
  const at = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height };
  };
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

  return (
    <div className="pii-pages">
      {pages.map((p) => {
        const live = drag?.page === p.page ? drag : null;
        return (
          <figure key={p.page} className="pii-page-wrap">
            <figcaption className="small muted">{t("redaction.page", { n: p.page })}</figcaption>
            <div
              className="pii-page"
              style={{ aspectRatio: `${p.width} / ${p.height}` }}
              onPointerDown={(e) => {
                if ((e.target as HTMLElement).closest("button")) return;
                e.currentTarget.setPointerCapture(e.pointerId);
                const { x, y } = at(e);
                setDrag({ page: p.page, x0: x, y0: y, x1: x, y1: y });
              }}
              onPointerMove={(e) => {
                if (!live) return;
                const { x, y } = at(e);
                setDrag({ ...live, x1: x, y1: y });
              }}
              onPointerUp={() => {
                if (!live) return;
                setDrag(null);
                const box = pixelsToBox(p, { width: 1, height: 1 }, live);
                if (box) onDraw(p.page, box);
              }}
            >
              <img src={src(p.page)} alt={t("redaction.page", { n: p.page })} draggable={false} />
              {proposals
                .filter((f) => f.location.page === p.page && f.location.box)
                .map((f) => {
                  const key = `p${f.id}`;
                  const missing = f.decision === "accepted" && !f.ground;
                  return (
                    <button
                      type="button"
                      key={key}
                      className={`pii-box pii-${f.decision}${selected === key ? " pii-selected" : ""}${missing ? " rd-missing" : ""}`}
                      style={boxToPercent(p, f.location.box as Box)}
                      aria-label={`#${f.id + 1} ${t(`pii.types.${f.type}`, { defaultValue: f.type })} ${f.preview}`}
                      title={`#${f.id + 1} ${f.preview}`}
                      onClick={() => onSelect(key)}
                    >
                      {f.decision === "accepted" && f.ground && (
                        <span className="rd-label">{short(f.ground)}</span>
                      )}
                    </button>
                  );
                })}
              {areas.map((a, i) =>
                a.kind === "box" && a.page === p.page ? (
                  <button
                    type="button"
                    key={a.key}
                    className={`pii-box pii-manual-box${selected === a.key ? " pii-selected" : ""}${a.ground ? "" : " rd-missing"}`}
                    style={boxToPercent(p, a.box)}
                    aria-label={t("redaction.area", { n: i + 1 })}
                    onClick={() => onSelect(a.key)}
                  >
                    {a.ground && <span className="rd-label">{short(a.ground)}</span>}
                  </button>
                ) : null,
              )}
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
