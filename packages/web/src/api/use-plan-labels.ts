import { planLabel } from "../format/plan.format.js";
import { api } from "./client.js";
import type { PlanSummary } from "./types.js";
import { useResource } from "./use-resource.js";

/** Each plan's name for lists that span plans (number, or title when it has none), by id. */
export function usePlanLabels(): Map<number, string> {
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  return new Map((plans.data?.items ?? []).map((p) => [p.id, planLabel(p)]));
}
