export * from "./civil";
export * from "./period";
export * from "./petition-types";
export * from "./registers";
export * from "./tables";
