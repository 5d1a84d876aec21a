import { sql } from "kysely";
import type { SqlBool } from "kysely";

/**
 * The rows of counts kept at three levels (migrations/day-levels.sql.ts) that sum up to a date:
 * the years before its own, the months of its year before its own, the days of its month up to
 * it — three ranges of (`level`, `day_key`).
 */
export type DayLevelRange = {
  level: "y" | "m" | "d";
  from: string;
  op: "<" | "<=";
  to: string;
};

export function dayLevelRanges(asOf: string): DayLevelRange[] {
  const [year, month] = [asOf.slice(0, 4), asOf.slice(0, 7)];
  return [
    { level: "y", from: "", op: "<", to: year },
    { level: "m", from: `${year}-01`, op: "<", to: month },
    { level: "d", from: `${month}-01`, op: "<=", to: asOf },
  ];
}

/** `level = … AND day_key` in the range, for any of the tables kept at levels. */
export function inLevelRange(r: DayLevelRange) {
  return sql<SqlBool>`level = ${r.level} AND day_key >= ${r.from} AND day_key ${sql.raw(r.op)} ${r.to}`;
}

/** The three range queries (one per level) of the rows summing up to `asOf`, as one. */
export function upToDate<Q extends { unionAll(other: Q): Q }>(
  asOf: string,
  part: (range: DayLevelRange) => Q,
): Q {
  const [years, months, days] = dayLevelRanges(asOf).map(part);
  return years!.unionAll(months!).unionAll(days!);
}
