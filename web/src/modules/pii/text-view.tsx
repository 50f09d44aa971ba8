import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Finding, Region, TextView } from "./types";

/** Characters shown at most; longer texts are cut (the findings table still lists everything). */
export const MAX_SHOWN = 400_000;

interface Segment {
  start: number;
  end: number;
  mark: { index: number; type: string } | null;
  manual: boolean;
}

function segmentsOf(length: number, view: TextView, regions: Region[]): Segment[] {
  const ranges = regions.flatMap((r) => (r.kind === "text" ? [r] : []));
  const points = new Set<number>([0, length]);
  for (const m of view.marks) if (m.start < length) points.add(m.start).add(Math.min(m.end, length));
  for (const r of ranges) if (r.start < length) points.add(r.start).add(Math.min(r.end, length));
  const sorted = [...points].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    const m = view.marks.find((x) => x.start <= start && x.end >= end) ?? null;
    out.push({
      start,
      end,
      mark: m ? { index: m.index, type: m.type } : null,
      manual: ranges.some((r) => r.start <= start && r.end >= end),
    });
  }
  return out;
}

/** Offset into the document text of a point inside the view (every piece carries data-start). */
function offsetOf(node: Node | null, offset: number): number | null {
  const el = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement | null);
  const start = el?.closest<HTMLElement>("[data-start]")?.dataset.start;
  return start === undefined ? null : Number(start) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
}

/**
 * A txt/csv document with its findings highlighted (colour by decision) and the reviewer's own ranges
 * struck through. `selection()` reads the current text selection as document offsets.
 */
export function DocumentText({
  view,
  findings,
  regions,
  selected,
  containerRef,
}: {
  view: TextView;
  findings: Finding[];
  regions: Region[];
  selected: number | null;
  /** Kept for symmetry with the PDF view; marks are not focusable, the findings table selects. */
  onSelectFinding?(index: number): void;
  containerRef: React.RefObject<HTMLPreElement | null>;
}) {
  const { t } = useTranslation();
  const length = Math.min(view.text.length, MAX_SHOWN);
  const segments = useMemo(() => segmentsOf(length, view, regions), [length, view, regions]);
  const decisions = new Map(findings.map((f) => [f.index, f.decision]));
  return (
    <pre className="pii-text" ref={containerRef}>
      {segments.map((s) => {
        const text = view.text.slice(s.start, s.end);
        const cls = s.manual ? " pii-manual" : "";
        if (!s.mark)
          return (
            <span key={s.start} data-start={s.start} className={cls.trim() || undefined}>
              {text}
            </span>
          );
        const decision = decisions.get(s.mark.index) ?? "pending";
        return (
          <mark
            key={s.start}
            data-start={s.start}
            data-finding={s.mark.index}
            className={`pii-mark pii-${decision}${selected === s.mark.index ? " pii-selected" : ""}${cls}`}
            title={`#${s.mark.index + 1} ${t(`pii.types.${s.mark.type}`, { defaultValue: s.mark.type })}`}
          >
            {text}
          </mark>
        );
      })}
    </pre>
  );
}

/** The selected range inside the text view, as [start, end) document offsets, or null. */
export function readSelection(container: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const a = offsetOf(range.startContainer, range.startOffset);
  const b = offsetOf(range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

export function useTextContainer() {
  return useRef<HTMLPreElement>(null);
}
