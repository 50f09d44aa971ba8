// Strings of the shared components in this folder, under "components.*" (small; loaded with the app).
import i18n from "../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { components: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { components: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { components: en }, true, true);
