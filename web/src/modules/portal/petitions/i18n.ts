// The citizen petition page's strings, under "portalPetitions.*".
import i18n from "../../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { portalPetitions: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { portalPetitions: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { portalPetitions: en }, true, true);

export default i18n;
