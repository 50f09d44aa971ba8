// The calendar module's UI strings, added under "calendar.*", plus the case timeline's label for the
// event this module writes (cases.event.due_moved_by_calendar).
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

const EVENT_LABEL = {
  ko: "달력 변경으로 기한 변경",
  "zh-TW": "因行事曆變更調整期限",
  en: "Due date moved by calendar change",
} as const;

for (const [lang, bundle] of [
  ["ko", ko],
  ["zh-TW", zhTW],
  ["en", en],
] as const) {
  i18n.addResourceBundle(lang, "translation", { calendar: bundle }, true, true);
  i18n.addResourceBundle(
    lang,
    "translation",
    { cases: { event: { due_moved_by_calendar: EVENT_LABEL[lang] } } },
    true,
    false,
  );
}

export default i18n;
