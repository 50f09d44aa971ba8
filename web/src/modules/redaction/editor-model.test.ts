import assert from "node:assert/strict";
import { test } from "node:test";
import {
  boxToFields,
  boxToPercent,
  boxToPixels,
  type EditorArea,
  type EditorProposal,
  fieldsToBox,
  missingGrounds,
  type PageInfo,
  pixelsToBox,
  releaseBlockers,
  saveBody,
} from "./editor-model";

// An A4 page (595.28 × 841.89 pt) shown 1000 px wide; scale 0.59528 pt per pixel horizontally.
const A4: PageInfo = { page: 1, x0: 0, y0: 0, width: 595.28, height: 841.89 };
const shown = { width: 1000, height: 1414.3 };

test("J1: a rectangle dragged on the page image becomes a box in PDF points (any corner order)", () => {
  // 100 px × 0.59528 = 59.528 → 59.53; 200 px → 119.06; y: 141.43 px × (841.89 / 1414.3) = 84.19 (hand: 0.595270 pt/px).
  const b = pixelsToBox(A4, shown, { x0: 200, y0: 282.86, x1: 100, y1: 141.43 });
  assert.deepEqual(b, [59.53, 84.19, 119.06, 168.38]);
});

test("J1: a drag past the image edge is clamped to the page; a click without a drag draws nothing", () => {
  const b = pixelsToBox(A4, shown, { x0: 900, y0: -50, x1: 1200, y1: 100 });
  // x: 900 px → 535.752 → 535.75; clamped to 1000 px → 595.28. y: clamped to 0; 100 px → 59.53 (841.89/1414.3 × 100 = 59.527).
  assert.deepEqual(b, [535.75, 0, 595.28, 59.53]);
  assert.equal(pixelsToBox(A4, shown, { x0: 10, y0: 10, x1: 12, y1: 40 }), null, "1.2 pt wide");
  assert.equal(pixelsToBox(A4, { width: 0, height: 0 }, { x0: 0, y0: 0, x1: 5, y1: 5 }), null);
});

test("J1: a page whose box does not start at 0 (cropped PDF) keeps its offset both ways", () => {
  const cropped: PageInfo = { page: 2, x0: 10, y0: 20, width: 500, height: 700 };
  const b = pixelsToBox(cropped, { width: 500, height: 700 }, { x0: 50, y0: 100, x1: 150, y1: 130 });
  assert.deepEqual(b, [60, 120, 160, 150]);
  assert.deepEqual(boxToPixels(cropped, { width: 250, height: 350 }, [60, 120, 160, 150]), {
    x0: 25,
    y0: 50,
    x1: 75,
    y1: 65,
  });
  assert.deepEqual(boxToPercent(cropped, [60, 120, 160, 150]), {
    left: "10.000%",
    top: "14.286%",
    width: "20.000%",
    height: "4.286%",
  });
});

test("J1: numeric fields (x, y, width, height in points) give the same box as drawing, and bad fields say why", () => {
  assert.deepEqual(fieldsToBox(A4, { x: 72, y: 80, w: 128, h: 15 }), { box: [72, 80, 200, 95] });
  assert.deepEqual(boxToFields(A4, [72, 80, 200, 95]), { x: 72, y: 80, w: 128, h: 15 });
  assert.deepEqual(fieldsToBox(A4, { x: 72, y: 80, w: 0, h: 15 }), { problem: "empty" });
  assert.deepEqual(fieldsToBox(A4, { x: 500, y: 80, w: 200, h: 15 }), { problem: "outside" });
  assert.deepEqual(fieldsToBox(A4, { x: -1, y: 80, w: 20, h: 15 }), { problem: "outside" });
  assert.deepEqual(fieldsToBox(A4, { x: Number.NaN, y: 80, w: 20, h: 15 }), { problem: "not_number" });
});

const proposal = (id: number, decision: EditorProposal["decision"], ground: string | null = null) => ({
  id,
  type: "KR_RRN",
  preview: "960121-*******",
  location: { page: 1, box: [72, 80, 200, 95] as [number, number, number, number] },
  decision,
  ground,
});

test("J1: every accepted proposal and every area needs a ground; rejected ones need none", () => {
  const areas: EditorArea[] = [
    { key: "a", kind: "box", page: 1, box: [10, 10, 50, 30], ground: "art9-1-5" },
    { key: "b", kind: "box", page: 1, box: [10, 40, 50, 60], ground: "" },
  ];
  const ps = [proposal(0, "accepted", "art9-1-6"), proposal(1, "accepted"), proposal(2, "rejected")];
  assert.deepEqual(missingGrounds(ps, areas), [
    { what: "proposal", n: 2 },
    { what: "area", n: 2 },
  ]);
  const blocked = releaseBlockers([...ps, proposal(3, "pending")], areas);
  assert.equal(blocked.ok, false);
  assert.equal(blocked.pending, 1);
  assert.equal(releaseBlockers([proposal(0, "rejected")], []).nothing, true, "nothing redacted");
  assert.equal(releaseBlockers([proposal(0, "accepted", "art9-1-6")], []).ok, true);
});

test("J1: the save body drops the ground of a rejected proposal and keeps each area's ground", () => {
  const body = saveBody(
    [proposal(0, "rejected", "art9-1-6"), proposal(1, "accepted", "art9-1-6")],
    [{ key: "a", kind: "box", page: 2, box: [1, 2, 30, 40], ground: "art9-1-5" }],
  );
  assert.deepEqual(body, {
    decisions: [
      { id: 0, decision: "rejected", ground: null },
      { id: 1, decision: "accepted", ground: "art9-1-6" },
    ],
    regions: [{ kind: "box", page: 2, box: [1, 2, 30, 40], ground: "art9-1-5" }],
  });
});
