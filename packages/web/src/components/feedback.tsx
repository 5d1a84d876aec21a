import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";

/** The Vietnamese message of a failed request, announced to screen readers. */
export function ErrorBox({
  error,
  children,
}: {
  error: Error | null | undefined;
  children?: ReactNode;
}) {
  if (!error) return null;
  return (
    <div className="alert error" role="alert">
      {error.message}
      {children}
    </div>
  );
}

export function Loading({ label = "Đang tải…" }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** How long a new live region stays empty, so screen readers know it before its message. */
const REGION_SETTLE_MS = 150;

/**
 * A polite live region for success messages: it is in the page before its message, so the
 * message is said by screen readers (one inserted already filled is often skipped); a message
 * that comes with the region itself (a page arriving with it) is put in a moment later.
 * `focusOn`: each new truthy value moves the keyboard to the message — after an action whose
 * control is gone with it (a bulk decision's bar, a decided item), the result is where the user is.
 */
export function StatusRegion({ children, focusOn }: { children?: ReactNode; focusOn?: unknown }) {
  const [settled, setSettled] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), REGION_SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (focusOn && settled) region.current?.focus();
  }, [focusOn, settled]);
  return (
    <div
      ref={region}
      role="status"
      className="status-region"
      tabIndex={focusOn === undefined ? undefined : -1}
      data-testid={focusOn === undefined ? undefined : "result-message"}
    >
      {settled ? children : null}
    </div>
  );
}
