export * from "./feedback-kinds.js";
export * from "./feedback-code.js";
export * from "./feedback-reminder-message.js";
