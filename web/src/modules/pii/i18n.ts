// The PII module's UI strings, added under "pii.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { pii: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { pii: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { pii: en }, true, true);

export default i18n;
