// Records management staff UI strings, under "records.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { records: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { records: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { records: en }, true, true);
