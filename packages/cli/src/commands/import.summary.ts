/** The human-readable summary of an import: document, counts per appendix, warnings, tasks. */
import type { Appendix, Deadline, ImportResult, OrgRef, Warning } from "@giamsat/core";
import { cut, renderTable, type Palette, type TableCell } from "../output.js";

const RECURRENCE: Record<string, string> = {
  continuous: "Thường xuyên",
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  yearly: "Hằng năm",
};

/** ISO 2026-03-31 → 31/03/2026. */
export function viDate(iso: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}

export function deadlineCell(d: Deadline): TableCell {
  switch (d.kind) {
    case "date":
      return viDate(d.due);
    case "range":
      return `${viDate(d.start)}–${viDate(d.due)}`;
    case "recurring":
      return RECURRENCE[d.recurrence ?? "continuous"] ?? d.raw;
    case "unresolved":
      return { text: d.raw, tone: "yellow" };
    default:
      return { text: "—", tone: "dim" };
  }
}

function orgsCell(orgs: OrgRef[]): TableCell {
  if (orgs.length === 0) return { text: "—", tone: "dim" };
  const text = orgs.map((o) => o.name).join("; ");
  return orgs.some((o) => !o.resolved) ? { text, tone: "red" } : text;
}

function documentLine(r: ImportResult): string {
  const d = r.document;
  const parts = [d.kind ?? "Văn bản", d.number ? `số ${d.number}` : "(chưa có số)"];
  if (d.date) parts.push(`ngày ${viDate(d.date)}`);
  const issuer = d.issuer ? ` — ${d.issuer}` : "";
  return `${parts.join(" ")}${issuer}${d.draft ? " (DỰ THẢO)" : ""}`;
}

function countsTable(r: ImportResult, p: Palette): string {
  const rows = r.appendices.map((a) => [
    a.title,
    a.kind === "tasks" ? "nhiệm vụ" : "chỉ tiêu",
    String(a.tasks.length),
    String(a.indicators.length),
    String(a.groups.length),
    String(a.tasks.reduce((n, t) => n + t.milestones.length, 0)),
  ]);
  const right = { align: "right" as const };
  return renderTable(
    [
      { title: "Phụ lục", max: 60 },
      { title: "Loại" },
      { title: "Nhiệm vụ", ...right },
      { title: "Chỉ tiêu", ...right },
      { title: "Nhóm", ...right },
      { title: "Mốc", ...right },
    ],
    rows,
    p,
  );
}

function warningsSection(warnings: Warning[], p: Palette): string {
  if (warnings.length === 0) return p.paint("Không có cảnh báo.", "green");
  const byCode = new Map<string, Warning[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  const lines = [p.paint(`Cảnh báo (${warnings.length}):`, "yellow")];
  for (const [code, list] of [...byCode].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )) {
    const at = list.map((w) => w.line).filter((l): l is number => l !== null);
    const where =
      at.length > 0 ? ` — dòng ${at.slice(0, 5).join(", ")}${at.length > 5 ? ", …" : ""}` : "";
    lines.push(`  ${p.paint(code, "yellow")} ×${list.length}${where}`);
    lines.push(`    ${cut(list[0]?.message ?? "", 110)}`);
  }
  return lines.join("\n");
}

function appendixTable(a: Appendix, p: Palette): string {
  if (a.kind === "indicators") {
    return renderTable(
      [
        { title: "TT" },
        { title: "Chỉ tiêu", max: 56 },
        { title: "Đơn vị", max: 12 },
        { title: "Mục tiêu", max: 18 },
        { title: "Chủ trì", max: 36 },
      ],
      a.indicators.map((i) => [
        i.number ?? "",
        i.name,
        i.unit ?? "",
        i.target?.raw ?? "",
        orgsCell(i.lead),
      ]),
      p,
    );
  }
  return renderTable(
    [
      { title: "TT" },
      { title: "Nhiệm vụ", max: 56 },
      { title: "Chủ trì", max: 36 },
      { title: "Thời hạn", max: 24 },
    ],
    a.tasks.map((t) => [
      t.number ?? { text: "(không số)", tone: "dim" },
      t.name,
      orgsCell(t.lead),
      deadlineCell(t.deadline),
    ]),
    p,
  );
}

export function renderImportSummary(r: ImportResult, file: string, p: Palette): string {
  const out = [
    `${p.paint("Tệp:", "bold")} ${file}`,
    `${p.paint("Văn bản:", "bold")} ${documentLine(r)}`,
  ];
  if (r.document.title) out.push(`${p.paint("Trích yếu:", "bold")} ${cut(r.document.title, 120)}`);
  out.push("", countsTable(r, p), "", warningsSection(r.warnings, p));
  for (const a of r.appendices) out.push("", p.paint(a.title, "cyan"), appendixTable(a, p));
  return `${out.join("\n")}\n`;
}
