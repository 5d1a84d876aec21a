/**
 * The database schema as Kysely sees it: one interface per table, snake_case column names.
 *
 * Conventions, identical on SQLite and PostgreSQL so that queries compare values alike:
 * - ids are INTEGER (autoincrement on SQLite, identity on PostgreSQL); sessions use a text id.
 * - dates are TEXT `YYYY-MM-DD`, timestamps TEXT ISO `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC).
 * - flags are INTEGER 0/1 (SQLite has no boolean type).
 * - JSON values are TEXT holding `JSON.stringify` output (type `Json` below); parse on read.
 * - `*_search` / `search` / `*_folded` columns hold `fold()` of the text (diacritics removed,
 *   đ → d, lower case) so that `chuyen doi so` finds `chuyển đổi số` with a plain LIKE.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  PeriodicReportChunksTable,
  PeriodicReportDraftsTable,
  PeriodicReportsTable,
} from "./periodic-report/periodic-report.schema.js";
import type { SharedStateTables } from "./shared-state/shared-state.schema.js";

/** JSON stored as TEXT (JSON.stringify). */
export type Json = string;
/** 0 or 1. */
export type Flag = number;
/** A timestamp column the database fills on insert (ISO text, UTC). */
export type CreatedAt = ColumnType<string, string | undefined, never>;

export type OrgKind = "unit" | "group";
export type UserRole = "admin" | "leader" | "monitor" | "unit_head" | "unit_staff";
export type TaskKindCode = "time-bound" | "recurring";
export type TaskOrgRole = "lead" | "coordinator";
export type LinkKind = "implements" | "restates";
export type LinkState = "proposed" | "confirmed" | "rejected";
export type ReportState = "not_started" | "in_progress" | "completed" | "nothing_to_report";
/** `awaiting_signoff`: sent by a unit's staff, waiting for the unit head. */
export type ReportStatus = "awaiting_signoff" | "submitted" | "accepted" | "returned";
export type EvidenceKind = "file" | "document" | "link";
export type ReviewDecision = "accept" | "return";
export type ChangeRequestKind = "extend_deadline" | "reassign" | "change_output" | "cancel";
/**
 * `awaiting_signoff`: a unit's staff proposed it, waiting for the unit head; `returned`: the head
 * sent it back with a reason.
 */
export type ChangeRequestStatus =
  "awaiting_signoff" | "returned" | "proposed" | "approved" | "rejected";
export type CalendarFrequency = "monthly" | "quarterly";

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  kind: OrgKind;
  parent_id: number | null;
  /** fold(name) */
  search: string;
  /** id of the entry in core's organisation directory ("bct.vu-phap-che"); unique when set */
  code: string | null;
  /** the directory's finer kind: central, ministry, agency, province, commune, department, group */
  category: string | null;
  /** 1: its staff's reports wait for the unit head's sign-off before the review (migration 0017) */
  signoff_required: Generated<number>;
  created_at: CreatedAt;
}

