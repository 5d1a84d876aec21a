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
