// Statistics dashboard UI strings, under "statistics.*" (table titles and labels come resolved from the server).
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { statistics: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { statistics: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { statistics: en }, true, true);

export default i18n;
