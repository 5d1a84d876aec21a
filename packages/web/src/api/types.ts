/** The API's response shapes as the pages read them (issue 3, item 7). */
import type { Deadline } from "@giamsat/core";
import type { ImportResult } from "@giamsat/core";

export type Role = "admin" | "leader" | "monitor" | "unit_head" | "unit_staff";

export type OrgSummary = { id: number; name: string };

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  org: OrgSummary | null;
  /** the units the user acts for (with those under them); null for roles that see every unit */
  units: number[] | null;
};

export type Session = { user: SessionUser; csrfToken: string | null };

export type Page<T> = { items: T[]; total: number };

export type PlanSummary = {
  id: number;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  taskCount?: number;
};

export type OrgLink = {
  orgId: number | null;
  name: string;
  raw: string;
  kind: "unit" | "group";
  resolved: boolean;
  scope?: string | null;
};

export type TaskSummary = {
  id: number;
  planId: number;
  planNumber: string | null;
  number: string | null;
  kind: "time-bound" | "recurring";
  name: string;
  status: string;
  statusLabel: string;
  daysOverdue: number | null;
  daysLeft: number | null;
  deadline: Deadline;
  deadlineLabel: string;
  leader: string | null;
  lead: OrgLink[];
  output: string | null;
  completedOn: string | null;
  confidential: boolean;
  appendixId?: number;
};

export type StatusCounts = Record<string, number>;

export type Stats = {
  asOf: string;
  counts: StatusCounts;
  total?: number;
  byLead?: { org: OrgSummary; counts: StatusCounts }[];
};

export type GroupView = { path: string[]; number: string; title: string };

export type AppendixView = {
  id: number;
  title: string;
  kind: "tasks" | "indicators";
  groups: GroupView[];
  taskCount?: number;
};

export type PlanDetail = PlanSummary & {
  appendices: AppendixView[];
  warnings?: { line: number | null; code: string; message: string }[];
};

export type DocumentRefView = {
  raw: string;
  kind: string | null;
  number: string | null;
  date: string | null;
};

export type MilestoneView = {
  name: string;
  output: string | null;
  kind: string;
  deadline: Deadline;
};

export type EvidenceView = {
  id: number;
  kind: "file" | "document" | "link";
  fileName: string | null;
  mime: string | null;
  size: number | null;
  reference: string | null;
  url: string | null;
  downloadUrl: string | null;
};

export type ReviewView = {
  id: number;
  decision: "accept" | "return";
  comment: string | null;
  reviewerName: string | null;
  reviewedAt: string;
};

export type ReportView = {
  id: number;
  taskId: number;
  orgId: number | null;
  orgName: string | null;
  period: string;
  state: string;
  completedOn: string | null;
  progress: number | null;
  summary: string;
  difficulties: string | null;
  proposals: string | null;
  status: "submitted" | "accepted" | "returned";
  submittedAt: string;
  submittedBy: { id: number; name: string | null };
  evidence: EvidenceView[];
  reviews: ReviewView[];
};

export type LinkView = {
  id: number;
  kind: "implements" | "restates";
  state: "proposed" | "confirmed" | "rejected";
  task: { id: number; number: string | null; name: string; planNumber: string | null };
};

export type VersionView = {
  version: number;
  reason: string;
  createdAt: string;
  author: string | null;
};

export type ChangeRequestView = {
  id: number;
  kind: string;
  reason: string;
  status: string;
  proposedAt: string;
  proposedBy: string | null;
  decisionComment: string | null;
};

export type AuditView = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  reason: string | null;
};

export type TaskDetail = TaskSummary & {
  coordinators: OrgLink[];
  refNumber: string | null;
  output: string | null;
  basis: DocumentRefView[];
  plan: PlanSummary;
  appendixTitle: string | null;
  line: number | null;
  extra: Record<string, string>;
  milestones: MilestoneView[];
  reports: ReportView[];
  links: LinkView[];
  versions: VersionView[];
  changeRequests: ChangeRequestView[];
  audit: AuditView[];
  onTimeShare?: number | null;
  canReport?: boolean;
};

export type InboxTask = TaskSummary & { reportedThisPeriod: boolean; planNumber: string | null };

export type ReportWithTask = ReportView & {
  task: { id: number; number: string | null; name: string; planNumber: string | null };
};

export type Inbox = {
  asOf: string;
  periods: {
    planId: number;
    planNumber: string | null;
    periodKey: string;
    label: string;
    dueDate: string;
  }[];
  tasks: InboxTask[];
  returned: ReportWithTask[];
};

export type Organisation = {
  id: number;
  name: string;
  shortName: string | null;
  kind: "unit" | "group";
  parentId: number | null;
  aliases?: string[];
};

export type ImportPreview = { id: string; fileName: string; result: ImportResult };

export type ImportConfirmed = { planId: number; created?: boolean; changes?: number };

export type UserView = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  org: OrgSummary | null;
  active: boolean;
};

export type CalendarView = {
  id: number;
  planId: number;
  planNumber: string | null;
  frequency: "monthly" | "quarterly";
  dueDay: number;
};
