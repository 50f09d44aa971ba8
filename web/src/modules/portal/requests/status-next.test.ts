// Issue 11 item 6: the status page's plain sentences, with hand-written expected strings.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import i18next from "i18next";
import type { Translate } from "../../cases/due-format";
import casesEn from "../../cases/i18n/en.json";
import casesKo from "../../cases/i18n/ko.json";
import casesZh from "../../cases/i18n/zh-TW.json";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";
import { nextStepSentences } from "./status-next";

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    ko: { translation: { cases: casesKo, portalRequests: ko } },
    "zh-TW": { translation: { cases: casesZh, portalRequests: zhTW } },
    en: { translation: { cases: casesEn, portalRequests: en } },
  },
  lng: "ko",
  interpolation: { escapeValue: false },
});
const tr = (l: string) => i18n.getFixedT(l) as unknown as Translate;
const NOW = Date.parse("2026-12-14T01:00:00Z");
const base = {
  outcome: null,
  requesterDeadline: null,
  dueAt: "2026-12-18T23:59:59+09:00",
  dueUnit: "days" as const,
};

describe("what happens next, in plain words", () => {
  test("C7: identity check: who does what and by when (ko / zh-TW / en)", () => {
    const p = { ...base, state: "identity_check" };
    assert.deepEqual(nextStepSentences(p, tr("ko"), "ko", "Asia/Seoul", NOW), [
      "담당 부서가 신원을 확인하고 있습니다. 12월 18일(금)까지 결과를 알려드립니다.",
    ]);
    const tw = { ...p, dueAt: "2026-12-18T23:59:59+08:00" };
    assert.deepEqual(nextStepSentences(tw, tr("zh-TW"), "zh-TW", "Asia/Taipei", NOW), [
      "承辦單位正在確認您的身分，將於12月18日（五）前通知您結果。",
    ]);
    assert.deepEqual(nextStepSentences(p, tr("en"), "en", "Asia/Seoul", NOW), [
      "The office is checking your identity. You will hear the result by Fri 18 Dec.",
    ]);
  });

  test("C6, C7: waiting for the requester: what was asked, by when, the clock stops", () => {
    const p = {
      ...base,
      state: "waiting_requester",
      requestedItem: "주민등록등본",
      requesterDeadline: "2026-12-21T23:59:59+09:00",
    };
    assert.deepEqual(nextStepSentences(p, tr("ko"), "ko", "Asia/Seoul", NOW), [
      "담당 부서가 보완을 요청했습니다. 보완될 때까지 처리 기간이 멈춥니다.",
      "보완해 주실 사항: 주민등록등본",
      "12월 21일(월)까지 보내 주세요. 보내 주시면 처리를 이어갑니다.",
    ]);
  });

  test("C7: extended with the new date and the reason; decided in words; transferred to whom", () => {
    const ext = { ...base, state: "in_review", extended: true, extensionReason: "자료가 많아 검토 중" };
    assert.deepEqual(nextStepSentences(ext, tr("ko"), "ko", "Asia/Seoul", NOW), [
      "처리 기간이 연장되었습니다. 12월 18일(금)까지 결과를 알려드립니다.",
      "연장 사유: 자료가 많아 검토 중",
    ]);
    assert.deepEqual(
      nextStepSentences(
        { ...base, state: "notified", outcome: "partly" },
        tr("zh-TW"),
        "zh-TW",
        "Asia/Taipei",
        NOW,
      ),
      ["已通知您決定：部分同意您的申請。通知書可於下方「通知書」下載。"],
    );
    assert.deepEqual(
      nextStepSentences(
        { ...base, state: "transferred", transferredTo: "서울특별시" },
        tr("ko"),
        "ko",
        "Asia/Seoul",
        NOW,
      ),
      ["이 요구는 서울특별시(으)로 이송되었습니다. 앞으로는 그 기관이 처리하고 연락드립니다."],
    );
  });
});
