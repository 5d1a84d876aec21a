export * from "./working-days.js";
export * from "./reminder-settings.js";
export * from "./report-reminders.js";
export * from "./deadline-reminders.js";
export * from "./message.js";
export * from "./escape-html.js";
export * from "./reminder-messages.js";
export * from "./indicator-alert-message.js";
