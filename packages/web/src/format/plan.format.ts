import type { TaskSummary } from "../api/types.js";

type PlanName = {
  number: string | null;
  title: string | null;
  kind?: string | null;
  issuer?: string | null;
  sourceName?: string;
};

/**
 * How a plan is named in lists: its number ("596/QĐ-BCT"); without one, its title; without
 * either, the kind of document and who issued it, or at least the file it was read from.
 */
export function planLabel(plan: PlanName): string {
  if (plan.number) return plan.number;
  if (plan.title) return plan.title;
  if (plan.issuer) return `${plan.kind ?? "Văn bản"} của ${plan.issuer} (chưa có số)`;
  return plan.sourceName || "Kế hoạch chưa có số";
}

/**
 * A task's plans in a list over all plans: its own, then the plans of the tasks confirmed as
 * restating it (listed once, under this task) — "596/QĐ-BCT; 405/QĐ-BCT (nhiệm vụ 3)".
 */
export function taskPlansLabel(
  task: Pick<TaskSummary, "planId" | "planNumber" | "restatedIn">,
  labels: ReadonlyMap<number, string>,
): string {
  const own = labels.get(task.planId) ?? task.planNumber ?? "";
  const also = (task.restatedIn ?? []).map(
    (r) => `${labels.get(r.planId) ?? ""}${r.number ? ` (nhiệm vụ ${r.number})` : ""}`,
  );
  return [own, ...also].join("; ");
}
