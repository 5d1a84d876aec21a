export * from "./backup-manifest.js";
