export * from "./list-sheet.js";
export * from "./task-list.sheet.js";
export * from "./scorecard.sheet.js";
export * from "./status-count.sheet.js";
