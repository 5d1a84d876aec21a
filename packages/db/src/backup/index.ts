export * from "./database-census.js";
export * from "./sqlite-snapshot.js";
