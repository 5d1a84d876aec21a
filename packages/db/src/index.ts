export * from "./schema.js";
export * from "./connection.js";
export * from "./migrate.js";
