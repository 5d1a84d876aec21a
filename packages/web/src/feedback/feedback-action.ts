import type { FeedbackItemView } from "@giamsat/server/api";
import { useState } from "react";
import { api } from "../api/client.js";

/**
 * One handling step on a submission (`POST /api/feedback/:id/<step>`): busy while it runs,
 * the server's Vietnamese message on failure, the updated submission to `onDone`.
 */
export function useFeedbackAction(id: number, onDone: (item: FeedbackItemView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async (step: "route" | "reject" | "answer" | "decision" | "merge", body: object) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api<FeedbackItemView>(`/api/feedback/${id}/${step}`, { body }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