export interface OrgAliasesTable {
  id: Generated<number>;
  org_id: number;
  alias: string;
  alias_folded: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: UserRole;
  /** the user's main unit; user_orgs lists every unit the user acts for (including this one) */
  org_id: number | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: CreatedAt;
  /** where e-mail notifications go (migration 0009); null: in-app only */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserOrgsTable {
  user_id: number;
  org_id: number;
}

export interface SessionsTable {
  /** sha256 (hex) of the random session token; the token itself lives only in the cookie */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  name: string;
  created_at: CreatedAt;
  last_used_at: string | null;
}

export interface LegalDocumentsTable {
  id: Generated<number>;
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  /** one key shared by all spellings of one document (DocumentRef.key), unique when set */
  key: string | null;
}

export interface PlansTable {
  id: Generated<number>;
  document_id: number | null;
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  owner_org_id: number | null;
  draft: Flag;
  /** sha256 (hex) of the source file's bytes */
  source_hash: string;
  source_name: string;
  /** ImportResult.warnings as JSON */
  warnings: Json;
  imported_at: CreatedAt;
  imported_by: number | null;
  /** the day report timeliness is counted from; null: the day the plan was imported */
  tracked_from: ColumnType<string | null, string | null | undefined, string | null>;
  /** when the plan was published on the public pages (null: not published) */
  published_at: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string | null;
}

export interface AppendicesTable {
  id: Generated<number>;
  plan_id: number;
  ordinal: number;
  title: string;
  kind: "tasks" | "indicators";
  /** string[] as JSON */
  columns: Json;
}

/** Group rows of an appendix (named task_groups: GROUPS is a keyword in SQL window frames). */
export interface TaskGroupsTable {
  id: Generated<number>;
  appendix_id: number;
  ordinal: number;
  /** string[] as JSON, e.g. ["II","II.1"] */
  path: Json;
  number: string;
  title: string;
  role: "lead" | "support" | null;
}

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  appendix_id: number;
  /** position in the plan (document order, 1-based) */
  ordinal: number;
  number: string | null;
  ref_number: string | null;
  /** string[] as JSON */
  group_path: Json;
  role: "lead" | "support" | null;
  name: string;
  /** fold(name) */
  name_search: string;
  kind: TaskKindCode;
  leader: string | null;
  /** fold(leader): the leader filter matches on it */
  leader_search: string | null;
  /** first lead unit (task_orgs role=lead, lowest ordinal, resolved to an organisation) */
  lead_org_id: number | null;
  output: string | null;
  deadline_raw: string;
  deadline_kind: "date" | "range" | "recurring" | "unresolved" | "none";
  due_date: string | null;
  start_date: string | null;
  recurrence: "continuous" | "monthly" | "quarterly" | "yearly" | null;
  deadline_note: string | null;
  /** DocumentRef[] as JSON */
  basis: Json;
  /** Record<string,string> as JSON */
  extra: Json;
  line: number;
  /** completed_on of the latest ACCEPTED report whose state is completed (denormalised) */
  completed_on: string | null;
  confidential: ColumnType<Flag, Flag | undefined, Flag>;
  /** set when an amended plan no longer contains the task; the row is kept for its history */
  removed_at: string | null;
  /** set when a change request cancelled the task */
  cancelled_at: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: string | null;
}

/**
 * How many tasks in force share each status-relevant key (maintained by triggers on `tasks`;
 * a missing date is ''): national status counts sum these rows instead of reading every task.
 */
export interface TaskStatusBucketsTable {
  confidential: Flag;
  kind: TaskKindCode;
  due_date: string;
  completed_on: string;
  n: number;
}

/** The first accepted report of a task for a period (migration 0028; kept by triggers). */
export interface ReportReceiptsTable {
  task_id: number;
  period_key: string;
  /** when it was submitted */
  first_at: string;
  /** that day in Vietnam */
  received_on: string;
}

/** Recurring tasks' windows starting (+1) and ending (−1) per unit, calendar, day (0028). */
export interface UnitRecurringDaysTable {
  /** y, m or d: the year, month or day `day_key` is (migration 0033) */
  level: "y" | "m" | "d";
  day_key: string;
  lead_org_id: number;
  confidential: Flag;
  frequency: CalendarFrequency;
  due_day: number;
  tasks: number;
  /** dueDatesBefore(day) for each start, less for each end */
  weight: ColumnType<number | string, number, number>;
}

/** Per unit and day, on-time first receipts counted from it and due on it (migration 0028). */
export interface UnitReceiptDaysTable {
  /** y, m or d: the year, month or day `day_key` is (migration 0033) */
  level: "y" | "m" | "d";
  day_key: string;
  lead_org_id: number;
  confidential: Flag;
  received: number;
  due: number;
}

/** The due-soon windows `unit_status_days` is kept for (migration 0030). */
export interface TaskSoonWindowsTable {
  days: number;
}

