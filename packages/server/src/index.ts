export { createApp, type AppOptions } from "./app.js";
export { loadConfig, type Config } from "./config.js";
export { orgDirectory } from "./directory/org-directory-file.js";
export { openRuntime, listen, untilSignal, closeGracefully, type Runtime } from "./runtime.js";
export type { Ctx } from "./services/context.js";
export { ROLES, ROLE_LABELS, type Role, type Actor } from "./services/actor.js";
export { hashPassword, verifyPassword, generatePassword } from "./services/password.js";
export {
  createUser,
  resetPassword,
  issueTokenFor,
  type NewUserInput,
  type UserView,
} from "./services/user.service.js";
export { importPlanBytes, type ImportOutcome } from "./services/import.service.js";
export { scanOcr } from "./import-ocr/ocr.runner.js";
export { antiwordReader } from "./import-doc/antiword.runner.js";
export {
  listTokensFor,
  revokeAllTokens,
  revokeTokenFor,
  userNamed,
} from "./services/token.service.js";
export { DEFAULT_CALENDAR } from "@giamsat/core";
export { evaluateIndicatorRows } from "./services/indicator-live.service.js";
export {
  refreshAllIndicatorEvaluations,
  refreshOutdatedIndicatorEvaluations,
  refreshPlanIndicatorEvaluations,
} from "./services/indicator-evaluation.service.js";
export { importValuesSheet } from "./services/indicator-values-sheet.service.js";
export { channelsFor } from "./notifications/channels.js";
export type { Channel } from "./notifications/channel.js";
export { planDay, runReminders, type RemindResult } from "./notifications/remind.service.js";
export { fanOutAll } from "./notifications/fanout.js";
export { drainOutbox } from "./notifications/outbox.worker.js";
export { startScheduler, type Scheduler, type SchedulerLog } from "./notifications/scheduler.js";
export { periodicReportFile, CLI_REPORT_ACTOR } from "./periodic-report/periodic-report.service.js";
export { keptFileStream } from "./periodic-report/kept-file.writer.js";
export { periodicReportQuery } from "./periodic-report/periodic-report.schemas.js";
export { zodMessage } from "./http/errors.js";
export { periodicReportFor } from "./periodic-report/periodic-report.service.js";
export { renderDocx } from "./periodic-report/periodic-report.docx.js";
export { renderPdf, FONT_DIR } from "./periodic-report/periodic-report.pdf.js";
export { writeXlsx } from "./office/xlsx-stream.writer.js";
export { createBackup, type BackupOutcome } from "./backup/backup.service.js";
export { restoreBackup, type RestoreOutcome } from "./backup/restore.service.js";
export { migrateEvidence, type EvidenceMigration } from "./evidence-store/evidence-migrate.js";
export {
  evidenceStore,
  type EvidenceStore,
  type EvidenceStoreKind,
} from "./evidence-store/evidence-store.js";
export { storagePathOf } from "./evidence-store/evidence-key.js";
