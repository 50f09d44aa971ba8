// Rights requests' staff UI strings, added under "requests.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { requests: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { requests: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { requests: en }, true, true);

export default i18n;
