import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { noticeText } from "./consent";
import { getRulePack } from "./index";

const LOCALES = ["ko", "zh-TW", "en"] as const;

describe("H1: the portal's consent notice lists what the law requires", () => {
  test("H1: KR PIPA §15(2): purpose, items, retention, the right to refuse and its consequence", () => {
    const n = getRulePack("KR").requestConsent;
    assert.equal(n.citation.ko, "개인정보 보호법 제15조제2항");
    assert.deepEqual(
      n.items.map((i) => i.label.ko),
      [
        "수집·이용 목적",
        "수집하는 개인정보의 항목",
        "보유 및 이용 기간",
        "동의를 거부할 권리 및 거부에 따른 불이익",
      ],
    );
  });

  test("H1: TW PDPA Art 8(1): the six items in the statute's words and order", () => {
    const n = getRulePack("TW").requestConsent;
    assert.equal(n.citation["zh-TW"], "個人資料保護法第8條第1項");
    assert.deepEqual(
      n.items.map((i) => i.label["zh-TW"]),
      [
        "機關名稱",
        "蒐集之目的",
        "個人資料之類別",
        "個人資料利用之期間、地區、對象及方式",
        "依個人資料保護法第3條規定得行使之權利及方式",
        "不提供將對其權益之影響",
      ],
    );
  });

  test("H1: every label and text exists in ko, zh-TW and en; the agency's name is filled in", () => {
    for (const j of ["KR", "TW"] as const) {
      const n = getRulePack(j).requestConsent;
      for (const l of LOCALES) {
        assert.ok(n.citation[l] && n.agree[l], `${j} ${l}`);
        for (const i of n.items) assert.ok(i.label[l].trim() && i.text[l].trim(), `${j} ${i.key} ${l}`);
      }
    }
    const agency = getRulePack("TW").requestConsent.items[0];
    assert.equal(noticeText(agency.text, "zh-TW", "青山區公所"), "青山區公所");
    assert.equal(noticeText(agency.label, "fr"), "Agency");
  });
});
