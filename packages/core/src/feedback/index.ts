export * from "./feedback-kinds.js";
export * from "./feedback-code.js";
