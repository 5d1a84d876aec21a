export * from "./report-period.js";
export * from "./periodic-report.model.js";
export * from "./periodic-report.build.js";
export * from "./periodic-report.annexes.js";
export * from "./report-layout.js";
export * from "./docx-conformance.js";
export * from "./progress-label.js";
export * from "./stated-reason.js";
