import { WARNING_LABELS } from "./indicator.format.js";
import type { WarningLevel } from "./indicator.types.js";

/** The warning level as a coloured chip; the one-sentence reason is its tooltip. */
export function WarningChip({ warning, reason }: { warning: WarningLevel; reason?: string }) {
  return (
    <span className={`chip w-${warning}`} title={reason}>
      {WARNING_LABELS[warning]}
    </span>
  );
}
