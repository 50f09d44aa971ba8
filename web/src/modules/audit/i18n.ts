// The ledger screen's strings, under "auditView.*" (action phrases come from the server, in the reader's language).
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { auditView: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { auditView: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { auditView: en }, true, true);

export default i18n;
