// The register's menu labels only: loaded with the app shell so the navigation is named before any
// register screen (and its full string bundle, ./i18n) is loaded.
import i18n from "../../i18n";
import en from "./i18n/nav/en.json";
import ko from "./i18n/nav/ko.json";
import zhTW from "./i18n/nav/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { registry: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { registry: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { registry: en }, true, true);
