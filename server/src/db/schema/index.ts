export * from "./audit";
export * from "./auth";
export * from "./org";
export * from "./registry";
export * from "./cases";
export * from "./requests";
export * from "./letters";
export * from "./pii";
