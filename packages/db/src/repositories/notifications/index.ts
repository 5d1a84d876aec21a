export * from "./outbox.repository.js";
export * from "./notification.repository.js";
export * from "./reminder-source.repository.js";
export * from "./digest-source.repository.js";
export * from "./reminder-response.repository.js";
export * from "./message-body.repository.js";
export * from "./fanout.repository.js";
