import { fieldsByPath, type FieldOf } from "../forms/form-errors.js";
import type { ReportFields } from "./report-fields.js";

/** The report form's fields by the path the server names them with. */
const byPath = fieldsByPath({
  period: { id: "r-period", label: "Kỳ báo cáo" },
  supersedes: { id: "r-period", label: "Kỳ báo cáo" },
  state: { id: "r-state", label: "Tình trạng thực hiện" },
  completedOn: { id: "r-completed", label: "Ngày hoàn thành" },
  progress: { id: "r-progress", label: "Tiến độ (%)" },
  summary: { id: "r-summary", label: "Kết quả thực hiện" },
  difficulties: { id: "r-difficulties", label: "Khó khăn, vướng mắc" },
  proposals: { id: "r-proposals", label: "Đề xuất, kiến nghị" },
});

/** The numbers (from 1) of a text box's lines that are not blank: the items it sends, in order. */
export const filledLines = (text: string) =>
  text.split("\n").flatMap((line, i) => (line.trim() ? [i + 1] : []));

/**
 * Where the server's path of a report sent from `fields` sits on the form. The evidence list is
 * the document lines then the link lines, so `evidence.3.url` is a line of the links box.
 */
export function reportFieldOf(fields: ReportFields): FieldOf {
  const documents = filledLines(fields.references);
  const links = filledLines(fields.links);
  return (path) => {
    const item = /^evidence\.(\d+)(?:\.|$)/.exec(path);
    if (!item) return byPath(path);
    const index = Number(item[1]);
    if (index < documents.length)
      return { id: "r-refs", label: "Văn bản minh chứng", line: documents[index] };
    return { id: "r-links", label: "Đường dẫn minh chứng", line: links[index - documents.length] };
  };
}
