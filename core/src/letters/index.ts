export * from "./articles";
export * from "./compose";
export * from "./labels";
export * from "./linebreak";
export { krLetterTemplates } from "./templates/kr";
export { twLetterTemplates } from "./templates/tw";
export * from "./types";