/**
 * Per unit, status events summed by year, month and day (migration 0030,
 * migrations/status-day-events.sql.ts): a date sums the rows up to it.
 */
export interface UnitStatusDaysTable {
  soon_days: number;
  level: "y" | "m" | "d";
  /** the year, month or day of the events ('' for "always") */
  day_key: string;
  lead_org_id: number;
  confidential: Flag;
  done_on_time: number;
  done_late: number;
  in_time: number;
  due_soon: number;
  overdue: number;
  no_deadline: number;
  recurring: number;
}

export interface TaskOrgsTable {
  id: Generated<number>;
  task_id: number;
  role: TaskOrgRole;
  ordinal: number;
  /** null when the raw name resolved to no organisation */
  org_id: number | null;
  raw: string;
  name: string;
  kind: OrgKind;
  scope: string | null;
  resolved: Flag;
}

export interface MilestonesTable {
  id: Generated<number>;
  task_id: number;
  ordinal: number;
  name: string;
  output: string | null;
  kind: "step" | "phase" | "label";
  deadline_raw: string;
  deadline_kind: "date" | "range" | "recurring" | "unresolved" | "none";
  due_date: string | null;
  start_date: string | null;
  recurrence: "continuous" | "monthly" | "quarterly" | "yearly" | null;
  deadline_note: string | null;
  line: number;
}

export interface IndicatorsTable {
  id: Generated<number>;
  plan_id: number;
  appendix_id: number;
  ordinal: number;
  number: string | null;
  ref_number: string | null;
  parent_number: string | null;
  name: string;
  name_search: string;
  unit: string | null;
  /** Target | null as JSON */
  target: Json | null;
  leader: string | null;
  lead_org_id: number | null;
  frequency: "monthly" | "quarterly" | "yearly" | null;
  basis: Json;
  line: number;
  /** the monitoring department's correction of the inferred kind; null: inferred */
  kind: Generated<"level" | "cumulative" | "in_period" | null>;
  /** the monitoring department's correction of the inferred direction; null: inferred */
  direction: Generated<"higher" | "lower" | "range" | null>;
}

/**
 * The stored evaluation of an indicator as of a day (the list reads it; migration 0018): the
 * columns the list filters, counts and orders on; the item itself in indicator_evaluation_items.
 */
export interface IndicatorEvaluationsTable {
  indicator_id: number;
  plan_id: number;
  appendix_id: number;
  ordinal: number;
  lead_org_id: number | null;
  /** the Vietnam day it was computed for, YYYY-MM-DD; '' while waiting (migration 0021) */
  as_of: string;
  /** the warning level; '' while waiting */
  warning: string;
}

/** The API's indicator item of a stored evaluation, as JSON text (migration 0024). */
export interface IndicatorEvaluationItemsTable {
  indicator_id: number;
  item: string;
}

export type IndicatorValueStatus = "submitted" | "accepted" | "returned" | "superseded";
export type IndicatorValueSource = "form" | "xlsx" | "api";

