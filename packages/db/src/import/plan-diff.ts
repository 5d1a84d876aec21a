/**
 * Matching the tasks of a stored plan with those of a newly read version of the document:
 * a task is identified by its appendix, its group path and its number (its folded name when it
 * has no number); a key seen twice gets an occurrence suffix.
 */
import { fold } from "@giamsat/core";
import type { KeptCorrection } from "./kept-corrections.js";
import type { FieldChange } from "./task-content.js";

export interface TaskRef {
  /** appendix ordinal (1-based) */
  appendix: number;
  number: string | null;
  name: string;
  /** the stored task (absent for a task not stored yet) */
  taskId?: number;
}

export interface ChangedTask extends TaskRef {
  taskId: number;
  fields: FieldChange[];
}

export interface PlanFieldChange {
  field: "kind" | "date" | "issuer" | "title" | "draft";
  before: unknown;
  after: unknown;
}

export interface PlanDiff {
  plan: PlanFieldChange[];
  added: TaskRef[];
  removed: TaskRef[];
  changed: ChangedTask[];
  /** appendix titles/columns/group rows differ */
  appendicesChanged: boolean;
  /** the indicator tables differ (they are replaced as a whole) */
  indicatorsChanged: boolean;
  /** fields decided after import that the document gives otherwise, kept as stored */
  kept: KeptCorrection[];
}

export function emptyDiff(): PlanDiff {
  return {
    plan: [],
    added: [],
    removed: [],
    changed: [],
    appendicesChanged: false,
    indicatorsChanged: false,
    kept: [],
  };
}

export function isEmptyDiff(d: PlanDiff): boolean {
  return (
    d.plan.length === 0 &&
    d.added.length === 0 &&
    d.removed.length === 0 &&
    d.changed.length === 0 &&
    !d.appendicesChanged &&
    !d.indicatorsChanged
  );
}

/** Keys for a list of tasks in document order (`name` matters for unnumbered tasks only). */
export function taskKeys(
  tasks: readonly {
    appendix: number;
    groupPath: readonly string[];
    number: string | null;
    name: string;
  }[],
): string[] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const id = t.number !== null ? `#${t.number}` : `~${fold(t.name)}`;
    const base = `${t.appendix}|${t.groupPath.join("/")}|${id}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}|${n}`;
  });
}
