import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { krRecordsRetentionClasses } from "../jurisdictions/kr/catalogues/index";
import { twRecordsRetentionClasses } from "../jurisdictions/tw/catalogues/index";
import {
  classFromEntry,
  DEFAULT_TRANSFER_POLICY,
  type HoldingInput,
  holdingsByClassAndMedium,
  isExpired,
  isTransferDue,
  RECORD_MEDIA,
  reconcileCounts,
  reconcileItems,
  retentionEnd,
  retentionStart,
  transferDueOn,
} from "./index";

describe("records schedule", () => {
  test("J2: KR classes are the seed's seven plus the current 30 years, with years from the catalogue", () => {
    const years = Object.fromEntries(krRecordsRetentionClasses.map((e) => [e.code, classFromEntry(e).years]));
    assert.deepEqual(years, {
      permanent: null,
      semi_permanent: null,
      "30y": 30,
      "20y": 20,
      "10y": 10,
      "5y": 5,
      "3y": 3,
      "1y": 1,
    });
    assert.equal(twRecordsRetentionClasses[0].code, "permanent");
    assert.ok(
      twRecordsRetentionClasses.slice(1).every((e) => e.verify === true),
      "TW periodic classes: verify",
    );
  });

  test("J2: expiry date of each class counted from 1 January after the closing year (hand-computed)", () => {
    const closed = "2003-05-10"; // start 2004-01-01
    assert.equal(retentionStart(closed), "2004-01-01");
    const expected: Record<string, string | null> = {
      permanent: null,
      semi_permanent: null,
      "30y": "2033-12-31",
      "20y": "2023-12-31",
      "10y": "2013-12-31",
      "5y": "2008-12-31",
      "3y": "2006-12-31",
      "1y": "2004-12-31",
    };
    for (const e of krRecordsRetentionClasses)
      assert.equal(retentionEnd(closed, classFromEntry(e).years), expected[e.code], e.code);
    // A record closed on 31 December still starts the next 1 January.
    assert.equal(retentionEnd("2003-12-31", 1), "2004-12-31");
    assert.equal(isExpired(closed, 1, "2004-12-31"), false, "last day still within retention");
    assert.equal(isExpired(closed, 1, "2005-01-01"), true);
    assert.equal(isExpired(closed, null, "2999-01-01"), false, "permanent never expires");
    assert.throws(() => retentionEnd("2003/05/10", 1), RangeError);
  });

  test("J3: transfer to the archive is due after the holding years (default 2), classes kept at the unit never", () => {
    assert.equal(transferDueOn("2003-05-10", "5y", DEFAULT_TRANSFER_POLICY), "2006-01-01");
    assert.equal(isTransferDue("2003-05-10", "5y", DEFAULT_TRANSFER_POLICY, "2005-12-31"), false);
    assert.equal(isTransferDue("2003-05-10", "5y", DEFAULT_TRANSFER_POLICY, "2006-01-01"), true);
    const policy = { holdingYears: 1, keepAtUnit: ["1y"] };
    assert.equal(transferDueOn("2003-05-10", "10y", policy), "2005-01-01");
    assert.equal(transferDueOn("2003-05-10", "1y", policy), null);
  });
});

describe("J3: reconciliation", () => {
  test("J3: per series counts give held / missing / unregistered (hand count)", () => {
    const r = reconcileCounts([
      { seriesId: "a", registered: 10, counted: 8 }, // 2 missing
      { seriesId: "b", registered: 5, counted: 7 }, // 2 unregistered
      { seriesId: "c", registered: 3, counted: 3 },
      { seriesId: "d", registered: 0, counted: 1 },
    ]);
    assert.deepEqual(
      r.rows.map((x) => [x.seriesId, x.held, x.missing, x.unregistered]),
      [
        ["a", 8, 2, 0],
        ["b", 5, 0, 2],
        ["c", 3, 0, 0],
        ["d", 0, 0, 1],
      ],
    );
    assert.deepEqual(r.totals, { registered: 18, counted: 19, held: 16, missing: 2, unregistered: 3 });
    assert.throws(() => reconcileCounts([{ seriesId: "x", registered: -1, counted: 0 }]), RangeError);
  });

  test("J3: per record numbers", () => {
    assert.deepEqual(reconcileItems(["R-1", "R-2", "R-3"], ["R-3", "R-1", "R-9", "R-9"]), {
      held: ["R-1", "R-3"],
      missing: ["R-2"],
      unregistered: ["R-9"],
    });
  });
});

describe("K5: holdings by class and medium", () => {
  const r = (
    retentionClass: string,
    medium: HoldingInput["medium"],
    quantity: number,
    producedOn: string,
    leftOn: string | null = null,
  ): HoldingInput => ({ retentionClass, medium, quantity, producedOn, leftOn });
  const set: HoldingInput[] = [
    r("permanent", "paper_volume", 3, "1990-01-01"),
    r("permanent", "paper_volume", 2, "2003-12-31"), // produced on the day: counts
    r("5y", "paper_volume", 4, "2001-06-01"),
    r("5y", "paper_volume", 9, "2004-01-02"), // produced after: not counted
    r("5y", "electronic", 7, "2002-03-03", "2003-12-31"), // left on the day: not counted
    r("5y", "electronic", 6, "2002-03-03", "2004-01-01"), // left after: counts
    r("permanent", "card", 100, "1980-01-01"),
    r("20y", "drawing", 1, "1999-09-09"),
    r("1y", "electronic", 11, "2003-02-02"),
  ];
  const classes = ["permanent", "semi_permanent", "20y", "10y", "5y", "3y", "1y"];

  test("K5: every cell as of 2003-12-31 against a hand count", () => {
    const t = holdingsByClassAndMedium(set, "2003-12-31", classes);
    assert.deepEqual(t.classes, classes);
    assert.deepEqual(t.media, [...RECORD_MEDIA]);
    const expected: Record<string, Record<string, number>> = {};
    for (const m of RECORD_MEDIA) expected[m] = Object.fromEntries(classes.map((c) => [c, 0]));
    expected.paper_volume.permanent = 5;
    expected.paper_volume["5y"] = 4;
    expected.electronic["5y"] = 6;
    expected.electronic["1y"] = 11;
    expected.card.permanent = 100;
    expected.drawing["20y"] = 1;
    assert.deepEqual(t.cells, expected);
    assert.deepEqual(t.rowTotals, {
      paper_volume: 9,
      card: 100,
      drawing: 1,
      electronic: 17,
      photo: 0,
      film: 0,
      tape: 0,
    });
    assert.deepEqual(t.colTotals, {
      permanent: 105,
      semi_permanent: 0,
      "20y": 1,
      "10y": 0,
      "5y": 10,
      "3y": 0,
      "1y": 11,
    });
    assert.equal(t.total, 127);
  });

  test("K5: a class outside the ordered list is appended, not lost", () => {
    const t = holdingsByClassAndMedium([r("local-7y", "photo", 2, "2000-01-01")], "2003-12-31", [
      "permanent",
    ]);
    assert.deepEqual(t.classes, ["permanent", "local-7y"]);
    assert.equal(t.cells.photo["local-7y"], 2);
  });
});
