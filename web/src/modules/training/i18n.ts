// Training's staff UI strings (plans, sessions, attendance, acknowledgements, completion), under "training.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { training: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { training: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { training: en }, true, true);

export default i18n;
