/**
 * A report-day reminder stored as what it says and its tasks' ids, and rendered when it is sent:
 * the day's run at national scale (hundreds of thousands of units' reminders) then stores a few
 * numbers per message instead of every owing task's name twice (text and HTML), and does not read
 * the names at all. The rendered text is the same as a message composed at once.
 */
import type { Message } from "./message.js";
import {
  reportDueHeader,
  reportDueMessage,
  type ReportDueInput,
  type TaskRef,
} from "./reminder-messages.js";

export type DeferredMessage = Pick<Message, "kind" | "subject" | "link"> & {
  /** JSON of `DeferredContent`, stored until the message is rendered */
  content: string;
};

type DeferredContent = { template: "report_due"; input: ReportDueInput; taskIds: number[] };

export function deferredReportDue(
  input: ReportDueInput,
  taskIds: readonly number[],
): DeferredMessage {
  const content: DeferredContent = { template: "report_due", input, taskIds: [...taskIds] };
  return { ...reportDueHeader(input), content: JSON.stringify(content) };
}

/** The task ids a stored content lists (to read their numbers and names before rendering). */
export function deferredTaskIds(content: string): number[] {
  return parseContent(content).taskIds;
}

/** Renders stored content; a task no longer found (deleted since) is left out of the list. */
export function renderDeferred(
  content: string,
  tasks: ReadonlyMap<number, TaskRef>,
  siteUrl: string,
): Message {
  const c = parseContent(content);
  return reportDueMessage(
    { ...c.input, tasks: c.taskIds.flatMap((id) => tasks.get(id) ?? []) },
    siteUrl,
  );
}

function parseContent(content: string): DeferredContent {
  const c = JSON.parse(content) as DeferredContent;
  if (c.template !== "report_due") throw new Error(`Mẫu thông báo không rõ: ${String(c.template)}`);
  return c;
}
