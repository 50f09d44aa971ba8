import { registerMessages } from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

registerMessages({ ko, "zh-TW": zhTW, en });
