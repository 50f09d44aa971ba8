// The case engine's UI strings (states, clock, timeline, notes, attachments), added under "cases.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { cases: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { cases: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { cases: en }, true, true);

export default i18n;
