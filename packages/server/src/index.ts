export { createApp, type AppOptions } from "./app.js";
export { loadConfig, type Config } from "./config.js";
export { ROLES, ROLE_LABELS, type Role, type Actor } from "./services/actor.js";
export { hashPassword, verifyPassword, generatePassword } from "./services/password.js";
