/**
 * Counts summed "up to a date" kept at three levels (migrations 0030 and 0033): each day's
 * counts are added to its year's row, its month's and its own, so that a date sums the years
 * before its own, the months of its year before its own and the days of its month up to it —
 * three index ranges of a few dozen rows per unit, however long the history
 * (repositories/day-levels.ts reads them). '' (always) sorts before every year.
 */
export const DAY_LEVELS = `SELECT 'y' AS level, 4 AS len UNION ALL SELECT 'm', 7 UNION ALL SELECT 'd', 10`;
