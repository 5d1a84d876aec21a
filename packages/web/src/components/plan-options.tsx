import type { PlanSummary } from "../api/types.js";

/** The options of a "choose a plan" select: a disabled prompt, then number — title. */
export function PlanOptions({ plans }: { plans: readonly PlanSummary[] }) {
  return (
    <>
      <option value="" disabled>
        — Chọn kế hoạch —
      </option>
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {p.number ?? "(chưa số)"} — {(p.title ?? "").slice(0, 50)}
        </option>
      ))}
    </>
  );
}