export interface IndicatorValuesTable {
  id: Generated<number>;
  indicator_id: number;
  org_id: number | null;
  /** "2026-05", "2026-Q2" or "2026" */
  period: string;
  value: number;
  note: string | null;
  /** a document reference or a link */
  evidence: string | null;
  source: IndicatorValueSource;
  status: IndicatorValueStatus;
  /** the value this one corrects; that one is marked superseded when this one is accepted */
  supersedes_id: number | null;
  submitted_by: number;
  submitted_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

export interface IndicatorOrgsTable {
  id: Generated<number>;
  indicator_id: number;
  role: TaskOrgRole;
  ordinal: number;
  org_id: number | null;
  raw: string;
  name: string;
  kind: OrgKind;
  scope: string | null;
  resolved: Flag;
}

export interface IndicatorPeriodsTable {
  id: Generated<number>;
  indicator_id: number;
  ordinal: number;
  /** "2026", "2028-Q4", "2025..2026" */
  period: string;
  label: string;
  /** Target as JSON */
  targets: Json;
}

export interface IndicatorActivitiesTable {
  id: Generated<number>;
  indicator_id: number;
  ordinal: number;
  name: string;
  output: string | null;
  frequency: string | null;
}

export interface TaskLinksTable {
  id: Generated<number>;
  from_task_id: number;
  to_task_id: number;
  kind: LinkKind;
  score: number;
  /** string[] as JSON */
  reasons: Json;
  state: LinkState;
  decided_by: number | null;
  decided_at: string | null;
  created_at: CreatedAt;
}

export interface ReportingCalendarsTable {
  id: Generated<number>;
  plan_id: number;
  frequency: CalendarFrequency;
  /** reports are due before this day of the month (monthly) or of the quarter's last month */
  due_day: number;
  created_at: CreatedAt;
}

export interface ProgressReportsTable {
  id: Generated<number>;
  task_id: number;
  org_id: number | null;
  /** "2026-03" (month), "2026-Q1" (quarter), "2026" (year) */
  period_key: string;
  state: ReportState;
  completed_on: string | null;
  progress: number | null;
  summary: string;
  difficulties: string | null;
  proposals: string | null;
  submitted_by: number;
  submitted_at: string;
  status: ReportStatus;
  /** the report this one corrects (reports are never edited in place); at most one correction */
  supersedes_id: number | null;
  /** 1 when a later report replaces this one (its correction); only live (0) reports count */
  superseded: Generated<number>;
  /** the submitting form's token: the same form sent twice is one report */
  client_token: string | null;
  /** the unit head who signed the report off and when (reports of units with sign-off on) */
  signed_off_by: number | null;
  signed_off_at: string | null;
}

/** What a user has typed in a task's report form, saved as they type (one per user and task). */
export interface ReportDraftsTable {
  id: Generated<number>;
  user_id: number;
  task_id: number;
  /** the form's fields as JSON */
  data: Json;
  updated_at: string;
}

export interface EvidenceTable {
  id: Generated<number>;
  report_id: number;
  kind: EvidenceKind;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  /** relative to the data folder */
  storage_path: string | null;
  sha256: string | null;
  /** a document reference, e.g. "Công văn số 123/BCT-KHCN ngày 10/3/2026" */
  reference: string | null;
  url: string | null;
  created_at: CreatedAt;
}

export interface ReviewsTable {
  id: Generated<number>;
  report_id: number;
  decision: ReviewDecision;
  comment: string | null;
  reviewer_id: number;
  reviewed_at: string;
}

export interface ChangeRequestsTable {
  id: Generated<number>;
  task_id: number;
  kind: ChangeRequestKind;
  payload: Json;
  reason: string;
  proposed_by: number;
  proposed_at: string;
  status: ChangeRequestStatus;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  /** the proposing unit (its heads sign the request off); null before migration 0021 */
  org_id: number | null;
  signed_off_by: number | null;
  signed_off_at: string | null;
  /** the returned or rejected request this one sends again (at most one successor each) */
  resubmits_id: number | null;
}

export interface TaskVersionsTable {
  id: Generated<number>;
  task_id: number;
  version: number;
  /** the task's fields (and orgs) as JSON at this version */
  snapshot: Json;
  reason: string;
  author_id: number | null;
  /** VersionChange[] as JSON: the fields a correction changed, before and after; null otherwise */
  changes: ColumnType<Json | null, Json | null | undefined, Json | null>;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  reason: string | null;
}

export interface PlanImportsTable {
  id: Generated<number>;
  plan_id: number;
  source_hash: string;
  source_name: string;
  /** summary of what the import did (created / changes) as JSON */
  result: Json;
  at: CreatedAt;
  by: number | null;
}

/** A public holiday: not a working day (migration 0009; edited by the administrator). */
export interface HolidaysTable {
  date: string;
  name: string;
}

/** A plan's reminder offsets (core ReminderSettings); a plan without a row uses the defaults. */
export interface ReminderSettingsTable {
  plan_id: number;
  /** number[] as JSON: working days before a report day */
  report_days: Json;
  /** number[] as JSON: days before a task deadline */
  deadline_days: Json;
  overdue_every_days: number;
}

/**
 * `held`: an e-mail its recipient gathers in the daily digest (never sent alone); `bundled`:
 * a held row that the digest mail now carries.
 */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "held" | "bundled";
export type NotificationChannel = "in_app" | "email";
/** A preference's channel: `email_digest` on means the kind's e-mails go in the daily digest. */
export type PrefChannel = NotificationChannel | "email_digest";

/**
 * One message to one recipient on one channel. Unique on (rule, item, period, recipient_id,
 * step, channel): queuing the same reminder again is a no-op. `sending` rows are claimed by a
 * worker until `claimed_until`; a worker that died leaves them to be claimed again.
 */
export interface NotificationOutboxTable {
  id: Generated<number>;
  rule: string;
  item: string;
  period: string;
  /** null for a mail to an address with no account (a PAKN sender, migration 0035) */
  recipient_id: number | null;
  step: string;
  channel: NotificationChannel;
  kind: string;
  /** the e-mail address at queue time (email channel) */
  address: string | null;
  subject: string;
  /** empty when `message_id` points to the body (rows queued since migration 0016) */
  body_text: string;
  body_html: string;
  link: string;
  message_id: ColumnType<number | null, number | null | undefined, number | null>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: string | null;
}

/** Who a fan-out row is told to: a unit's heads, its staff, both (`unit`), or a role. */
export type FanoutAudience = "unit" | UserRole;

/**
 * One message to an audience, queued by the daily run (migration 0022). Unique on (rule, item,
 * period, step, org_id, audience); `org_id` 0 is every active user of the role named by
 * `audience`. The worker fans it out to one outbox row per recipient and channel and sets
 * `fanned_out_at` in the same transaction.
 */
export interface NotificationFanoutTable {
  id: Generated<number>;
  rule: string;
  item: string;
  period: string;
  step: string;
  org_id: number;
  audience: FanoutAudience;
  kind: string;
  subject: string;
  link: string;
  message_id: number;
  created_at: CreatedAt;
  fanned_out_at: string | null;
}

/** A message body stored once for every outbox row that carries it. */
export interface NotificationMessagesTable {
  id: Generated<number>;
  body_text: string;
  body_html: string;
  /** what a body rendered when fanned out says (JSON), until it is rendered; then null */
  content: string | null;
  created_at: CreatedAt;
}

/** An in-app notification (the bell). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  /** the outbox row it was delivered from: delivering it twice inserts nothing */
  outbox_id: number | null;
  /** the stored body it shows (written by the fan-out; `body` is then empty) */
  message_id: number | null;
  created_at: CreatedAt;
  read_at: string | null;
}

