export * from "./database-census.js";
export * from "./sqlite-snapshot.js";
export * from "./pg-snapshot.js";
