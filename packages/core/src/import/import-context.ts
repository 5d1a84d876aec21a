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

function cached<A extends string, R>(fn: (key: A) => R): (key: A) => R {
  const seen = new Map<A, R>();
  return (key) => {
    let result = seen.get(key);
    if (result === undefined && !seen.has(key)) {
      result = fn(key);
      seen.set(key, result);
    }
    return result as R;
  };
}

/**
 * Plans repeat the same cell texts (`Các đơn vị thuộc Bộ`, `Thông báo số 17-TB/…`, `Quý I/2026`)
 * hundreds of times; the normalisers are pure, so each distinct text is parsed once per import
 * and its result shared by every row that repeats it (a copy per row cost time and memory). The
 * table model never changes a shared value; a caller that adjusts one
 * afterwards (the server naming a unit from a user's alias, by its raw text) changes it for every
 * row that wrote the same text, which is what it means.
 */
export function memoise(n: Normalisers): Normalisers {
  const targets = new Map<string, (raw: string) => Target | null>();
  return {
    deadline: cached(n.deadline),
    orgs: cached(n.orgs),
    refs: cached(n.refs),
    period: cached(n.period),
    frequency: cached(n.frequency),
    target: (raw, unit) => {
      const key = unit ?? "";
      if (!targets.has(key))
        targets.set(
          key,
          cached((r: string) => n.target(r, unit)),
        );
      return targets.get(key)!(raw);
    },
  };
}

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
