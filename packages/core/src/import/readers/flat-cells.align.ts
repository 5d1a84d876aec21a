/**
 * The cells of one row of a flattened web table (cells one after another, empty ones lost, a
 * spanning cell written once) → the table's columns. The cells keep their order; each goes to a
 * column after the previous one (or continues it, as a cell of several paragraphs), choosing
 * the assignment whose values fit their columns best: a date under the deadline, a unit under
 * the lead or coordinators, a document number under the basis, the longest text under the name.
 */
import { fold } from "../../text/fold.js";
import { parseDeadline } from "../normalise/deadline.parse.js";
import { parseDocumentRefs } from "../normalise/document-ref.parse.js";
import type { ColumnRole } from "../table/column-roles.js";

/** The words an organisation's name starts with (with diacritics: `Sở` is not `Số hóa`). */
const ORG_START =
  /^(?:các\s+|một số\s+)?(?:bộ|cục|vụ|sở|ủy ban|uỷ ban|ubnd|văn phòng|ban(?!\s+hành)|tổng cục|viện|trung tâm|đài|thông tấn|báo|tập đoàn|ngân hàng|hội|thanh tra|học viện|trường|tổng công ty|cơ quan|đơn vị|doanh nghiệp|hiệp hội|kiểm toán|tòa án|quốc hội|chính phủ|thủ tướng|địa phương|ngành)(?![\p{L}])/u;
export const isOrgName = (text: string) => ORG_START.test(text.normalize("NFC").toLowerCase());

const CONTINUABLE = new Set<ColumnRole>([
  "name",
  "output",
  "basis",
  "lead",
  "coordinators",
  "extra",
]);

function fits(text: string, role: ColumnRole): number {
  const f = fold(text);
  switch (role) {
    case "name":
      return 1 + Math.min(text.length, 200) / 100;
    case "output":
      return 0.5;
    case "lead":
      return isOrgName(text) ? 3.5 : -1;
    case "coordinators":
      return isOrgName(text) ? 3 : -1;
    case "deadline": {
      if (text.length > 80) return -2; // a sentence mentioning `thường xuyên` is not a deadline
      const kind = parseDeadline(text, { year: null }).deadline.kind;
      return kind === "date" || kind === "range" || kind === "recurring" ? 4 : -2;
    }
    case "basis":
      return parseDocumentRefs(text).length > 0 ? 3 : -0.5;
    case "leader":
      return /^(?:lanh dao|bo truong|thu truong|dong chi|pho thu tuong)\b/.test(f) ? 3 : -1;
    case "unit":
      return text.length <= 20 && !/\d{2}/.test(text) ? 1.5 : -1;
    case "frequency":
      return /\b(?:hang|hang|dinh ky|thang|quy|nam)\b/.test(f) ? 1 : -1;
    case "number":
    case "refNumber":
      return -5;
    default:
      return 0;
  }
}

const JOIN_PENALTY = 2;

/**
 * Assigns `cells` to `roles` (the candidate columns, in order). Returns, per column, the index
 * of the cells it holds.
 */
export function alignCells(cells: string[], roles: ColumnRole[]): number[][] {
  const k = cells.length;
  const m = roles.length;
  const out: number[][] = roles.map(() => []);
  if (k === 0 || m === 0) return out;
  const score = cells.map((c) => roles.map((r) => (c === "" ? 0 : fits(c, r))));
  // best[i][j]: best total with cells 0..i placed, cell i in column j.
  const best = Array.from({ length: k }, () => new Array<number>(m).fill(-Infinity));
  const from = Array.from({ length: k }, () => new Array<number>(m).fill(-1));
  for (let j = 0; j < m; j++) best[0]![j] = score[0]![j]!;
  for (let i = 1; i < k; i++) {
    for (let j = 0; j < m; j++) {
      let top = -Infinity;
      let arg = -1;
      for (let p = 0; p < j; p++) {
        if (best[i - 1]![p]! > top) {
          top = best[i - 1]![p]!;
          arg = p;
        }
      }
      let value = top + score[i]![j]!;
      const join = best[i - 1]![j]! - JOIN_PENALTY;
      if (CONTINUABLE.has(roles[j]!) && join > value) {
        value = join;
        arg = j;
      }
      best[i]![j] = value;
      from[i]![j] = arg;
    }
  }
  let j = 0;
  for (let c = 1; c < m; c++) if (best[k - 1]![c]! > best[k - 1]![j]!) j = c;
  for (let i = k - 1; i >= 0; i--) {
    out[j]!.unshift(i);
    j = i > 0 ? from[i]![j]! : j;
  }
  return out;
}
