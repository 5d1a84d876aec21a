/** Reading a logical row's cells by column role, and the columns kept as extra fields. */
import type { Column } from "./header.detect.js";
import type { ColumnRole } from "./column-roles.js";
import type { LogicalRow } from "./rows.merge.js";

export class RowFields {
  private readonly byRole = new Map<ColumnRole, number>();

  constructor(
    readonly columns: Column[],
    private readonly extraRoles: ColumnRole[] = [],
  ) {
    for (const c of columns) if (!this.byRole.has(c.role)) this.byRole.set(c.role, c.index);
  }

  has(role: ColumnRole): boolean {
    return this.byRole.has(role);
  }

  text(row: LogicalRow, role: ColumnRole): string {
    const i = this.byRole.get(role);
    return i === undefined ? "" : (row.cells[i] ?? "");
  }

  /** The header text of the role's column, null when the table has none. */
  header(role: ColumnRole): string | null {
    const i = this.byRole.get(role);
    return this.columns.find((c) => c.index === i)?.header ?? null;
  }

  orNull(row: LogicalRow, role: ColumnRole): string | null {
    const t = this.text(row, role);
    return t === "" ? null : t;
  }

  /** Columns with role `extra` (and the roles this table kind does not use), by header text. */
  extra(row: LogicalRow): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.columns) {
      if (c.role !== "extra" && !this.extraRoles.includes(c.role)) continue;
      const value = row.cells[c.index] ?? "";
      if (value !== "") out[c.header] = value;
    }
    return out;
  }
}
