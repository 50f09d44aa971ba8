import assert from "node:assert/strict";
import { describe, test } from "node:test";
import i18next from "i18next";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";
import { isUnconfirmed, unconfirmedMarker } from "./unconfirmed";

// Outside review item 5: entries not confirmed against the official list carry a visible marker with a
// tooltip in the user's language. Expected texts are written out here, not read from the bundles.
async function tIn(lng: string) {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: {
      ko: { translation: { components: ko } },
      "zh-TW": { translation: { components: zhTW } },
      en: { translation: { components: en } },
    },
  });
  return i.t.bind(i);
}

describe("B3/B5: unconfirmed catalogue entries are marked", () => {
  test("the API's confirmed:false and the older verify:true both count; confirmed and agency entries do not", () => {
    assert.equal(isUnconfirmed({ confirmed: false }), true);
    assert.equal(isUnconfirmed({ verify: true }), true);
    assert.equal(isUnconfirmed({ confirmed: true }), false);
    assert.equal(isUnconfirmed({}), false);
    assert.equal(isUnconfirmed(undefined), false);
  });

  test("the marker has a short label and the tooltip 'not yet confirmed against the official list' in ko, zh-TW and en", async () => {
    const expected: Record<string, string> = {
      en: "Not yet confirmed against the official list",
      ko: "공식 목록과 아직 대조·확인되지 않았습니다",
      "zh-TW": "尚未與官方清單核對確認",
    };
    for (const [lng, tooltip] of Object.entries(expected)) {
      const m = unconfirmedMarker({ code: "C073", confirmed: false }, await tIn(lng));
      assert.equal(m?.tooltip, tooltip, lng);
      assert.ok(m?.label && m.label !== tooltip && !m.label.includes("components."), lng);
    }
    assert.equal(unconfirmedMarker({ code: "C001", confirmed: true }, await tIn("en")), null);
  });
});
