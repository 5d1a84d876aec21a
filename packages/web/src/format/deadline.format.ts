import { formatDeadline } from "@giamsat/core";
import type { Deadline } from "@giamsat/core";

export { formatDeadline };

/** True when the shown deadline differs from what the document wrote (so the raw text is shown). */
export const deadlineNormalised = (deadline: Deadline) =>
  !!deadline.raw && formatDeadline(deadline) !== deadline.raw;
