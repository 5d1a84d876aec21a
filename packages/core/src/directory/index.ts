export * from "./org-entry.js";
export * from "./org-directory.js";
export { orgKey } from "./org-key.js";
export { isBareHead, startsUnit, startsGroup, UNIT_HEADS } from "./org-keywords.js";
