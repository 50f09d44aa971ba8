// Public archive strings, under "portalArchive.*" (loaded by pages.ts too, for the home page's tile).
import i18n from "../../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { portalArchive: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { portalArchive: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { portalArchive: en }, true, true);

export default i18n;
