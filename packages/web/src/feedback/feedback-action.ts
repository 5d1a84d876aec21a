import type { FeedbackItemView } from "@giamsat/server/api";
import { useState } from "react";
import { api } from "../api/client.js";
import type { FieldOf } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

/**
 * One handling step on a submission (`POST /api/feedback/:id/<step>`): busy while it runs; on
 * failure the server's Vietnamese messages beside the step's fields (`fieldOf`, shown through
 * `errors` like every form: ErrorSummary, FieldError); the updated submission to `onDone`.
 */
export function useFeedbackAction(
  id: number,
  fieldOf: FieldOf,
  onDone: (item: FeedbackItemView) => void,
) {
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fieldOf);
  const run = async (step: "route" | "reject" | "answer" | "decision" | "merge", body: object) => {
    setBusy(true);
    errors.clear();
    try {
      onDone(await api<FeedbackItemView>(`/api/feedback/${id}/${step}`, { body }));
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run };
}
