export * from "./indicator.repository.js";
export * from "./indicator-value.repository.js";
export * from "./indicator-evaluation.repository.js";
