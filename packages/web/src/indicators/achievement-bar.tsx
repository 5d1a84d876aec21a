import { formatShare } from "./indicator.format.js";

/** Achievement against the year's target as a bar (capped at 100%) with its figure. */
export function AchievementBar({ share }: { share: number | null }) {
  if (share === null) return <span className="muted">—</span>;
  const width = Math.max(0, Math.min(1, share)) * 100;
  return (
    <span className="achievement">
      <span
        className="achievement-track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-label="Mức đạt so với chỉ tiêu năm"
      >
        <span className="achievement-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="achievement-figure">{formatShare(share)}</span>
    </span>
  );
}
