/**
 * Every migration, in order. Listed statically (not read from the folder) so that the same
 * code runs from TypeScript sources under vitest and from the compiled dist/ in production.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-initial.js";
import * as m0002 from "./0002-organisation-code.js";
import * as m0003 from "./0003-task-status-indexes.js";
import * as m0004 from "./0004-task-leader-search.js";
import * as m0005 from "./0005-task-status-buckets.js";
import * as m0006 from "./0006-task-lead-counts.js";
import * as m0007 from "./0007-task-count-days.js";
import * as m0008 from "./0008-report-supersedes-index.js";
import * as m0009 from "./0009-notifications.js";
import * as m0010 from "./0010-report-integrity.js";
import * as m0011 from "./0011-indicator-values.js";
import * as m0012 from "./0012-report-drafts.js";
import * as m0013 from "./0013-task-version-changes.js";
import * as m0014 from "./0014-plan-tracked-from.js";
import * as m0015 from "./0015-periodic-reports.js";
import * as m0016 from "./0016-notification-messages.js";
import * as m0017 from "./0017-unit-signoff.js";
import * as m0018 from "./0018-indicator-evaluations.js";
import * as m0019 from "./0019-plan-published.js";
import * as m0020 from "./0020-feedback.js";
import * as m0021 from "./0021-indicator-evaluation-scope.js";
import * as m0022 from "./0022-notification-fanout.js";
import * as m0023 from "./0023-change-request-signoff.js";
import * as m0024 from "./0024-indicator-evaluation-items.js";
import * as m0025 from "./0025-feedback-files.js";
import * as m0026 from "./0026-report-queue-index.js";
import * as m0027 from "./0027-feedback-fields.js";
import * as m0028 from "./0028-report-timeliness-counts.js";
import * as m0029 from "./0029-notification-message-content.js";
import * as m0030 from "./0030-unit-status-days.js";
import * as m0031 from "./0031-task-search-index.js";
import * as m0032 from "./0032-notification-body-shared.js";
import * as m0033 from "./0033-timeliness-day-levels.js";
import * as m0034 from "./0034-feedback-kinds.js";
import * as m0035 from "./0035-outbox-sender-mail.js";
import * as m0036 from "./0036-change-request-resubmits.js";
import * as m0037 from "./0037-report-submitter-index.js";
import * as m0038 from "./0038-feedback-answer-days.js";
import * as m0039 from "./0039-notification-lean-writes.js";
import * as m0040 from "./0040-shared-server-state.js";
import * as m0041 from "./0041-evidence-blobs.js";
import * as m0042 from "./0042-periodic-report-chunks.js";
import * as m0046 from "./0046-evidence-holds.js";
import * as m0047 from "./0047-report-rate-counts.js";

const migrations: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-organisation-code": m0002,
  "0003-task-status-indexes": m0003,
  "0004-task-leader-search": m0004,
  "0005-task-status-buckets": m0005,
  "0006-task-lead-counts": m0006,
  "0007-task-count-days": m0007,
  "0008-report-supersedes-index": m0008,
  "0009-notifications": m0009,
  "0010-report-integrity": m0010,
  "0011-indicator-values": m0011,
  "0012-report-drafts": m0012,
  "0013-task-version-changes": m0013,
  "0014-plan-tracked-from": m0014,
  "0015-periodic-reports": m0015,
  "0016-notification-messages": m0016,
  "0017-unit-signoff": m0017,
  "0018-indicator-evaluations": m0018,
  "0019-plan-published": m0019,
  "0020-feedback": m0020,
  "0021-indicator-evaluation-scope": m0021,
  "0022-notification-fanout": m0022,
  "0023-change-request-signoff": m0023,
  "0024-indicator-evaluation-items": m0024,
  "0025-feedback-files": m0025,
  "0026-report-queue-index": m0026,
  "0027-feedback-fields": m0027,
  "0028-report-timeliness-counts": m0028,
  "0029-notification-message-content": m0029,
  "0030-unit-status-days": m0030,
  "0031-task-search-index": m0031,
  "0032-notification-body-shared": m0032,
  "0033-timeliness-day-levels": m0033,
  "0034-feedback-kinds": m0034,
  "0035-outbox-sender-mail": m0035,
  "0036-change-request-resubmits": m0036,
  "0037-report-submitter-index": m0037,
  "0038-feedback-answer-days": m0038,
  "0039-notification-lean-writes": m0039,
  "0040-shared-server-state": m0040,
  "0041-evidence-blobs": m0041,
  "0042-periodic-report-chunks": m0042,
  "0046-evidence-holds": m0046,
  "0047-report-rate-counts": m0047,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