/** A user's choice for one kind and channel; no row: the default (on; no digest). */
export interface NotificationPrefsTable {
  user_id: number;
  kind: string;
  channel: PrefChannel;
  enabled: Flag;
}

/** Public feedback (PAKN, README "Public feedback"); the sender's contact never leaves the server. */
export interface FeedbackTable {
  id: Generated<number>;
  code: string;
  kind: string;
  title: string;
  content: string;
  content_key: string;
  task_id: number | null;
  sender_name: string;
  sender_org: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  publish_name: number;
  consent_at: string;
  secret_hash: string;
  status: Generated<string>;
  unit_id: number | null;
  deadline: string | null;
  answer: string | null;
  internal_note: string | null;
  reject_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  created_at: Generated<string>;
  updated_at: string | null;
  field_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** a duplicate merged into that submission: answered once, by it */
  merged_into_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The fields (lĩnh vực) of the feedback form, kept by the administrator. */
/** Working days to answer a public submission, per kind, as the administrator set them. */
export interface FeedbackAnswerDaysTable {
  kind: string;
  days: number;
}

export interface FeedbackFieldsTable {
  id: Generated<number>;
  name: string;
  /** the unit proposed when routing a submission of this field */
  unit_id: number | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: Generated<string>;
}

/** A file attached to a submission; served only to its handlers. */
export interface FeedbackFilesTable {
  id: Generated<number>;
  feedback_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_path: string;
  created_at: Generated<string>;
}

/** A stored evidence file of the database store (0041): its chunks are complete when it exists. */
export interface EvidenceBlobsTable {
  sha256: string;
  size: number;
  mime: string;
  created_at: Generated<string>;
}

/** About 1 MB of a stored file, `seq` 0, 1, … in order. */
export interface EvidenceChunksTable {
  sha256: string;
  seq: number;
  bytes: Uint8Array;
}

export interface Database extends SharedStateTables {
  organisations: OrganisationsTable;
  org_aliases: OrgAliasesTable;
  users: UsersTable;
  user_orgs: UserOrgsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  legal_documents: LegalDocumentsTable;
  plans: PlansTable;
  appendices: AppendicesTable;
  task_groups: TaskGroupsTable;
  tasks: TasksTable;
  task_status_buckets: TaskStatusBucketsTable;
  report_receipts: ReportReceiptsTable;
  unit_recurring_days: UnitRecurringDaysTable;
  unit_receipt_days: UnitReceiptDaysTable;
  task_soon_windows: TaskSoonWindowsTable;
  unit_status_days: UnitStatusDaysTable;
  task_orgs: TaskOrgsTable;
  milestones: MilestonesTable;
  indicators: IndicatorsTable;
  indicator_orgs: IndicatorOrgsTable;
  indicator_periods: IndicatorPeriodsTable;
  indicator_activities: IndicatorActivitiesTable;
  indicator_values: IndicatorValuesTable;
  indicator_evaluations: IndicatorEvaluationsTable;
  indicator_evaluation_items: IndicatorEvaluationItemsTable;
  task_links: TaskLinksTable;
  reporting_calendars: ReportingCalendarsTable;
  progress_reports: ProgressReportsTable;
  report_drafts: ReportDraftsTable;
  evidence: EvidenceTable;
  reviews: ReviewsTable;
  change_requests: ChangeRequestsTable;
  task_versions: TaskVersionsTable;
  audit_events: AuditEventsTable;
  plan_imports: PlanImportsTable;
  holidays: HolidaysTable;
  reminder_settings: ReminderSettingsTable;
  notification_outbox: NotificationOutboxTable;
  notifications: NotificationsTable;
  notification_prefs: NotificationPrefsTable;
  periodic_reports: PeriodicReportsTable;
  periodic_report_drafts: PeriodicReportDraftsTable;
  periodic_report_chunks: PeriodicReportChunksTable;
  notification_messages: NotificationMessagesTable;
  notification_fanout: NotificationFanoutTable;
  feedback: FeedbackTable;
  feedback_files: FeedbackFilesTable;
  feedback_fields: FeedbackFieldsTable;
  feedback_answer_days: FeedbackAnswerDaysTable;
  evidence_blobs: EvidenceBlobsTable;
  evidence_chunks: EvidenceChunksTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type Feedback = Selectable<FeedbackTable>;
export type NewFeedback = Insertable<FeedbackTable>;
export type FeedbackFile = Selectable<FeedbackFilesTable>;
export type FeedbackField = Selectable<FeedbackFieldsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Plan = Selectable<PlansTable>;
export type TaskRow = Selectable<TasksTable>;
export type NewTask = Insertable<TasksTable>;
export type TaskUpdate = Updateable<TasksTable>;
export type TaskOrgRow = Selectable<TaskOrgsTable>;
export type MilestoneRow = Selectable<MilestonesTable>;
export type TaskLinkRow = Selectable<TaskLinksTable>;
export type ProgressReport = Selectable<ProgressReportsTable>;
export type NewProgressReport = Insertable<ProgressReportsTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type Review = Selectable<ReviewsTable>;
export type ChangeRequest = Selectable<ChangeRequestsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
