/**
 * One table run of an appendix section → one `Appendix`: its kind (tasks or indicators), its
 * rows merged and classified, tasks or indicators built, column gaps reported.
 */
import type { Appendix, AppendixKind } from "./contract.js";
import { fold } from "../text/fold.js";
import { coveredNumbers } from "./footnotes.js";
import type { ImportContext } from "./import-context.js";
import type { Footnote, Section, TableRun } from "./sections.split.js";
import { classifyRows } from "./table/entries.classify.js";
import { buildIndicatorTable } from "./table/indicator-table.build.js";
import { RowFields } from "./table/row-fields.js";
import { mergeRows } from "./table/rows.merge.js";
import { buildTaskTable } from "./table/task-table.build.js";

/** `PHỤ LỤC I — DANH MỤC NHIỆM VỤ … NHIỆM VỤ CÓ THỜI HẠN`. */
export function sectionTitle(section: Section): string {
  const title = section.titleLines.join(" ").replace(/\s+/g, " ").trim();
  if (section.heading && title) return `${section.heading} — ${title}`;
  return section.heading ?? (title || "Bảng nhiệm vụ");
}

/**
 * Tasks or indicators, and why in doubt: the kind is read from the name column's header (`Chỉ
 * tiêu`), a unit-of-measure column or the title; when other columns say the opposite (a name
 * column headed `Nhiệm vụ`, a deadline column) the choice is reported, never made silently.
 */
function kindOf(run: TableRun, title: string): { kind: AppendixKind; doubt: string | null } {
  const name = run.header.columns.find((c) => c.role === "name");
  const unit = run.header.columns.find((c) => c.role === "unit");
  const deadline = run.header.columns.find((c) => c.role === "deadline");
  const nameKey = fold(name?.header ?? "");
  if (/^(?:ten\s+)?chi tieu\b/.test(nameKey)) return { kind: "indicators", doubt: null };
  const taskWords = /\b(?:nhiem vu|cong viec|hoat dong)\b/.test(nameKey);
  const against = [
    taskWords ? `cột “${name?.header ?? ""}”` : null,
    deadline ? `cột “${deadline.header}”` : null,
  ].filter((x) => x !== null);
  if (unit) {
    const doubt =
      against.length > 0
        ? `có cột “${unit.header}” (đơn vị tính) nên được đọc là bảng chỉ tiêu, dù có ${against.join(" và ")}`
        : null;
    return { kind: "indicators", doubt };
  }
  if (/\bchi tieu\b/.test(fold(title)) && !taskWords) {
    const doubt = deadline
      ? `tiêu đề nói “chỉ tiêu” nên được đọc là bảng chỉ tiêu, dù có cột “${deadline.header}”`
      : null;
    return { kind: "indicators", doubt };
  }
  return { kind: "tasks", doubt: null };
}

export type AppendixInput = {
  section: Section;
  run: TableRun;
  /** Footnotes placed inside this section (for bodies that list task numbers). */
  sectionNotes: Footnote[];
};

export function buildAppendix(
  { section, run, sectionNotes }: AppendixInput,
  ctx: ImportContext,
): Appendix {
  const title = sectionTitle(section);
  const { kind, doubt } = kindOf(run, title);
  if (doubt)
    ctx.warn(
      "table_kind_doubtful",
      run.header.line,
      `${title.slice(0, 80)}: bảng ${doubt}; cần kiểm tra.`,
    );
  const { rows, notes } = mergeRows(run);
  for (const note of notes)
    ctx.warnings.push({ line: note.line, code: note.code, message: note.message });
  const entries = classifyRows(rows, run.header.columns);
  const columns = run.header.columns.map((c) => c.header);
  const base = { title, kind, columns };

  if (kind === "indicators") {
    const fields = new RowFields(run.header.columns, ["deadline"]);
    const { groups, indicators } = buildIndicatorTable(entries, fields, ctx);
    return { ...base, groups, tasks: [], indicators };
  }

  const fields = new RowFields(run.header.columns, ["unit", "frequency"]);
  const context = fold(`${title} ${run.intro.join(" ")}`);
  const recurring = !fields.has("deadline") && /\bthuong xuyen\b/.test(context);
  const covers = sectionNotes
    .map((note) => ({ note, numbers: coveredNumbers(note.text) }))
    .filter((c) => c.numbers.length > 0);
  const covering = (number: string) =>
    covers.filter((c) => c.numbers.includes(number)).map((c) => c.note);
  const { groups, tasks } = buildTaskTable(entries, fields, ctx, { recurring, covering });

  const missing: string[] = [];
  if (!fields.has("lead")) missing.push("cơ quan chủ trì");
  if (!fields.has("deadline") && !recurring) missing.push("thời hạn");
  if (!fields.has("output")) missing.push("kết quả/sản phẩm");
  if (!fields.has("basis") && !tasks.some((t) => t.basis.length > 0)) missing.push("văn bản giao");
  if (missing.length > 0) {
    ctx.warn(
      "column_missing",
      run.header.line,
      `${title.slice(0, 80)}: bảng không có cột ${missing.join(", ")}.`,
    );
  }
  return { ...base, groups, tasks, indicators: [] };
}
