export * from "./value-period.parse.js";
export * from "./value-number.parse.js";
export * from "./values-sheet.columns.js";
export * from "./values-sheet.read.js";
export * from "./values-sheet.template.js";
