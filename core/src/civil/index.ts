export * from "./compensation";
export * from "./family-register";
export * from "./loss-types";
export * from "./roster";
