// Issue 11 item 8: one rule and one set of words for every date to meet. Templates come from the real
// resource files; expected strings are written by hand.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import i18next from "i18next";
import { dateStatus, dateStatusText, type Translate, todayInZone } from "./date-status-text";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    ko: { translation: { components: ko } },
    "zh-TW": { translation: { components: zhTW } },
    en: { translation: { components: en } },
  },
  lng: "ko",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});
const tr = (lng: string): Translate => i18n.getFixedT(lng) as unknown as Translate;
const TODAY = "2026-12-14";

describe("date status badge", () => {
  test("B4/E10: overdue by N days, due today, due in N days, nothing when far: ko", () => {
    assert.equal(dateStatusText(tr("ko"), "2026-12-11", TODAY), "3일 지남");
    assert.equal(dateStatusText(tr("ko"), "2026-12-14", TODAY), "오늘까지");
    assert.equal(dateStatusText(tr("ko"), "2026-12-24", TODAY), "10일 남음");
    assert.equal(dateStatusText(tr("ko"), "2027-02-01", TODAY), null);
  });

  test("B4/E10: the same in zh-TW", () => {
    assert.equal(dateStatusText(tr("zh-TW"), "2026-12-13", TODAY), "逾期 1 天");
    assert.equal(dateStatusText(tr("zh-TW"), "2026-12-14", TODAY), "今天到期");
    assert.equal(dateStatusText(tr("zh-TW"), "2027-01-13", TODAY), "剩 30 天");
  });

  test("B4/E10: the same in en, singular and plural, across a month and a year end", () => {
    assert.equal(dateStatusText(tr("en"), "2026-12-13", TODAY), "overdue by 1 day");
    assert.equal(dateStatusText(tr("en"), "2026-11-30", TODAY), "overdue by 14 days");
    assert.equal(dateStatusText(tr("en"), "2026-12-15", TODAY), "due in 1 day");
    assert.equal(dateStatusText(tr("en"), "2027-01-02", TODAY), "due in 19 days");
    assert.equal(dateStatusText(tr("en"), "2027-01-14", TODAY), null, "31 days is beyond the window");
    assert.equal(dateStatusText(tr("en"), "2027-01-14", TODAY, 60), "due in 31 days");
  });

  test("B4/E10: the kind drives the colour; today comes from the agency's zone", () => {
    assert.deepEqual(dateStatus("2026-12-10", TODAY), { kind: "overdue", days: 4 });
    assert.deepEqual(dateStatus("2026-12-14", TODAY), { kind: "today", days: 0 });
    // 2026-12-13T15:30Z: already 14 December in Seoul, still 13 December in Taipei.
    const at = Date.parse("2026-12-13T15:30:00Z");
    assert.equal(todayInZone("Asia/Seoul", at), "2026-12-14");
    assert.equal(todayInZone("Asia/Taipei", at), "2026-12-13");
  });
});
