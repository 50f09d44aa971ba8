// The register's UI strings (field labels, help texts, screens), added under "registry.*".
import i18n from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

i18n.addResourceBundle("ko", "translation", { registry: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { registry: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { registry: en }, true, true);

export default i18n;
