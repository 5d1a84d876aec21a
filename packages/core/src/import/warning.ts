import type { Warning } from "./contract.js";

/** A warning before the table model knows its line: normalisers return these. */
export type WarningDraft = Omit<Warning, "line">;

export function warning(code: string, message: string): WarningDraft {
  return { code, message };
}
