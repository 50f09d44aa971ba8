// The redaction editor, loaded on first use (its own chunk).
export { RedactionEditorPage } from "./editor-page";
