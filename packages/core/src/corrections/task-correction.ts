/**
 * Corrections of a task after import: the monitoring department fixes what
 * the import got wrong — name, lead and coordinating units, deadline, output, confidential flag —
 * with a reason. Each correction becomes a version of the task holding, for every field it
 * changed, the value before and after, written as people read them.
 */
export const CORRECTABLE_FIELDS = [
  "name",
  "lead",
  "coordinators",
  "deadline",
  "output",
  "confidential",
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTION_FIELD_LABELS: Record<CorrectableField, string> = {
  name: "Tên nhiệm vụ",
  lead: "Đơn vị chủ trì",
  coordinators: "Đơn vị phối hợp",
  deadline: "Thời hạn",
  output: "Sản phẩm",
  confidential: "Mức độ mật",
};

/** What a correction may change, as shown to people (units by name, deadline as written). */
export type CorrectableFacts = {
  name: string;
  lead: readonly string[];
  coordinators: readonly string[];
  deadline: string;
  output: string | null;
  confidential: boolean;
};

/** One field a version changed: its label and the values before and after, as text. */
export type VersionChange = {
  field: CorrectableField;
  label: string;
  before: string;
  after: string;
};

const EMPTY = "(trống)";

function shown(field: CorrectableField, facts: CorrectableFacts): string {
  const value = facts[field];
  if (typeof value === "boolean") return value ? "Mật" : "Không mật";
  if (Array.isArray(value)) return value.length ? value.join("; ") : EMPTY;
  return (value as string | null)?.trim() || EMPTY;
}

/** The fields whose shown values differ, in the order of CORRECTABLE_FIELDS. */
export function correctionChanges(
  before: CorrectableFacts,
  after: CorrectableFacts,
): VersionChange[] {
  return CORRECTABLE_FIELDS.flatMap((field) => {
    const [b, a] = [shown(field, before), shown(field, after)];
    return b === a ? [] : [{ field, label: CORRECTION_FIELD_LABELS[field], before: b, after: a }];
  });
}
