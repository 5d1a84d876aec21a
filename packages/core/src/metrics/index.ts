export * from "./prometheus-text.js";
