import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { ErrorBox } from "./feedback.js";

/**
 * The items ticked on a list, decided together: one request, all or none (the server names the
 * item that stopped it). Asks for a confirmation first; Esc cancels it. Used by the review queue
 * (accept) and the unit head's sign-off list (approve).
 */
export function BulkConfirmBar({
  count,
  label,
  summary,
  question,
  dialogLabel,
  startLabel,
  confirmLabel,
  send,
  onClear,
}: {
  count: number;
  /** the bar's accessible name */
  label: string;
  summary: ReactNode;
  question: string;
  dialogLabel: string;
  startLabel: string;
  confirmLabel: string;
  /** sends the request; resolves when done (the caller then clears and reloads) */
  send: () => Promise<void>;
  onClear: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (count === 0) return null;

  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (e) {
      setError(e as Error);
    } finally {
      setConfirming(false);
      setBusy(false);
    }
  };

  return (
    <section className="card bulk-bar" aria-label={label}>
      <p>{summary}</p>
      <ErrorBox error={error} />
      {confirming ? (
        <div
          className="alert confirm"
          role="alertdialog"
          aria-label={dialogLabel}
          onKeyDown={(e) => {
            if (e.key === "Escape") setConfirming(false);
          }}
        >
          <p>{question}</p>
          <div className="actions">
            <button type="button" ref={confirmRef} disabled={busy} onClick={() => void go()}>
              {confirmLabel}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Huỷ (Esc)
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {startLabel}
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            Bỏ chọn
          </button>
        </div>
      )}
    </section>
  );
}
