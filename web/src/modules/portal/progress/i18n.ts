// Public progress search and satisfaction survey strings, under "portalProgress.*" (loaded by pages.ts too).
import i18n from "../../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { portalProgress: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { portalProgress: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { portalProgress: en }, true, true);

export default i18n;
