export * from "./password-policy";
export * from "./permissions";
