// Incident screens' strings, under "incidents.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { incidents: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { incidents: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { incidents: en }, true, true);
