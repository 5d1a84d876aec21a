/**
 * The cross-document matcher: which tasks of plan A restate tasks of plan B (a ministry's plan
 * copying the Government's task, often with another deadline). Scores blend name similarity
 * with the assigning documents: a task whose basis IS plan B, or both tasks citing the same
 * document. Pairs are assigned one to one, best first; a person confirms them.
 */
import type { DocumentRef, ImportResult, Task } from "../import/contract.js";
import { refersTo, sameDocument } from "../import/normalise/document-ref.parse.js";
import { nameSimilarities } from "./task-text.similarity.js";

export type MatchedTask = {
  /** Index of the appendix in `ImportResult.appendices` (0-based). */
  appendix: number;
  number: string | null;
  name: string;
  line: number;
};

export type TaskMatch = { a: MatchedTask; b: MatchedTask; score: number; reasons: string[] };

export type MatchOptions = {
  /** Lowest score of a pair to report (0..1). Default 0.5. */
  threshold?: number;
};

/** Names less alike than this are not paired, whatever their basis. */
const MIN_NAME_SIMILARITY = 0.3;
/** The task's basis is the other plan itself. */
const BONUS_BASIS_IS_PLAN = 0.15;
/** Both tasks cite the same assigning document. */
const BONUS_SHARED_BASIS = 0.05;
const DEFAULT_THRESHOLD = 0.5;

type Entry = { task: Task; side: MatchedTask };

function entries(result: ImportResult): Entry[] {
  return result.appendices.flatMap((appendix, i) =>
    appendix.tasks.map((task) => ({
      task,
      side: { appendix: i, number: task.number, name: task.name, line: task.line },
    })),
  );
}

const label = (ref: DocumentRef) =>
  ref.number ? `${ref.kind ?? "Văn bản"} ${ref.number}` : ref.raw;

function basisReasons(
  x: Task,
  y: Task,
  a: ImportResult,
  b: ImportResult,
): { bonus: number; reasons: string[] } {
  const reasons: string[] = [];
  let bonus = 0;
  const toPlan =
    x.basis.find((r) => refersTo(r, b.document)) ?? y.basis.find((r) => refersTo(r, a.document));
  if (toPlan) {
    bonus += BONUS_BASIS_IS_PLAN;
    reasons.push(`Văn bản giao là chính kế hoạch được đối chiếu: ${label(toPlan)}`);
  }
  const shared = x.basis.find(
    (r) => r.kind !== "Đề xuất" && y.basis.some((s) => sameDocument(r, s)),
  );
  if (shared) {
    bonus += BONUS_SHARED_BASIS;
    reasons.push(`Cùng văn bản giao: ${label(shared)}`);
  }
  return { bonus, reasons };
}

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** For the person confirming: the plans often copy a task with another deadline. */
function deadlineReason(x: Task, y: Task): string | null {
  const [p, q] = [x.deadline.due, y.deadline.due];
  if (!p || !q) return null;
  return p === q
    ? `Cùng thời hạn: ${vnDate(p)}`
    : `Thời hạn khác nhau: ${vnDate(p)} và ${vnDate(q)}`;
}

export function matchTasks(a: ImportResult, b: ImportResult, opts: MatchOptions = {}): TaskMatch[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const ea = entries(a);
  const eb = entries(b);
  const sims = nameSimilarities(
    ea.map((e) => e.task.name),
    eb.map((e) => e.task.name),
  );
  const candidates: { i: number; j: number; match: TaskMatch }[] = [];
  sims.forEach((row, i) => {
    for (const [j, text] of row) {
      if (text < MIN_NAME_SIMILARITY) continue;
      const x = ea[i]!;
      const y = eb[j]!;
      const { bonus, reasons } = basisReasons(x.task, y.task, a, b);
      const score = Math.round(Math.min(1, text + bonus) * 1000) / 1000;
      if (score < threshold) continue;
      const when = deadlineReason(x.task, y.task);
      const why = [
        `Tên nhiệm vụ giống ${Math.round(text * 100)}%`,
        ...reasons,
        ...(when ? [when] : []),
      ];
      candidates.push({ i, j, match: { a: x.side, b: y.side, score, reasons: why } });
    }
  });
  candidates.sort((p, q) => q.match.score - p.match.score || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: TaskMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push(c.match);
  }
  return out;
}
