export * from "./indicator.model.js";
export * from "./indicator-period.js";
export * from "./indicator-kind.infer.js";
export * from "./indicator-targets.js";
export * from "./indicator-forecast.js";
export * from "./indicator-evaluate.js";
export * from "./warning-text.js";
export * from "./plan-target-year.js";
