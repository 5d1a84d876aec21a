/**
 * A document with no task table (a meeting conclusion, a plan written as prose): the tasks its
 * sentences assign become proposed tasks — lead, coordinators, what, deadline as written, the
 * sentence kept beside them — in an appendix of their own, each with a `task_from_prose` warning:
 * the import page asks the monitoring department to confirm each one, and only confirmed ones
 * are stored.
 */
import type { Appendix, Task } from "../contract.js";
import type { ImportContext } from "../import-context.js";
import type { Paragraph } from "../sections.split.js";
import { readAssignment, sentencesOf } from "./assignment.sentence.js";

export const PROSE_APPENDIX_TITLE = "Nhiệm vụ giao trong nội dung văn bản (cần xác nhận)";
/** The `extra` field holding the sentence a proposed task was read from. */
export const PROSE_SENTENCE = "Nguyên văn";

export function proseAppendix(body: readonly Paragraph[], ctx: ImportContext): Appendix | null {
  const tasks: Task[] = [];
  for (const para of body) {
    for (const sentence of sentencesOf(para.text)) {
      const found = readAssignment(sentence);
      if (!found) continue;
      const who = `Nhiệm vụ (dòng ${para.line})`;
      const lead = ctx.orgs(found.lead);
      const coordinators = found.coordinators ? ctx.orgs(found.coordinators) : null;
      // an empty deadline reads as "none"
      const deadline = ctx.deadline(found.deadline);
      ctx.addDrafts(lead.warnings, para.line, who);
      if (coordinators) ctx.addDrafts(coordinators.warnings, para.line, who);
      ctx.addDrafts(deadline.warnings, para.line, who);
      ctx.warn(
        "task_from_prose",
        para.line,
        `${who}: đọc từ câu văn, cần xác nhận trước khi lưu: “${found.sentence}”`,
      );
      const due = deadline.deadline;
      tasks.push({
        number: null,
        refNumber: null,
        groupPath: [],
        role: null,
        name: found.name,
        basis: [],
        leader: null,
        lead: lead.orgs,
        coordinators: coordinators?.orgs ?? [],
        output: null,
        deadline: due,
        kind: due.kind === "recurring" ? "recurring" : "time-bound",
        milestones: [],
        extra: { [PROSE_SENTENCE]: found.sentence },
        line: para.line,
      });
    }
  }
  if (tasks.length === 0) return null;
  return {
    title: PROSE_APPENDIX_TITLE,
    kind: "tasks",
    columns: [],
    groups: [],
    tasks,
    indicators: [],
  };
}
