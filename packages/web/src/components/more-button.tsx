import { ErrorBox } from "./feedback.js";

/** "Xem thêm (N … nữa)" under a list that has more than it shows. */
export function MoreButton({
  left,
  what,
  loading,
  error,
  onMore,
}: {
  left: number;
  what: string;
  loading: boolean;
  error: Error | null;
  onMore: () => void;
}) {
  if (left === 0 && !error) return null;
  return (
    <>
      <ErrorBox error={error} />
      {left > 0 && (
        <button type="button" className="secondary" disabled={loading} onClick={onMore}>
          {loading ? "Đang tải…" : `Xem thêm (${left} ${what} nữa)`}
        </button>
      )}
    </>
  );
}
