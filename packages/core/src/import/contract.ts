/**
 * The import contract (README "Import: formats, contract, directory"): what `giamsat import --dry-run --json`
 * prints, what the server stores and what the import preview shows. Field names are fixed.
 */

export type ImportResult = {
  document: DocumentInfo;
  appendices: Appendix[];
  warnings: Warning[];
};

export type DocumentInfo = {
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  draft: boolean;
};

export type AppendixKind = "tasks" | "indicators";

export type Appendix = {
  title: string;
  kind: AppendixKind;
  columns: string[];
  groups: Group[];
  tasks: Task[];
  indicators: Indicator[];
};

export type Role = "lead" | "support";

export type Group = { path: string[]; number: string; title: string; role?: Role };

export type TaskKind = "time-bound" | "recurring";

export type Task = {
  number: string | null;
  refNumber: string | null;
  groupPath: string[];
  role: Role | null;
  name: string;
  basis: DocumentRef[];
  leader: string | null;
  lead: OrgRef[];
  coordinators: OrgRef[];
  output: string | null;
  deadline: Deadline;
  kind: TaskKind;
  milestones: Milestone[];
  extra: Record<string, string>;
  line: number;
};

export type MilestoneKind = "step" | "phase" | "label";

export type Milestone = {
  name: string;
  output: string | null;
  deadline: Deadline;
  kind: MilestoneKind;
  line: number;
};

export type Frequency = "monthly" | "quarterly" | "yearly";

export type IndicatorPeriod = { period: string; label: string; target: Target };

export type IndicatorActivity = { name: string; output: string | null; frequency: string | null };

export type Indicator = {
  number: string | null;
  refNumber: string | null;
  parentNumber: string | null;
  name: string;
  unit: string | null;
  target: Target | null;
  periods: IndicatorPeriod[];
  activities: IndicatorActivity[];
  leader: string | null;
  lead: OrgRef[];
  coordinators: OrgRef[];
  frequency: Frequency | null;
  basis: DocumentRef[];
  line: number;
};

export type DeadlineKind = "date" | "range" | "recurring" | "unresolved" | "none";

export type Recurrence = "continuous" | "monthly" | "quarterly" | "yearly";

export type Deadline = {
  raw: string;
  kind: DeadlineKind;
  due: string | null;
  start: string | null;
  recurrence: Recurrence | null;
  note: string | null;
};

export type OrgKind = "unit" | "group";

export type OrgRef = {
  raw: string;
  name: string;
  kind: OrgKind;
  scope: string | null;
  resolved: boolean;
};

export type DocumentRef = {
  raw: string;
  kind: string | null;
  number: string | null;
  date: string | null;
  key: string | null;
};

export type TargetOp = ">=" | "<=" | "=" | "range" | "increase";

export type TargetPart = {
  op: TargetOp;
  value: number | null;
  max?: number | null;
  unit: string | null;
  scope: string | null;
};

export type Target = { raw: string; parts: TargetPart[] };

export type Warning = { line: number | null; code: string; message: string };
