// The redaction editor's pure parts (no React, no fetch), tested in editor-model.test.ts: the geometry between
// the page image on screen and the PDF page's points (the server's coordinate space, from GET …/pages), and
// the rule that every redaction carries a non-disclosure ground before it is saved or released.

/** [x0, y0, x1, y1] in PDF points, origin at the page's top left (as mupdf reports boxes). */
export type Box = [number, number, number, number];

/** One page of the source as GET /api/cases/:id/redactions/:rid/pages reports it. */
export interface PageInfo {
  page: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** A rectangle on the page image in image pixels (as the pointer reports it, any corner order). */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Smallest box (points) the editor keeps: a click without a drag draws nothing. */
export const MIN_BOX_POINTS = 3;

const r2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * A rectangle dragged on the page image (pixels of an image shown `shown.width` × `shown.height`) as a box
 * in PDF points: scaled by page size / image size, clamped to the page, corners ordered, rounded to 0.01 pt.
 * Null when the box is smaller than MIN_BOX_POINTS in either direction.
 */
export function pixelsToBox(
  page: PageInfo,
  shown: { width: number; height: number },
  rect: PixelRect,
): Box | null {
  if (shown.width <= 0 || shown.height <= 0) return null;
  const sx = page.width / shown.width;
  const sy = page.height / shown.height;
  const xs = [rect.x0, rect.x1].map((v) => clamp(v, 0, shown.width) * sx);
  const ys = [rect.y0, rect.y1].map((v) => clamp(v, 0, shown.height) * sy);
  const [a, b] = [Math.min(...xs), Math.max(...xs)];
  const [c, d] = [Math.min(...ys), Math.max(...ys)];
  if (b - a < MIN_BOX_POINTS || d - c < MIN_BOX_POINTS) return null;
  return [r2(page.x0 + a), r2(page.y0 + c), r2(page.x0 + b), r2(page.y0 + d)];
}

/** A box in PDF points as a pixel rectangle on an image shown at `shown` size (the inverse of pixelsToBox). */
export function boxToPixels(page: PageInfo, shown: { width: number; height: number }, box: Box): PixelRect {
  const sx = shown.width / page.width;
  const sy = shown.height / page.height;
  return {
    x0: (box[0] - page.x0) * sx,
    y0: (box[1] - page.y0) * sy,
    x1: (box[2] - page.x0) * sx,
    y1: (box[3] - page.y0) * sy,
  };
}

/** A box as CSS percentages of the page image, so the overlay follows the image at any width. */
export function boxToPercent(page: PageInfo, box: Box) {
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  return {
    left: pct((box[0] - page.x0) / page.width),
    top: pct((box[1] - page.y0) / page.height),
    width: pct((box[2] - box[0]) / page.width),
    height: pct((box[3] - box[1]) / page.height),
  };
}

/** The keyboard way: x, y from the page's top left, width and height, all in points. */
export interface BoxFields {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type FieldsProblem = "not_number" | "empty" | "outside";

/** Typed fields as a box, or why not (the page's own bounds are the limit). */
export function fieldsToBox(page: PageInfo, f: BoxFields): { box: Box } | { problem: FieldsProblem } {
  const vals = [f.x, f.y, f.w, f.h];
  if (vals.some((v) => !Number.isFinite(v))) return { problem: "not_number" };
  if (f.w < MIN_BOX_POINTS || f.h < MIN_BOX_POINTS) return { problem: "empty" };
  if (f.x < 0 || f.y < 0 || f.x + f.w > page.width + 0.01 || f.y + f.h > page.height + 0.01)
    return { problem: "outside" };
  return { box: [r2(page.x0 + f.x), r2(page.y0 + f.y), r2(page.x0 + f.x + f.w), r2(page.y0 + f.y + f.h)] };
}

export function boxToFields(page: PageInfo, box: Box): BoxFields {
  return { x: r2(box[0] - page.x0), y: r2(box[1] - page.y0), w: r2(box[2] - box[0]), h: r2(box[3] - box[1]) };
}

export type Decision = "pending" | "accepted" | "rejected";

/** A proposal as the editor holds it (masked preview only, never the value). */
export interface EditorProposal {
  id: number;
  type: string;
  preview: string;
  location: { page?: number; box?: Box; start?: number; end?: number };
  decision: Decision;
  ground: string | null;
}

/** A manual area: a box on a PDF page, or a range kept from the server for a text file. */
export type EditorArea =
  | { key: string; kind: "box"; page: number; box: Box; ground: string }
  | { key: string; kind: "text"; start: number; end: number; ground: string };

export interface GroundProblem {
  what: "proposal" | "area";
  /** Proposal number as shown (id + 1) or the area's position (1-based). */
  n: number;
}

/** Every accepted proposal and every area needs a ground; the list of those that have none. */
export function missingGrounds(proposals: EditorProposal[], areas: EditorArea[]): GroundProblem[] {
  return [
    ...proposals
      .filter((p) => p.decision === "accepted" && !p.ground)
      .map((p) => ({ what: "proposal" as const, n: p.id + 1 })),
    ...areas.flatMap((a, i) => (a.ground ? [] : [{ what: "area" as const, n: i + 1 }])),
  ];
}

/** Proposals still undecided (release is refused while any is left). */
export const undecided = (proposals: EditorProposal[]) => proposals.filter((p) => p.decision === "pending");

/** What may be released: nothing undecided, every ground chosen, and something actually redacted. */
export function releaseBlockers(proposals: EditorProposal[], areas: EditorArea[]) {
  const missing = missingGrounds(proposals, areas);
  const pending = undecided(proposals).length;
  const nothing = !areas.length && !proposals.some((p) => p.decision === "accepted");
  return { missing, pending, nothing, ok: !missing.length && !pending && !nothing };
}

/** The body of PUT /api/cases/:id/redactions/:rid (the whole set the editor holds). */
export function saveBody(proposals: EditorProposal[], areas: EditorArea[]) {
  return {
    decisions: proposals.map((p) => ({
      id: p.id,
      decision: p.decision,
      // A rejected or pending proposal keeps no ground: the server checks any ground it is given.
      ground: p.decision === "accepted" ? p.ground || null : null,
    })),
    regions: areas.map((a) =>
      a.kind === "box"
        ? { kind: "box" as const, page: a.page, box: a.box, ground: a.ground }
        : { kind: "text" as const, start: a.start, end: a.end, ground: a.ground },
    ),
  };
}
