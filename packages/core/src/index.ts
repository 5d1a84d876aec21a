export * from "./errors.js";
export * from "./text/fold.js";
export type * from "./import/contract.js";
export type * from "./import/blocks.js";
export * from "./import/warning.js";
export * from "./status/index.js";
export * from "./match/index.js";
export * from "./import/index.js";
export * from "./directory/index.js";
