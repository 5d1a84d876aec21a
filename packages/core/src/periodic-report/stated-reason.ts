/**
 * What a unit says about a task it has not finished on time: the reason from its latest report
 * (the difficulties it names, else its summary) or from its deadline extension request, and the
 * new date it committed to in that request.
 */
export type StatedReason = { reason: string; newDate: string | null };

export function statedReason(
  report: { summary: string; difficulties: string | null } | undefined,
  extension: { reason: string; dueDate: string | null } | undefined,
): StatedReason {
  return {
    reason:
      report?.difficulties?.trim() || extension?.reason.trim() || report?.summary.trim() || "",
    newDate: extension?.dueDate ?? null,
  };
}
