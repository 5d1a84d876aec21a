/**
 * What the table model needs from the normalisers, bound to one document (its directory, owner
 * and year), plus the warning list with line numbers. Built once per import in build-result.ts.
 */
import type { Deadline, DocumentRef, Frequency, OrgRef, Target, Warning } from "./contract.js";
import type { WarningDraft } from "./warning.js";
import type { FootnoteIndex } from "./footnotes.js";
import { TABLE_WARNINGS, type TableWarningCode } from "./warning-codes.js";

export type Normalisers = {
  deadline(raw: string): { deadline: Deadline; warnings: WarningDraft[] };
  orgs(raw: string): { orgs: OrgRef[]; warnings: WarningDraft[] };
  refs(raw: string): DocumentRef[];
  target(raw: string, unit: string | null): Target | null;
  period(label: string): { period: string; label: string } | null;
  frequency(text: string): Frequency | null;
};

export type ImportContext = Normalisers & {
  footnotes: FootnoteIndex;
  warnings: Warning[];
  /** Adds normaliser warnings at a line. */
  addDrafts(drafts: WarningDraft[], line: number | null, prefix?: string): void;
  /** Adds a table-model warning at a line. */
  warn(code: TableWarningCode, line: number | null, message?: string): void;
};

export function createContext(n: Normalisers, footnotes: FootnoteIndex): ImportContext {
  const warnings: Warning[] = [];
  return {
    ...n,
    footnotes,
    warnings,
    addDrafts(drafts, line, prefix) {
      for (const d of drafts)
        warnings.push({
          line,
          code: d.code,
          message: prefix ? `${prefix}: ${d.message}` : d.message,
        });
    },
    warn(code, line, message) {
      warnings.push({ line, code, message: message ?? TABLE_WARNINGS[code] });
    },
  };
}
