// The portal's UI strings, added to the app's one i18next instance under "portal.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { portal: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { portal: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { portal: en }, true, true);

export default i18n;
