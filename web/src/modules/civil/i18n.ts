// Civil affairs' staff UI strings (compensation, roster, family register), added under "civil.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { civil: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { civil: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { civil: en }, true, true);

export default i18n;
