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
