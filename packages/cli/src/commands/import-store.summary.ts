/** The Vietnamese summary `giamsat import FILE` prints after storing a plan. */
import { formatDate, formatDeadline, toRoman } from "@giamsat/core";
import type { Deadline, ImportResult } from "@giamsat/core";
import { TASK_FIELD_LABELS } from "@giamsat/db";
import type { FieldChange, StorePlanOutcome, TaskRef } from "@giamsat/db";
import { cut, type Palette } from "../output.js";

function planLabel(result: ImportResult): string {
  const d = result.document;
  const parts = [d.number ? `số ${d.number}` : "(chưa có số)"];
  if (d.date) parts.push(`ngày ${formatDate(d.date)}`);
  if (d.issuer) parts.push(`— ${d.issuer}`);
  return parts.join(" ");
}

function taskLabel(t: TaskRef): string {
  const appendix = `PL ${toRoman(t.appendix)}`;
  return `${appendix}, nhiệm vụ ${t.number ?? "(không số)"}: ${cut(t.name, 70)}`;
}

function valueText(change: FieldChange, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(trống)";
  if (change.field === "deadline") return formatDeadline(value as Deadline);
  if (typeof value === "string") return cut(value, 50);
  if (Array.isArray(value)) {
    const names = value.map((v) =>
      typeof v === "string" ? v : ((v as { name?: string }).name ?? ""),
    );
    return cut(names.join("; "), 50) || "(trống)";
  }
  return cut(JSON.stringify(value), 50);
}

export function renderStoreSummary(
  result: ImportResult,
  out: StorePlanOutcome,
  proposedLinks: number,
  p: Palette,
): string {
  const lines: string[] = [];
  const label = planLabel(result);
  if (out.created) {
    lines.push(p.paint(`Đã lưu kế hoạch ${label} (mã ${out.planId}).`, "green"));
  } else if (out.unchanged) {
    const kept = out.changes.kept.length > 0 ? " ngoài các trường đã hiệu chỉnh, được giữ:" : ".";
    lines.push(
      `Kế hoạch ${label} đã có trong cơ sở dữ liệu (mã ${out.planId}): không có gì thay đổi${kept}`,
    );
  } else {
    const c = out.changes;
    lines.push(
      p.paint(`Đã cập nhật kế hoạch ${label} (mã ${out.planId}) theo văn bản sửa đổi:`, "yellow") +
        ` thêm ${c.added.length}, bỏ ${c.removed.length}, sửa ${c.changed.length} nhiệm vụ.`,
    );
    for (const f of c.plan)
      lines.push(
        `  ~ Văn bản — ${f.field}: ${String(f.before ?? "(trống)")} → ${String(f.after ?? "(trống)")}`,
      );
    for (const t of c.added) lines.push(p.paint(`  + ${taskLabel(t)}`, "green"));
    for (const t of c.removed) lines.push(p.paint(`  - ${taskLabel(t)}`, "red"));
    for (const t of c.changed) {
      lines.push(`  ~ ${taskLabel(t)}`);
      for (const f of t.fields) {
        lines.push(
          p.paint(
            `      ${TASK_FIELD_LABELS[f.field]}: ${valueText(f, f.before)} → ${valueText(f, f.after)}`,
            "dim",
          ),
        );
      }
    }
    if (c.indicatorsChanged) lines.push("  ~ Bảng chỉ tiêu đã được cập nhật.");
  }
  // a field corrected after import is kept, whether or not the document changed anything else
  if (!out.created)
    for (const k of out.changes.kept)
      lines.push(
        p.paint(
          `  = ${k.place}: giữ ${k.label.toLowerCase()} đã hiệu chỉnh “${cut(k.kept, 50)}” (văn bản ghi “${cut(k.document, 50)}”)`,
          "yellow",
        ),
      );
  lines.push(
    `  Nhiệm vụ: ${out.tasks} · chỉ tiêu: ${out.indicators} · tên đơn vị chưa nhận diện: ${out.unresolvedOrgs}` +
      (out.addedOrganisations ? ` · tổ chức mới thêm vào danh mục: ${out.addedOrganisations}` : ""),
  );
  if (proposedLinks > 0) {
    lines.push(
      `  Đề xuất ${proposedLinks} liên kết với nhiệm vụ của kế hoạch đã có (chờ người xác nhận).`,
    );
  }
  return `${lines.join("\n")}\n`;
}
