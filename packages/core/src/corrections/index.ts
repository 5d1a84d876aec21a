export * from "./task-correction.js";
