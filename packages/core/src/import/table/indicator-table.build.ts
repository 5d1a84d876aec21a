/**
 * An indicator table run → indicators. A numbered row is an indicator (`5.1` a sub-indicator of
 * `5`); rows without a number under it are its periods (`Năm 2026`, `Quý IV/2028` with the
 * period's target in the result column), its unnumbered sub-indicators when it is a header
 * indicator (no unit, no target), or monitoring activities with their own frequency.
 */
import type { Group, Indicator } from "../contract.js";
import type { ImportContext } from "../import-context.js";
import { collectBasis } from "./basis.collect.js";
import type { Entry } from "./entries.classify.js";
import { GroupStack } from "./group-stack.js";
import { checkNumbering } from "./numbering.check.js";
import { parentOf } from "./row.classify.js";
import type { RowFields } from "./row-fields.js";
import type { LogicalRow } from "./rows.merge.js";

export function buildIndicatorTable(
  entries: Entry[],
  fields: RowFields,
  ctx: ImportContext,
): { groups: Group[]; indicators: Indicator[] } {
  const stack = new GroupStack();
  const indicators: Indicator[] = [];
  let header: Indicator | null = null;

  const make = (row: LogicalRow, number: string | null, parentNumber: string | null): Indicator => {
    const who = number ? `Chỉ tiêu ${number}` : `Chỉ tiêu (dòng ${row.line})`;
    const unit = fields.orNull(row, "unit");
    const result = fields.text(row, "output");
    const lead = ctx.orgs(fields.text(row, "lead"));
    ctx.addDrafts(lead.warnings, row.line, who);
    const coordinators = ctx.orgs(fields.text(row, "coordinators"));
    ctx.addDrafts(coordinators.warnings, row.line, who);
    const frequency = fields.text(row, "frequency");
    return {
      number,
      refNumber: fields.orNull(row, "refNumber"),
      parentNumber,
      name: fields.text(row, "name"),
      unit,
      target: result === "" ? null : ctx.target(result, unit),
      periods: [],
      activities: [],
      leader: fields.orNull(row, "leader"),
      lead: lead.orgs,
      coordinators: coordinators.orgs,
      frequency: frequency === "" ? null : ctx.frequency(frequency),
      basis: collectBasis(ctx, row, fields.text(row, "basis"), []),
      line: row.line,
    };
  };

  for (const entry of entries) {
    if (entry.type === "group") {
      stack.push(entry);
      header = null;
      continue;
    }
    if (entry.type === "item") {
      const parent = entry.number ? parentOf(entry.number) : (header?.number ?? null);
      const indicator = make(entry.row, entry.number, parent);
      indicators.push(indicator);
      if (!parent) header = indicator.unit === null && indicator.target === null ? indicator : null;
      continue;
    }
    const current = indicators[indicators.length - 1];
    if (!current) continue;
    const row = entry.row;
    const name = fields.text(row, "name");
    const result = fields.text(row, "output");
    const unit = fields.orNull(row, "unit") ?? current.unit;
    const period = ctx.period(name);
    if (period) {
      current.periods.push({
        ...period,
        target: ctx.target(result, unit) ?? { raw: result, parts: [] },
      });
    } else if (
      header &&
      header === current &&
      (fields.orNull(row, "unit") !== null || result !== "")
    ) {
      indicators.push(make(row, null, header.number));
    } else if (
      header &&
      current.parentNumber === header.number &&
      current.number === null &&
      (fields.orNull(row, "unit") !== null || result !== "") &&
      !fields.has("frequency")
    ) {
      indicators.push(make(row, null, header.number));
    } else {
      const frequency = fields.text(row, "frequency");
      current.activities.push({
        name,
        output: result === "" ? null : result,
        frequency: frequency === "" ? null : frequency,
      });
    }
  }

  checkNumbering(
    indicators.map((i) => ({ ...i, groupPath: [] })),
    ctx,
    "Chỉ tiêu",
  );
  const parents = new Set(indicators.map((i) => i.parentNumber).filter((p) => p !== null));
  for (const ind of indicators) {
    const who = ind.number ? `Chỉ tiêu ${ind.number}` : `Chỉ tiêu (dòng ${ind.line})`;
    if (ind.name === "") ctx.warn("missing_name", ind.line, `${who}: không có tên chỉ tiêu.`);
    if (
      ind.target === null &&
      ind.periods.length === 0 &&
      !(ind.number && parents.has(ind.number))
    ) {
      ctx.warn("indicator_without_target", ind.line, `${who}: không có giá trị mục tiêu.`);
    }
    if (ind.lead.length === 0 && fields.has("lead"))
      ctx.warn("missing_lead", ind.line, `${who}: không có đơn vị chủ trì.`);
  }
  return { groups: stack.groups, indicators };
}
