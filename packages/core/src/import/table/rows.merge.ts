/**
 * Pass 1 over a table run: rows → logical rows. Continuation rows (cut by a page break) are
 * appended cell by cell to the row above; text glued to a repeated header goes the same way.
 */
import type { Cell } from "../blocks.js";
import type { WarningDraft } from "../warning.js";
import { warning } from "../warning.js";
import type { RunRow, TableRun } from "../sections.split.js";
import type { Column } from "./header.detect.js";
import { judgeContinuation, type RowView } from "./continuation.js";
import { joinCut } from "./text-join.js";
import { readNumber } from "./row.classify.js";

export type LogicalRow = {
  /** Cell texts by column index of the header. */
  cells: string[];
  numberBold: boolean;
  nameBold: boolean;
  nameItalic: boolean;
  footnotes: string[];
  line: number;
  /** How many cut rows were appended to this one. */
  continuations: number;
  /** Why the row's cells look shifted (more cells than columns, words as its number), if they do. */
  shifted: string | null;
  /** An unnumbered heading written between two tables (part-heading.ts). */
  heading: boolean;
};

/** A row is cut by a few page breaks at most; more "continuations" are rows of their own. */
const MAX_CONTINUATIONS = 12;

export type MergeNote = WarningDraft & { line: number };

function indexOf(columns: Column[], role: Column["role"]): number {
  return columns.find((c) => c.role === role)?.index ?? -1;
}

export function viewOf(row: LogicalRow, columns: Column[]): RowView {
  const num = indexOf(columns, "number");
  const name = indexOf(columns, "name");
  const deadline = indexOf(columns, "deadline");
  return {
    name: row.cells[name] ?? "",
    nameBold: row.nameBold,
    nameItalic: row.nameItalic,
    deadline: deadline >= 0 ? (row.cells[deadline] ?? "") : "",
    dataCells: columns.filter(
      (c) => c.index !== num && c.index !== name && (row.cells[c.index] ?? "") !== "",
    ).length,
  };
}

function toLogical(run: RunRow, columns: Column[]): LogicalRow {
  const width = columns.reduce((w, c) => Math.max(w, c.index + 1), 0);
  const cells: string[] = [];
  const at = (i: number): Cell | undefined => run.row.cells[i];
  for (let i = 0; i < width; i++) cells.push(at(i)?.text ?? "");
  const name = indexOf(columns, "name");
  const num = indexOf(columns, "number");
  const overflow = run.row.cells.slice(width).some((c) => c.text !== "");
  const numberText = num >= 0 ? (at(num)?.text ?? "") : "";
  return {
    cells,
    numberBold: num >= 0 && (at(num)?.bold ?? false),
    nameBold: name >= 0 && (at(name)?.bold ?? false),
    nameItalic: name >= 0 && (at(name)?.italic ?? false),
    footnotes: run.row.cells.flatMap((c) => c.footnotes),
    line: run.row.line,
    continuations: 0,
    heading: run.heading === true,
    shifted: overflow
      ? "dòng có nhiều ô hơn số cột của bảng"
      : readNumber(numberText).kind === "text"
        ? `cột số thứ tự chứa “${numberText.slice(0, 40)}”`
        : null,
  };
}

function append(target: LogicalRow, addition: Map<number, string>): void {
  for (const [i, text] of addition) {
    if (i < target.cells.length) target.cells[i] = joinCut(target.cells[i] ?? "", text);
  }
}

/** Merges continuation rows; returns logical rows and notes about doubtful decisions. */
export function mergeRows(run: TableRun): { rows: LogicalRow[]; notes: MergeNote[] } {
  const { columns } = run.header;
  const numIndex = indexOf(columns, "number");
  const nameIndex = indexOf(columns, "name");
  const rows: LogicalRow[] = [];
  const notes: MergeNote[] = [];
  let lastContinuationName: string | null = null;

  for (const physical of run.rows) {
    const above = rows[rows.length - 1];
    if (physical.glued && above) {
      append(above, physical.glued);
      continue;
    }
    const row = toLogical(physical, columns);
    const numKind = numIndex >= 0 ? readNumber(row.cells[numIndex] ?? "").kind : "none";
    const numbered = numKind !== "none" && numKind !== "text";
    if (numKind === "text" && nameIndex >= 0) {
      // Words in the number column belong to the name (the row is shifted; `shifted` says so).
      row.cells[nameIndex] = joinCut(row.cells[numIndex] ?? "", row.cells[nameIndex] ?? "");
      row.cells[numIndex] = "";
    }
    if (!numbered && !row.heading && above && above.continuations < MAX_CONTINUATIONS) {
      const verdict = judgeContinuation(
        viewOf(row, columns),
        viewOf(above, columns),
        physical.afterBreak,
      );
      if (verdict.continues) {
        above.continuations++;
        append(
          above,
          new Map(row.cells.map((t, i) => [i, t] as [number, string]).filter(([, t]) => t !== "")),
        );
        above.footnotes.push(...row.footnotes);
        lastContinuationName = nameIndex >= 0 ? (row.cells[nameIndex] ?? null) : null;
        if (verdict.weak) {
          notes.push({
            ...warning(
              "row_ambiguous",
              "Dòng không có số thứ tự được coi là phần tiếp theo của dòng trên (ngắt trang); cần kiểm tra.",
            ),
            line: row.line,
          });
        }
        continue;
      }
    }
    if (
      numbered &&
      nameIndex >= 0 &&
      row.cells[nameIndex] === "" &&
      above &&
      lastContinuationName?.includes("\n")
    ) {
      // The converter put this row's name at the end of the cut row above it.
      const moved = lastContinuationName.slice(lastContinuationName.lastIndexOf("\n") + 1);
      const aboveName = above.cells[nameIndex] ?? "";
      if (moved !== "" && aboveName.endsWith(moved)) {
        above.cells[nameIndex] = aboveName.slice(0, aboveName.length - moved.length).trimEnd();
        row.cells[nameIndex] = moved;
        notes.push({
          ...warning(
            "name_recovered",
            "Tên nhiệm vụ bị dính vào dòng trên khi chuyển đổi; đã tách lại, cần kiểm tra.",
          ),
          line: row.line,
        });
      }
    }
    lastContinuationName = null;
    rows.push(row);
  }
  return { rows, notes };
}
