/**
 * Test support for every package's database tests (not part of the build). Import it by
 * relative path, e.g. from packages/server/src/x.test.ts:
 * `import { dialects, withTestDatabase, buildUser } from "../../db/src/test-support/index.js";`
 */
export * from "./dialects.js";
export * from "./test-database.js";
export * from "./builders.js";
export * from "./import-result.js";
export * from "./task-writes.js";
