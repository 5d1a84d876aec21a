import { useMemo, useState } from "react";
import { api } from "../api/client.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

export type SignoffDecisionKind = "approve" | "return";

/**
 * The unit head's decision on one waiting item (a report or a change request): a reason field,
 * approve (on to `approveLabel`'s destination) or return to the staff (the reason required).
 */
export function SignoffDecision<T>({
  url,
  idPrefix,
  approveLabel,
  onDecided,
}: {
  /** the item's sign-off endpoint */
  url: string;
  idPrefix: string;
  approveLabel: string;
  onDecided: (item: T, decision: SignoffDecisionKind) => void;
}) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const reasonId = `${idPrefix}-reason`;
  const fieldOf = useMemo(
    () => fieldsByPath({ reason: { id: reasonId, label: "Lý do trả lại" } }),
    [reasonId],
  );
  const errors = useFormErrors(fieldOf);
  const decide = async (decision: SignoffDecisionKind) => {
    setBusy(true);
    errors.clear();
    try {
      const body = decision === "return" ? { decision, reason: reason.trim() } : { decision };
      onDecided(await api<T>(url, { body }), decision);
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <div className="field">
        <label htmlFor={reasonId}>Lý do trả lại (bắt buộc khi trả lại)</label>
        <textarea
          id={reasonId}
          rows={2}
          maxLength={5000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...errors.field(reasonId)}
        />
        <FieldError errors={errors} id={reasonId} />
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide("approve")}>
          {approveLabel}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void decide("return")}
        >
          Trả lại cán bộ
        </button>
      </div>
    </>
  );
}
