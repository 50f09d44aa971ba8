// Information disclosure requests (정보공개 / 政府資訊公開), pure part: forms, decisions, fees, remedies.
export * from "./fields";
export * from "./rules";
