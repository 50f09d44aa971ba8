export { type FileReferenceCounter, fileReferences, registerFileReference } from "./references";
export { registerRegistryRoutes } from "./registry.routes";
export { findFilesForSubject, type SubjectQuery, type SubjectSearchResult } from "./subject-search";
