// The citizen request pages' strings, added under "portalRequests.*" (loaded by pages.ts too: the home page lists the service titles).
import i18n from "../../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { portalRequests: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { portalRequests: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { portalRequests: en }, true, true);

export default i18n;
