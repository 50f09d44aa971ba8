// The access-log review screen's strings, under "logReview.*" (action phrases come from the server).
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { logReview: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { logReview: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { logReview: en }, true, true);

export default i18n;
