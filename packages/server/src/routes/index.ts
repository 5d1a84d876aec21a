import type { RouteTable } from "../http/route.js";
import type { Ctx } from "../services/context.js";
import { calendarRoutes } from "./admin/calendars.routes.js";
import { organisationRoutes } from "./admin/organisations.routes.js";
import { userRoutes } from "./admin/users.routes.js";
import { authRoutes } from "./auth/auth.routes.js";
import { changeRequestRoutes } from "./change-requests/change-requests.routes.js";
import { evidenceRoutes } from "./evidence/evidence.routes.js";
import { healthRoutes } from "./health/health.routes.js";
import { importRoutes } from "./imports/imports.routes.js";
import { indicatorValuesSheetRoutes } from "./indicators/indicator-values-sheet.routes.js";
import { indicatorRoutes } from "./indicators/indicators.routes.js";
import { inboxRoutes } from "./inbox/inbox.routes.js";
import { linkRoutes } from "./links/links.routes.js";
import { notificationRoutes } from "./notifications/notifications.routes.js";
import { reminderSettingsRoutes } from "./notifications/reminder-settings.routes.js";
import { periodicReportRoutes } from "../periodic-report/periodic-report.routes.js";
import { planRoutes } from "./plans/plans.routes.js";
import { reportDraftRoutes } from "./reports/report-drafts.routes.js";
import { reportRoutes } from "./reports/reports.routes.js";
import { statsRoutes } from "./stats/stats.routes.js";
import { taskRoutes } from "./tasks/tasks.routes.js";
import { tokenRoutes } from "./tokens/tokens.routes.js";

/** Every API route, by resource. */
export function registerRoutes(t: RouteTable, ctx: Ctx): void {
  healthRoutes(t, ctx);
  authRoutes(t, ctx);
  tokenRoutes(t, ctx);
  planRoutes(t, ctx);
  taskRoutes(t, ctx);
  statsRoutes(t, ctx);
  reportRoutes(t, ctx);
  reportDraftRoutes(t, ctx);
  evidenceRoutes(t, ctx);
  inboxRoutes(t, ctx);
  importRoutes(t, ctx);
  changeRequestRoutes(t, ctx);
  organisationRoutes(t, ctx);
  userRoutes(t, ctx);
  calendarRoutes(t, ctx);
  linkRoutes(t, ctx);
  notificationRoutes(t, ctx);
  reminderSettingsRoutes(t, ctx);
  indicatorRoutes(t, ctx);
  periodicReportRoutes(t, ctx);
  indicatorValuesSheetRoutes(t, ctx);
}
