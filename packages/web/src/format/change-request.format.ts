import type { ChangeRequestView } from "../api/types.js";
import { formatDate } from "./date.format.js";

export const CHANGE_KINDS: Record<string, string> = {
  extend_deadline: "Gia hạn",
  reassign: "Giao lại đơn vị chủ trì",
  change_output: "Thay đổi sản phẩm",
  cancel: "Huỷ nhiệm vụ",
};

export const CHANGE_STATUS = {
  awaiting_signoff: "Chờ lãnh đạo đơn vị ký duyệt",
  returned: "Lãnh đạo đơn vị trả lại",
  proposed: "Chờ lãnh đạo quyết định",
  approved: "Đã chấp thuận",
  rejected: "Không chấp thuận",
} as const satisfies Record<ChangeRequestView["status"], string>;

/**
 * What a change request asks for, in one Vietnamese line: "Gia hạn đến 30/09/2026",
 * "Giao lại đơn vị chủ trì: Vụ A; Vụ B" (names from `orgNames` when known).
 */
export function describeChange(
  kind: string,
  payload: Record<string, unknown>,
  orgNames: ReadonlyMap<number, string> = new Map(),
): string {
  const label = CHANGE_KINDS[kind] ?? kind;
  if (kind === "extend_deadline" && typeof payload.dueDate === "string")
    return `${label} đến ${formatDate(payload.dueDate)}`;
  if (kind === "change_output" && typeof payload.output === "string")
    return `${label}: “${payload.output}”`;
  if (kind === "reassign" && Array.isArray(payload.leadOrgIds)) {
    const names = payload.leadOrgIds.map((id) =>
      typeof id === "number" ? (orgNames.get(id) ?? `đơn vị số ${id}`) : String(id),
    );
    return `${label}: ${names.join("; ")}`;
  }
  return label;
}
